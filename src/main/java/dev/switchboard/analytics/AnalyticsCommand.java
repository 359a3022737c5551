package dev.switchboard.analytics;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code analytics rebuild [tenant]}: recomputes the rollups from the raw calls of the configured database, e.g.
 * after a bulk load. Run it while no server writes to that database.
 */
public final class AnalyticsCommand {
    static final String USAGE = "usage: analytics rebuild [tenant]";

    private AnalyticsCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        if (args.length == 0 || !args[0].equals("rebuild") || args.length > 2) throw new ConfigException(USAGE);
        AppConfig config = new ConfigLoader(env).load(false);
        try (Database db = Database.open(config.database());
             GroupCommitter writer = new GroupCommitter(db.writerJdbi(), 16, 16, new SimpleMeterRegistry())) {
            long t0 = System.nanoTime();
            Rebuild rebuild = new Rebuild(writer);
            long n = args.length == 2 ? rebuild.tenant(args[1]) : rebuild.all();
            out.printf("analytics: counted %,d ended calls%s in %.1f s%n", n, args.length == 2 ? " of " + args[1] : "",
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
