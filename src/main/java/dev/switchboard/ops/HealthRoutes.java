package dev.switchboard.ops;

import dev.switchboard.db.Database;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.ErrorHandlers;
import io.javalin.http.Context;

import java.util.Map;

/** Liveness, readiness (the database answers) and the Prometheus scrape. */
public final class HealthRoutes {
    private final Database database;
    private final Metrics metrics;

    public HealthRoutes(Database database, Metrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    public void healthz(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void readyz(Context ctx) {
        if (database.isReachable()) {
            ctx.json(Map.of("status", "ready", "database", database.dialect().name().toLowerCase()));
        } else {
            ErrorHandlers.write(ctx, ErrorCode.UNAVAILABLE, "The database is not reachable");
        }
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
