package dev.switchboard.bench;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code switchboard bench}: webhooks in, dashboards out, measured end to end against a real server
 * process. Runs a fixed-rate phase (latency) and an as-fast-as-possible phase (throughput) and prints
 * one table row each.
 */
public final class Benchmark {

    record Options(int senders, int sockets, int tenants, int seconds, int warmup, List<Double> rates, String databaseUrl,
                   int port, List<String> jvmArgs) {}

    /** {@code totalAcked} covers warm-up and measurement, to compare with what the database stored. */
    record Row(String phase, double targetRate, long totalAcked, long failed, double perSecond, Histogram ack,
               Histogram delivery, DashboardProbes.Tally tally, long storedRaw, long peakRssKb) {}

    private Benchmark() {}

    public static int run(String[] args, PrintStream out) {
        if (args.length > 0 && args[0].equals("history")) {
            return HistoryBenchmark.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
        }
        if (args.length > 0 && args[0].equals("analytics")) {
            return AnalyticsBenchmark.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
        }
        if (args.length > 0 && args[0].equals("listen")) {
            try {
                return ListenBenchmark.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
            } catch (Exception e) {
                out.println("bench listen failed: " + e);
                return 1;
            }
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        out.printf(Locale.ROOT, "Switchboard benchmark: %d senders, %d dashboard sockets over %d tenants, %d s per phase (+%d s warm-up), %s, %d cores%n",
                o.senders(), o.sockets(), o.tenants(), o.seconds(), o.warmup(), o.databaseUrl() == null ? "SQLite (synchronous=FULL)" : "PostgreSQL",
                Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        try {
            for (double rate : o.rates()) {
                out.printf(Locale.ROOT, "  running %s …%n", rate > 0 ? String.format(Locale.ROOT, "%.0f webhooks/s", rate) : "max rate");
                rows.add(phase(o, rate));
            }
        } catch (Exception e) {
            out.println("bench failed: " + e);
            // Where it failed: an exception without a message (a refused connection) says little on its own.
            for (StackTraceElement frame : e.getStackTrace()) out.println("    at " + frame);
            return 1;
        }
        printTable(rows, out);
        return rows.stream().allMatch(r -> r.tally().lost() == 0 && r.failed() == 0 && (r.storedRaw() < 0 || r.storedRaw() == r.totalAcked())) ? 0 : 1;
    }

    static final String USAGE = """
            usage: java -jar switchboard.jar bench [--senders 32] [--sockets 100] [--tenants 10] [--seconds 20]
                   [--warmup 5] [--rates 2000,0]   (0 = as fast as possible) [--database-url postgres://…] [--port 18080]
                   java -jar switchboard.jar bench history [--database-url URL] [--iterations 60] [--tenants 5]
                   java -jar switchboard.jar bench listen [--calls 50] [--listeners 4] [--seconds 30] [--warmup 10]
            """;

    static Options parse(String[] args) {
        int senders = 32, sockets = 100, tenants = 10, seconds = 20, warmup = 5, port = 18080;
        List<Double> rates = List.of(2000.0, 0.0);
        String db = null;
        List<String> jvm = List.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
            String v = args[++i];
            switch (a) {
                case "--senders" -> senders = positive(a, v);
                case "--sockets" -> sockets = positive(a, v);
                case "--tenants" -> tenants = positive(a, v);
                case "--seconds" -> seconds = positive(a, v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--port" -> port = positive(a, v);
                case "--rates" -> rates = List.of(v.split(",")).stream().map(Double::parseDouble).toList();
                case "--database-url" -> db = v;
                case "--server-jvm-args" -> jvm = List.of(v.split(" "));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(senders, sockets, tenants, seconds, warmup, rates, db, port, jvm);
    }

    private static int positive(String name, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) throw new IllegalArgumentException(name + " must be positive");
        return n;
    }

    private static Row phase(Options o, double rate) throws Exception {
        List<String> tenants = IntStream.range(0, o.tenants()).mapToObj(i -> "bench-" + i).toList();
        try (ServerProcess server = ServerProcess.start(o.port(), tenants, o.databaseUrl(), o.jvmArgs());
             DashboardProbes probes = new DashboardProbes()) {
            probes.open(server, tenants, o.sockets());
            WebhookLoad load = new WebhookLoad();
            load.start(server.port, tenants, o.senders(), rate);

            sleepSampling(server, o.warmup());
            load.ack.getIntervalHistogram(); // discard warm-up samples
            probes.delivery.getIntervalHistogram();
            long acked0 = load.acked.get();
            long t0 = System.nanoTime();
            sleepSampling(server, o.seconds());
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long ackedInWindow = load.acked.get() - acked0;
            Histogram ack = load.ack.getIntervalHistogram();
            Histogram delivery = probes.delivery.getIntervalHistogram();
            load.stop();
            load.failures.forEach((why, n) -> System.out.printf(Locale.ROOT, "  %,d webhooks failed: %s%n", n.sum(), why));
            awaitQuiet(probes);
            server.sampleRssKb();
            DashboardProbes.Tally tally = probes.tally();
            long peak = server.peakRssKb();
            server.close();
            long stored = o.databaseUrl() == null ? countRaw(server) : -1;
            if (load.failed.get() == 0) server.deleteData();
            else System.out.println("  server log kept: " + server.dataDir.resolve("server.log"));
            return new Row(rate > 0 ? "fixed rate" : "max rate", rate, load.acked.get(), load.failed.get(),
                    ackedInWindow / elapsed, ack, delivery, tally, stored, peak);
        }
    }

    private static void sleepSampling(ServerProcess server, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            server.sampleRssKb();
            Thread.sleep(250);
        }
    }

    /** Waits until the probes have received everything published (no new message for 1 s). */
    private static void awaitQuiet(DashboardProbes probes) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 60; i++) {
            Thread.sleep(500);
            long now = probes.totalReceived();
            if (now == last) return;
            last = now;
        }
    }

    private static long countRaw(ServerProcess server) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM webhook_events")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    static void printTable(List<Row> rows, PrintStream out) {
        out.println();
        out.println("| phase | target/s | webhooks/s (acked, sustained) | ack p50 | ack p99 | delivery p50 | delivery p99 | delivered / expected | lost | failed | acked = stored | server RSS peak |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.1f ms | %.1f ms | %.0f ms | %.0f ms | %,d / %,d | %d | %d | %s | %,d MiB |%n",
                    r.phase(), r.targetRate() > 0 ? String.format(Locale.ROOT, "%,.0f", r.targetRate()) : "max",
                    r.perSecond(), ms(r.ack(), 50), ms(r.ack(), 99), ms(r.delivery(), 50), ms(r.delivery(), 99),
                    r.tally().delivered(), r.tally().expected(), r.tally().lost(), r.failed(),
                    r.storedRaw() < 0 ? "n/a" : (r.storedRaw() == r.totalAcked() ? "yes (" : "NO (") + String.format(Locale.ROOT, "%,d", r.storedRaw()) + ")",
                    r.peakRssKb() / 1024);
        }
        out.println();
        out.println("ack = webhook POST until its 2xx (sent only after the commit); delivery = the webhook's send time until a");
        out.println("dashboard socket of its tenant receives the resulting message; lost = messages a socket never received.");
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
