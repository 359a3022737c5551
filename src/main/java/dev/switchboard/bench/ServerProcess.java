package dev.switchboard.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Switchboard started from this very jar as a separate process (as a user runs it), so the benchmark
 * measures the server's own memory and the load generator's CPU is not mistaken for the server's.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    public final int port;
    public final Path dataDir;
    private long peakRssKb;
    private String cookie;
    /** The agency admin the benchmark signs in as (created from the environment at the server's start). */
    static final String ADMIN_EMAIL = "bench-admin@switchboard.local";
    static final String ADMIN_PASSWORD = "bench-admin-password";
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    private ServerProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static ServerProcess start(int port, List<String> tenants, String databaseUrl, List<String> jvmArgs) throws IOException {
        return start(port, Files.createTempDirectory("switchboard-bench"), tenants, databaseUrl, jvmArgs);
    }

    /** Starts a server on the given data directory (reusing it, e.g. after a crash) and waits until it is ready. */
    public static ServerProcess start(int port, Path dataDir, List<String> tenants, String databaseUrl, List<String> jvmArgs)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.switchboard.App", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SWITCHBOARD_") || k.equals("DATABASE_URL") || k.equals("PORT"));
        env.put("PORT", Integer.toString(port));
        env.put("SWITCHBOARD_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        env.put("SWITCHBOARD_TENANTS", String.join(",", tenants));
        env.put("SWITCHBOARD_LOG_LEVEL", "WARN");
        env.put("SWITCHBOARD_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (databaseUrl != null) env.put("DATABASE_URL", databaseUrl);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        ServerProcess server = new ServerProcess(pb.start(), port, dataDir);
        server.awaitReady();
        return server;
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

    /** The agency admin's session cookie ({@code sb_session=…}), signing in on first use. */
    public synchronized String sessionCookie() throws IOException {
        if (cookie != null) return cookie;
        java.net.http.HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
        if (r.statusCode() != 200) throw new IOException("sign-in failed: " + r.statusCode() + " " + r.body());
        String c = r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("sb_session=")).findFirst()
                .orElseThrow(() -> new IOException("no session cookie"));
        cookie = c.substring(0, c.indexOf(';'));
        return cookie;
    }

    /** A single-use WebSocket ticket of the agency admin (for clients that cannot send the cookie). */
    public String wsTicket() throws IOException {
        java.net.http.HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/ws-ticket"))
                .header("Cookie", sessionCookie()).header("X-CSRF-Token", csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 200) throw new IOException("ws-ticket failed: " + r.statusCode() + " " + r.body());
        String body = r.body();
        int i = body.indexOf("\"ticket\":\"") + 10;
        return body.substring(i, body.indexOf('"', i));
    }

    private String csrf() throws IOException {
        java.net.http.HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/me"))
                .header("Cookie", sessionCookie()).GET());
        String body = r.body();
        int i = body.indexOf("\"csrfToken\":\"") + 13;
        return body.substring(i, body.indexOf('"', i));
    }

    private java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
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

    public long pid() {
        return process.pid();
    }

    /** Removes the data directory (call after {@link #close}). */
    public void deleteData() {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans up eventually
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye — a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
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
