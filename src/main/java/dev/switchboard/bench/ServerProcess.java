package dev.switchboard.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Switchboard started from this very jar as a separate process (as a user runs it), so the benchmark
 * measures the server's own memory and the load generator's CPU is not mistaken for the server's.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    final int port;
    final Path dataDir;
    private long peakRssKb;

    private ServerProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static ServerProcess start(int port, List<String> tenants, String databaseUrl, List<String> jvmArgs) throws IOException {
        Path dataDir = Files.createTempDirectory("switchboard-bench");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", ownJar(), "dev.switchboard.App", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SWITCHBOARD_") || k.equals("DATABASE_URL") || k.equals("PORT"));
        env.put("PORT", Integer.toString(port));
        env.put("SWITCHBOARD_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        env.put("SWITCHBOARD_TENANTS", String.join(",", tenants));
        env.put("SWITCHBOARD_LOG_LEVEL", "WARN");
        if (databaseUrl != null) env.put("DATABASE_URL", databaseUrl);
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        ServerProcess server = new ServerProcess(pb.start(), port, dataDir);
        server.awaitReady();
        return server;
    }

    static String ownJar() {
        try {
            return Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("the server exited; see " + dataDir.resolve("server.log"));
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/readyz").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("the server did not become ready within 60 s; see " + dataDir.resolve("server.log"));
    }

    /** Current resident set size in KiB (Linux), also tracking the peak seen. */
    long sampleRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    peakRssKb = Math.max(peakRssKb, kb);
                    return kb;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    Path databaseFile() {
        return dataDir.resolve("switchboard.db");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
