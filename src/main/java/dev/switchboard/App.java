package dev.switchboard;

import dev.switchboard.call.CallQueries;
import dev.switchboard.call.CallRoutes;
import dev.switchboard.call.CallService;
import dev.switchboard.call.DebugRoutes;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ErrorHandlers;
import dev.switchboard.http.FrontendRoutes;
import dev.switchboard.http.Json;
import dev.switchboard.http.RequestIds;
import dev.switchboard.live.DashboardSocket;
import dev.switchboard.live.LiveHub;
import dev.switchboard.live.LivePublisher;
import dev.switchboard.ops.HealthRoutes;
import dev.switchboard.ops.Metrics;
import dev.switchboard.simulator.SimulatedRecordings;
import dev.switchboard.simulator.VapiSimulator;
import dev.switchboard.tenant.TenantDirectory;
import dev.switchboard.webhook.WebhookIngest;
import dev.switchboard.webhook.WebhookRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;

/**
 * The composition root: config → database → repositories and services → routes and sockets. Every
 * route and socket of the server is listed in {@link #routes}.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final AppConfig config;
    private final Metrics metrics;
    private final Database database;
    private final GroupCommitter writer;
    private final TenantDirectory tenants;
    private final DashboardSocket dashboardSocket;
    private final LivePublisher live;
    private final Javalin server;
    private VapiSimulator simulator;

    private App(AppConfig config, Clock clock) {
        this.config = config;
        this.metrics = new Metrics();
        this.database = Database.open(config.database());
        this.writer = new GroupCommitter(database.writerJdbi(), 20_000, 512, metrics.registry());
        this.tenants = new TenantDirectory(database, writer, clock);
        config.tenants().forEach(t -> {
            if (tenants.ensure(t.id(), t.name())) log.info("created tenant {} ({})", t.id(), t.name());
        });

        LiveHub hub = new LiveHub(metrics.registry());
        this.live = new LivePublisher(hub);
        CallQueries queries = new CallQueries(database, config.live().recentInSnapshot());
        CallService callService = new CallService(clock);
        writer.onRollback(callService::forgetRecent);
        WebhookIngest ingest = new WebhookIngest(writer, callService, live, clock);

        var webhooks = new WebhookRoutes(tenants, ingest, metrics, config.maxWebhookBytes(), clock);
        var calls = new CallRoutes(tenants, queries);
        var debug = new DebugRoutes(config.debugApi(), tenants, queries, writer, callService, live, clock);
        var health = new HealthRoutes(database, metrics);
        this.dashboardSocket = new DashboardSocket(tenants, hub, queries::snapshot, config.live(), clock);

        this.server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxWebhookBytes();
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.requestLogger.http((ctx, ms) -> {
                if (ctx.statusCode() >= 400) {
                    log.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                } else if (log.isDebugEnabled()) {
                    log.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                }
            });
            ErrorHandlers.install(c);
            c.routes.before(RequestIds::assign);
            c.routes.after(RequestIds::clear);
            routes(c, webhooks, calls, debug, health, dashboardSocket);
            if (config.demo()) {
                // The simulator's calls link their recordings here; only demo mode serves them.
                c.routes.get("/simulator/recordings/{file}", new SimulatedRecordings()::serve);
            }
            FrontendRoutes.install(c);
        });
    }

    private static void routes(io.javalin.config.JavalinConfig c, WebhookRoutes webhooks, CallRoutes calls,
                               DebugRoutes debug, HealthRoutes health, DashboardSocket dashboard) {
        c.routes.get("/healthz", health::healthz);
        c.routes.get("/readyz", health::readyz);
        c.routes.get("/metrics", health::metrics);

        c.routes.post("/webhooks/vapi/{client_id}", webhooks::vapi);

        c.routes.get("/api/tenants", calls::listTenants);
        c.routes.get("/api/{client_id}/calls", calls::listCalls);
        c.routes.get("/api/{client_id}/calls/{call_id}", calls::callDetail);

        c.routes.post("/api/debug/create-test-call/{client_id}", debug::createTestCall);
        c.routes.post("/api/debug/log-status-event/{client_id}/{call_id}", debug::logStatusEvent);
        c.routes.get("/api/debug/status-events/{client_id}/{call_id}", debug::statusEvents);

        c.routes.wsBeforeUpgrade("/ws/dashboard", dashboard::beforeUpgrade);
        c.routes.ws("/ws/dashboard", dashboard::configure);
    }

    /** Builds and starts the server (and the simulator in demo mode). */
    public static App start(AppConfig config, Clock clock) {
        App app = new App(config, clock);
        try {
            app.server.start();
            if (config.demo()) app.startSimulator();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void startSimulator() {
        var sim = config.simulator();
        // Created even at 0 calls/minute: its endpoints (recordings, and the listen/control URLs of the calls
        // it is told to start) are part of demo mode.
        for (String t : sim.tenants()) {
            if (tenants.find(t).isEmpty()) tenants.ensure(t, ConfigLoader.prettyName(t));
        }
        // Recording URLs are relative ("" base) so a browser on any host can play them from this server.
        simulator = new VapiSimulator(URI.create("http://" + loopbackOr(config.host()) + ":" + port()), sim.tenants(),
                sim.callsPerMinute(), sim.pace(), System.nanoTime(), VapiSimulator.Options.defaults().withPublicBase(URI.create("")));
        simulator.start();
    }

    /** Where the in-process simulator reaches this server: loopback unless bound to one specific address. */
    private static String loopbackOr(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
    }

    public int port() {
        return server.port();
    }

    /** The built-in simulator in demo mode, else null. */
    public VapiSimulator simulator() {
        return simulator;
    }

    public TenantDirectory tenants() {
        return tenants;
    }

    public Database database() {
        return database;
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (simulator != null) simulator.close();
        try {
            server.stop();
        } catch (RuntimeException e) {
            log.warn("server stop failed", e);
        }
        dashboardSocket.close();
        writer.close();
        live.close();
        database.close();
    }

    public static void main(String[] args) {
        try {
            System.exit(Cli.run(args, System.getenv()));
        } catch (ConfigException e) {
            System.err.println("switchboard: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }
}
