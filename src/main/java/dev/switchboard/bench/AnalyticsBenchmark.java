package dev.switchboard.bench;

import dev.switchboard.analytics.AnalyticsQueries;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.history.GenerateHistoryCommand;
import dev.switchboard.history.HistoryGenerator;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.Tenant;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code switchboard bench analytics}: how long the analytics views take on an existing database (e.g. one filled by
 * the history generator), per tenant, on SQLite or PostgreSQL. A "view" is what the Analytics screen loads: the
 * summary of the range, the trend and today's hours, each turned into its JSON answer; the overview is the agency
 * table over every tenant. Measured in-process on the query layer (HTTP and the gate add about a millisecond).
 * {@code --fill N} first tops the database up to N calls with the history generator and rebuilds the rollups.
 */
public final class AnalyticsBenchmark {
    static final String USAGE = """
            usage: java -jar switchboard.jar bench analytics [--database-url URL] [--data-dir DIR] [--rounds 20]
                   [--fill 1000000 [--tenants 10]]
              Runs against DATABASE_URL (or the SQLite file in the data dir) as it is; --fill adds generated calls first.
            """;

    private AnalyticsBenchmark() {}

    public static int run(String[] args, PrintStream out) {
        Map<String, String> env = new HashMap<>(System.getenv());
        int rounds = 20, fill = 0, tenants = 10;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + args[i]);
                String v = args[i + 1];
                switch (args[i]) {
                    case "--database-url" -> env.put("DATABASE_URL", v);
                    case "--data-dir" -> env.put("SWITCHBOARD_DATA_DIR", v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--fill" -> fill = Integer.parseInt(v);
                    case "--tenants" -> tenants = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            out.println("bench analytics: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
        AppConfig config = new ConfigLoader(env).load(false);
        try (Database db = Database.open(config.database())) {
            String dialect = db.dialect().name().toLowerCase(Locale.ROOT);
            if (fill > 0) fillAndRebuild(db, fill, tenants, out);
            List<Tenant> all = db.read(h -> h.createQuery("SELECT id, name, created_at, time_zone FROM tenants t WHERE EXISTS "
                            + "(SELECT 1 FROM calls c WHERE c.tenant_id = t.id) ORDER BY id")
                    .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list());
            long calls = db.read(h -> h.createQuery("SELECT COUNT(*) FROM calls").mapTo(Long.class).one());
            long rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM analytics_buckets").mapTo(Long.class).one());
            out.printf(Locale.ROOT, "Switchboard analytics benchmark: %s, %,d calls, %,d tenants with calls, %,d rollup rows, %d rounds, %d cores%n",
                    dialect, calls, all.size(), rows, rounds, Runtime.getRuntime().availableProcessors());
            if (all.isEmpty()) {
                out.println("no calls in this database: fill it (the history generator, or --fill N) and run again");
                return 1;
            }
            AnalyticsQueries q = new AnalyticsQueries(db, Clock.systemUTC());
            Map<String, Histogram> results = new LinkedHashMap<>();
            for (int round = -2; round < rounds; round++) { // two warm-up rounds for the JIT and the caches
                boolean measured = round >= 0;
                for (Tenant t : all) {
                    time(results, measured, "30-day view (summary + trend + hourly), per tenant",
                            () -> List.of(q.summary(t, "30d", null, null), q.trend(t, 30), q.hourly(t)));
                    time(results, measured, "90-day view (summary + trend + hourly), per tenant",
                            () -> List.of(q.summary(t, "90d", null, null), q.trend(t, 90), q.hourly(t)));
                    time(results, measured, "summary 30d alone", () -> q.summary(t, "30d", null, null));
                    time(results, measured, "summary 90d alone", () -> q.summary(t, "90d", null, null));
                    time(results, measured, "today (summary + hourly: what a call end refetches)",
                            () -> List.of(q.summary(t, "today", null, null), q.hourly(t)));
                }
                time(results, measured, "agency overview, all " + all.size() + " tenants", () -> q.overview(all));
            }
            printTable(results, out);
            return 0;
        }
    }

    /** Tops the database up to {@code fill} calls with the history generator, then rebuilds what a bulk load bypasses. */
    private static void fillAndRebuild(Database db, int fill, int tenants, PrintStream out) {
        long have = db.read(h -> h.createQuery("SELECT COUNT(*) FROM calls").mapTo(Long.class).one());
        if (have >= fill) return;
        long t0 = System.nanoTime();
        long wrote = new HistoryGenerator(db, System.currentTimeMillis()).run(new HistoryGenerator.Options(fill - have, tenants, 365, 7), n -> {});
        out.printf(Locale.ROOT, "  generated %,d calls in %.1f s%n", wrote, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        GenerateHistoryCommand.afterGenerating(db);
        out.printf(Locale.ROOT, "  rebuilt the rollups and statistics in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void time(Map<String, Histogram> results, boolean measured, String name, Supplier<Object> view) {
        long t0 = System.nanoTime();
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(view.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long us = (System.nanoTime() - t0) / 1000;
        if (json.length == 0) throw new IllegalStateException("empty answer");
        if (measured) results.computeIfAbsent(name, n -> new Histogram(60_000_000L, 3)).recordValue(Math.min(us, 60_000_000L));
    }

    static void printTable(Map<String, Histogram> results, PrintStream out) {
        out.println();
        out.println("| view | samples | p50 | p95 | max |");
        out.println("|---|---:|---:|---:|---:|");
        List<String> lines = new ArrayList<>();
        results.forEach((name, h) -> lines.add(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms | %.1f ms |", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getMaxValue() / 1000.0)));
        lines.forEach(out::println);
        out.println();
    }
}
