package dev.switchboard.history;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.Dialect;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate-history [--calls N] [--tenants N] [--days N] [--seed S]}: a realistic history in the configured
 * database (SQLite by default, PostgreSQL with DATABASE_URL), for demos and the history benchmark.
 */
public final class GenerateHistoryCommand {
    public static final String USAGE = """
            Usage: java -jar switchboard.jar generate-history [--calls N] [--tenants N] [--days N] [--seed S]
              --calls N     calls to write (default 1000000)
              --tenants N   tenants to spread them over, the demo tenants first (default 10)
              --days N      how far back they go (default 365)
              --seed S      the same seed writes the same history (default 1)
            """;

    private GenerateHistoryCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        HistoryGenerator.Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate-history: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        AppConfig config = new ConfigLoader(env).load(false);
        try (Database db = Database.open(config.database())) {
            out.printf(Locale.ROOT, "generating %,d calls over %d days for %d tenants into %s%n", o.calls(), o.days(), o.tenants(),
                    config.database().redactedUrl());
            Progress progress = new Progress(err, "generate-history", o.calls(), System.console() != null);
            long start = System.nanoTime();
            long n = new HistoryGenerator(db, System.currentTimeMillis()).run(o, progress::update);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "wrote %,d calls in %.1f s (%,.0f calls/s)%n", n, seconds, n / seconds);
            afterGenerating(db);
            return 0;
        }
    }

    /**
     * After generating, rebuild derived data: everything computed from calls that a bulk load bypassed. Today the
     * analytics rollups (recounted from the calls), the planner's statistics and the search index's segments.
     */
    public static void afterGenerating(Database db) {
        try (var writer = new dev.switchboard.db.GroupCommitter(db.writerJdbi(), 16, 16,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            new dev.switchboard.analytics.Rebuild(writer).all();
        }
        db.jdbi().useHandle(h -> {
            if (db.dialect() == Dialect.SQLITE) {
                h.execute("INSERT INTO call_search (call_search) VALUES ('optimize')");
                h.execute("ANALYZE");
            } else {
                h.execute("ANALYZE");
            }
        });
    }

    static HistoryGenerator.Options parse(String[] args) {
        long calls = 1_000_000;
        int tenants = 10, days = 365;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
            String v = args[++i];
            try {
                switch (a) {
                    case "--calls" -> calls = Long.parseLong(v);
                    case "--tenants" -> tenants = Integer.parseInt(v);
                    case "--days" -> days = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a whole number, not '" + v + "'");
            }
        }
        if (calls < 0 || tenants < 1 || tenants > 1000 || days < 1 || days > 3650) {
            throw new IllegalArgumentException("--calls must be 0 or more, --tenants 1 to 1000, --days 1 to 3650");
        }
        return new HistoryGenerator.Options(calls, tenants, days, seed);
    }
}
