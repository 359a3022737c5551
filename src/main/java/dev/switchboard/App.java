package dev.switchboard;

import dev.switchboard.analytics.AnalyticsQueries;
import dev.switchboard.analytics.AnalyticsRoutes;
import dev.switchboard.analytics.Rebuild;
import dev.switchboard.analytics.RollupMaintainer;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.audit.AuditRoutes;
import dev.switchboard.auth.Access;
import dev.switchboard.auth.Accounts;
import dev.switchboard.auth.ApiKeyRoutes;
import dev.switchboard.auth.ApiKeys;
import dev.switchboard.auth.DemoUsers;
import dev.switchboard.auth.Gate;
import dev.switchboard.auth.MemberRoutes;
import dev.switchboard.auth.UserAdmin;
import dev.switchboard.auth.UserRoutes;
import dev.switchboard.auth.Role;
import dev.switchboard.auth.WsTickets;
import dev.switchboard.auth.AuthRoutes;
import dev.switchboard.auth.LoginThrottle;
import dev.switchboard.auth.Sessions;
import dev.switchboard.call.CallQueries;
import dev.switchboard.call.CallRoutes;
import dev.switchboard.call.CallService;
import dev.switchboard.call.DebugRoutes;
import dev.switchboard.call.CallRepository;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.call.CallWriteListener;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.control.ActionLog;
import dev.switchboard.control.CallControl;
import dev.switchboard.control.ControlRoutes;
import dev.switchboard.control.TransferTargetRoutes;
import dev.switchboard.db.Database;
import dev.switchboard.db.Dialect;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.history.ExportAudit;
import dev.switchboard.history.HistoryRoutes;
import dev.switchboard.history.HistoryService;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.Cors;
import dev.switchboard.http.ErrorHandlers;
import dev.switchboard.http.FrontendRoutes;
import dev.switchboard.http.Json;
import dev.switchboard.http.JsonLimits;
import dev.switchboard.http.RequestIds;
import dev.switchboard.http.SecurityHeaders;
import dev.switchboard.listen.ListenRelay;
import dev.switchboard.listen.ListenSocket;
import dev.switchboard.live.DashboardSocket;
import dev.switchboard.live.LiveHub;
import dev.switchboard.live.LivePublisher;
import dev.switchboard.ops.HealthRoutes;
import dev.switchboard.ops.Metrics;
import dev.switchboard.simulator.SimulatedRecordings;
import dev.switchboard.simulator.SimulatorEndpoints;
import dev.switchboard.simulator.VapiSimulator;
import dev.switchboard.tenant.CredentialCipher;
import dev.switchboard.tenant.SettingsRoutes;
import dev.switchboard.tenant.TenantDirectory;
import dev.switchboard.tenant.TenantRoutes;
import dev.switchboard.tenant.TenantSettingsService;
import dev.switchboard.webhook.DeliveryLog;
import dev.switchboard.webhook.DeliveryRoutes;
import dev.switchboard.webhook.TestDelivery;
import dev.switchboard.webhook.WebhookFastPath;
import dev.switchboard.webhook.WebhookIngest;
import dev.switchboard.webhook.WebhookRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: config → database → repositories and services → routes and sockets. Every
 * route and socket of the server is listed in {@link #routes}.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** How long a control POST to the provider may take before the supervisor is told it timed out. */
    private static final Duration CONTROL_DEADLINE = Duration.ofSeconds(5);

    private final AppConfig config;
    private final Metrics metrics;
    private final Database database;
    private final GroupCommitter writer;
    private final TenantDirectory tenants;
    private final Accounts accounts;
    private final Gate gate;
    private final DeliveryLog deliveries;
    private final DashboardSocket dashboardSocket;
    private final LivePublisher live;
    private final ListenRelay listenRelay;
    private final ListenSocket listenSocket;
    private final WebhookFastPath webhookFastPath;
    private final Javalin server;
    private volatile VapiSimulator simulator;

    private App(AppConfig config, Clock clock, CredentialCipher cipher) {
        this.config = config;
        this.metrics = new Metrics();
        this.database = Database.open(config.database());
        this.writer = new GroupCommitter(database.writerJdbi(), 20_000, 512, metrics.registry());
        this.tenants = new TenantDirectory(database, writer, clock, cipher);
        checkCredentials(cipher);
        this.deliveries = new DeliveryLog(writer, clock);
        backfillCallFacts(writer);
        new Rebuild(writer).ifPending(); // after the facts it counts, before any webhook
        config.tenants().forEach(t -> {
            if (tenants.ensure(t.id(), t.name())) log.info("created tenant {} ({})", t.id(), t.name());
        });

        // Outbound to providers (listen and control URLs): redirects are not followed, so a Bearer key never
        // travels to a host the provider did not name.
        HttpClient providerHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        LiveHub hub = new LiveHub(metrics.registry(), config.live().flushInterval());
        this.live = new LivePublisher(hub);
        this.listenRelay = new ListenRelay(providerHttp, this::callEnded, Duration.ofSeconds(2), metrics.registry());
        // After each commit: the relay only looks for calls that ended (cheap), then the dashboards get it all.
        CallUpdateListener afterCommit = (tenantId, updates) -> {
            listenRelay.published(tenantId, updates);
            live.published(tenantId, updates);
        };
        CallQueries queries = new CallQueries(database, config.live().recentInSnapshot());
        var searchIndex = new dev.switchboard.history.SearchIndex(database.dialect());
        CallWriteListener derived = database.dialect() == Dialect.SQLITE
                ? CallWriteListener.both(new RollupMaintainer(), new dev.switchboard.history.DataValues())
                : new RollupMaintainer();
        CallService callService = new CallService(clock, derived, searchIndex::refresh);
        writer.onRollback(callService::forgetRecent);
        WebhookIngest ingest = new WebhookIngest(writer, callService, afterCommit, clock);
        ActionLog actions = new ActionLog(database, writer);
        AuditLog audit = new AuditLog(database, writer, clock);

        var webhooks = new WebhookRoutes(tenants, ingest, metrics, deliveries, config.maxWebhookBytes(), clock);
        this.webhookFastPath = new WebhookFastPath(webhooks, tenants);
        this.accounts = new Accounts(database, writer, new Sessions(database, writer, clock), new LoginThrottle(), clock);
        ApiKeys apiKeys = new ApiKeys(database, writer, clock);
        WsTickets tickets = new WsTickets(database, writer, clock);
        this.gate = new Gate(accounts, apiKeys, tickets, config.metricsToken());
        if (config.demo()) DemoUsers.ensure(accounts, config.simulator().tenants());
        var calls = new CallRoutes(tenants, queries, actions::forCall, (ctx, t) -> Gate.of(ctx).roleIn(t).map(Role::wire));
        var debug = new DebugRoutes(config.debugApi(), tenants, queries, writer, callService, afterCommit, clock);
        var health = new HealthRoutes(database, metrics);
        this.dashboardSocket = new DashboardSocket(tenants, hub, queries::snapshot, config.live(), clock);
        this.listenSocket = new ListenSocket(tenants, database, listenRelay, actions, clock);
        var control = new ControlRoutes(tenants,
                new CallControl(database, tenants, actions, providerHttp, CONTROL_DEADLINE, clock));
        var targets = new TransferTargetRoutes(tenants, database, writer, clock, audit);
        var auth = new AuthRoutes(accounts, audit, config.demo() ? DemoUsers.all(config.simulator().tenants()) : null);
        var keyRoutes = new ApiKeyRoutes(tenants, apiKeys, tickets, audit);
        UserAdmin userAdmin = new UserAdmin(database, writer, accounts);
        // Exports are audited (history.exported): who, which format, how many rows, the filters.
        var history = new HistoryRoutes(tenants, new HistoryService(database),
                e -> audit.record(e.tenantId(), e.actor(), "history.exported", e.format(),
                        e.completed() ? AuditLog.Outcome.OK : AuditLog.Outcome.FAILED,
                        java.util.Map.of("rows", e.rows(), "filters", e.filters())));
        var cors = new Cors(config.corsOrigins());
        var settings = new SettingsRoutes(new TenantSettingsService(tenants, audit), config.publicUrl(),
                ctx -> Gate.of(ctx).auditActor(ctx.ip()));
        // The test delivery goes to this server's own webhook endpoint, like Vapi's would (redirects not followed).
        var testDelivery = new TestDelivery(tenants, providerHttp, () -> URI.create("http://" + loopbackOr(config.host()) + ":" + port()),
                deliveries, clock);
        var edges = new Edges(webhooks, calls, debug, health, dashboardSocket, listenSocket, control, targets,
                settings, new DeliveryRoutes(tenants, database, testDelivery), auth, keyRoutes, gate,
                new UserRoutes(userAdmin, audit), new MemberRoutes(tenants, userAdmin, audit), new TenantRoutes(tenants, audit),
                new AuditRoutes(tenants, audit), history,
                new AnalyticsRoutes(tenants, new AnalyticsQueries(database, clock)));

        this.server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxWebhookBytes();
            c.jetty.threadPool = webhookFastPath.threadPool();
            c.jetty.modifyServer(jetty -> jetty.insertHandler(webhookFastPath)); // in front of Javalin
            // Every socket gets it; only the dashboard's frames ask Jetty to hold them for a later flush (listen audio does not).
            c.jetty.modifyWebSocketServletFactory(ws -> ws.setOutputBufferSize(DashboardSocket.OUTPUT_BUFFER_BYTES));
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.requestLogger.http((ctx, ms) -> {
                try (var requestId = RequestIds.inLog(ctx)) {
                    if (ctx.statusCode() >= 400) {
                        log.info("{} {} -> {} in {} ms", ctx.method(), loggable(ctx.path()), ctx.statusCode(), Math.round(ms));
                    } else if (log.isDebugEnabled()) {
                        log.debug("{} {} -> {} in {} ms", ctx.method(), loggable(ctx.path()), ctx.statusCode(), Math.round(ms));
                    }
                }
            });
            ErrorHandlers.install(c);
            c.routes.before(RequestIds::assign);
            c.routes.before(SecurityHeaders::apply);
            c.routes.before(cors::handle);
            c.routes.before(JsonLimits::limitApiBody);
            c.routes.wsBeforeUpgrade(SecurityHeaders::apply);
            c.routes.wsBeforeUpgrade(cors::checkUpgrade);
            c.routes.beforeMatched(gate::check);
            c.routes.after(RequestIds::clear);
            routes(c, edges);
            if (config.demo()) {
                // The simulator's calls link their recordings, listen audio and control endpoint here; only demo
                // mode serves them. The simulator starts after the server (it needs the port), so the endpoints
                // look it up per request.
                // Like Vapi's, these are capability URLs (unguessable call ids), not behind our sign-in.
                c.routes.get("/simulator/recordings/{file}", new SimulatedRecordings()::serve, Access.PUBLIC);
                var endpoints = new SimulatorEndpoints(() -> simulator);
                c.routes.wsBeforeUpgrade("/simulator/calls/{callId}/listen", endpoints::beforeListen);
                c.routes.ws("/simulator/calls/{callId}/listen", endpoints::listen);
                c.routes.post("/simulator/calls/{callId}/control", endpoints::control, Access.PUBLIC);
            }
            FrontendRoutes.install(c, Access.PUBLIC);
        });
    }

    /** Everything that answers requests. */
    private record Edges(WebhookRoutes webhooks, CallRoutes calls, DebugRoutes debug, HealthRoutes health,
                         DashboardSocket dashboard, ListenSocket listen, ControlRoutes control, TransferTargetRoutes targets,
                         SettingsRoutes settings, DeliveryRoutes deliveries, AuthRoutes auth, ApiKeyRoutes keys, Gate gate,
                         UserRoutes users, MemberRoutes members, TenantRoutes tenantAdmin, AuditRoutes audit,
                         HistoryRoutes history, AnalyticsRoutes analytics) {}

    /**
     * Every route with what it needs ({@link Access}); {@link Gate} enforces it before the handler. Sockets
     * check in their before-upgrade step.
     */
    private static void routes(io.javalin.config.JavalinConfig c, Edges e) {
        c.routes.get("/healthz", e.health()::healthz, Access.PUBLIC);
        c.routes.get("/readyz", e.health()::readyz, Access.PUBLIC);
        c.routes.get("/metrics", e.health()::metrics, Access.METRICS);

        c.routes.post("/webhooks/vapi/{client_id}", e.webhooks()::vapi, Access.PUBLIC); // providers authenticate per tenant
        c.routes.get("/webhooks/vapi/{client_id}", e.webhooks()::probe, Access.PUBLIC);

        c.routes.post("/api/auth/login", e.auth()::login, Access.PUBLIC);
        c.routes.post("/api/auth/logout", e.auth()::logout, Access.PUBLIC); // checks its own session and CSRF token
        c.routes.get("/api/auth/me", e.auth()::me, Access.PUBLIC); // 401 when signed out is its answer
        c.routes.get("/api/auth/demo-users", e.auth()::demoUsers, Access.PUBLIC); // 404 unless demo mode
        c.routes.post("/api/auth/ws-ticket", e.keys()::wsTicket, Access.SIGNED_IN);
        c.routes.post("/api/auth/password", e.auth()::changePassword, Access.SIGNED_IN); // keys have none: 403 in the handler

        c.routes.get("/api/tenants", e.calls()::listTenants, Access.SIGNED_IN);
        c.routes.post("/api/tenants", e.tenantAdmin()::create, Access.AGENCY_ADMIN);
        c.routes.patch("/api/tenants/{id}", e.tenantAdmin()::rename, Access.AGENCY_ADMIN);
        c.routes.get("/api/users", e.users()::list, Access.AGENCY_ADMIN);
        c.routes.post("/api/users", e.users()::create, Access.AGENCY_ADMIN);
        c.routes.patch("/api/users/{id}", e.users()::update, Access.AGENCY_ADMIN);
        c.routes.delete("/api/users/{id}", e.users()::delete, Access.AGENCY_ADMIN);
        c.routes.get("/api/audit", e.audit()::agency, Access.AGENCY_ADMIN);

        c.routes.get("/api/{client_id}/calls", e.calls()::listCalls, Access.VIEWER);
        c.routes.get("/api/{client_id}/calls/{call_id}", e.calls()::callDetail, Access.VIEWER);
        c.routes.get("/api/{client_id}/calls/{call_id}/events", e.history()::rawEvents, Access.VIEWER); // secrets stripped
        c.routes.get("/api/{client_id}/history", e.history()::list, Access.VIEWER);
        c.routes.get("/api/{client_id}/history/export.csv", e.history()::exportCsv, Access.VIEWER); // audited
        c.routes.get("/api/{client_id}/history/export.jsonl", e.history()::exportJsonLines, Access.VIEWER); // audited

        for (String action : CallControl.ACTIONS) {
            c.routes.post("/api/{client_id}/calls/{call_id}/" + action, e.control().handler(action), Access.SUPERVISOR);
        }
        c.routes.get("/api/{client_id}/analytics/summary", e.analytics()::summary, Access.VIEWER);
        c.routes.get("/api/{client_id}/analytics/trend", e.analytics()::trend, Access.VIEWER);
        c.routes.get("/api/{client_id}/analytics/hourly", e.analytics()::hourly, Access.VIEWER);
        c.routes.get("/api/analytics/overview", e.analytics()::overview, Access.AGENCY_ADMIN);
        c.routes.get("/api/{client_id}/transfer-targets", e.targets()::list, Access.VIEWER);
        c.routes.post("/api/{client_id}/transfer-targets", e.targets()::create, Access.TENANT_ADMIN);
        c.routes.delete("/api/{client_id}/transfer-targets/{id}", e.targets()::delete, Access.TENANT_ADMIN);
        c.routes.get("/api/{client_id}/api-keys", e.keys()::list, Access.TENANT_ADMIN);
        c.routes.post("/api/{client_id}/api-keys", e.keys()::create, Access.TENANT_ADMIN);
        c.routes.delete("/api/{client_id}/api-keys/{id}", e.keys()::revoke, Access.TENANT_ADMIN);
        // Secrets shown only as set + last 4.
        c.routes.get("/api/{client_id}/settings", e.settings()::show, Access.TENANT_ADMIN);
        c.routes.patch("/api/{client_id}/settings", e.settings()::update, Access.TENANT_ADMIN);
        c.routes.post("/api/{client_id}/settings/webhook-secret", e.settings()::generateWebhookSecret, Access.TENANT_ADMIN);
        c.routes.post("/api/{client_id}/settings/test-webhook", e.deliveries()::sendTest, Access.TENANT_ADMIN);
        c.routes.get("/api/{client_id}/webhook-deliveries", e.deliveries()::list, Access.TENANT_ADMIN);
        c.routes.get("/api/{client_id}/members", e.members()::list, Access.TENANT_ADMIN);
        c.routes.post("/api/{client_id}/members", e.members()::add, Access.TENANT_ADMIN);
        c.routes.patch("/api/{client_id}/members/{userId}", e.members()::update, Access.TENANT_ADMIN);
        c.routes.delete("/api/{client_id}/members/{userId}", e.members()::remove, Access.TENANT_ADMIN);
        c.routes.get("/api/{client_id}/audit", e.audit()::tenant, Access.TENANT_ADMIN);

        c.routes.post("/api/debug/create-test-call/{client_id}", e.debug()::createTestCall, Access.AGENCY_ADMIN);
        c.routes.post("/api/debug/log-status-event/{client_id}/{call_id}", e.debug()::logStatusEvent, Access.AGENCY_ADMIN);
        c.routes.get("/api/debug/status-events/{client_id}/{call_id}", e.debug()::statusEvents, Access.AGENCY_ADMIN);

        c.routes.wsBeforeUpgrade("/ws/dashboard", guarded(e.gate(), Access.VIEWER, e.dashboard()::beforeUpgrade));
        c.routes.ws("/ws/dashboard", e.dashboard()::configure);
        c.routes.wsBeforeUpgrade("/ws/listen/{call_id}", guarded(e.gate(), Access.SUPERVISOR, e.listen()::beforeUpgrade));
        c.routes.ws("/ws/listen/{call_id}", e.listen()::configure);
    }

    /** A socket's before-upgrade step behind the gate (a refusal is an HTTP error with its body). */
    private static io.javalin.http.Handler guarded(Gate gate, Access need, io.javalin.http.Handler next) {
        return ctx -> {
            try {
                gate.checkSocket(ctx, need);
            } catch (ApiException refused) {
                ErrorHandlers.refuseUpgrade(ctx, refused);
                throw refused;
            }
            next.handle(ctx);
        };
    }

    /** A request path for the log: simulated calls' control paths are capability URLs, so their call id is left out. */
    private static String loggable(String path) {
        return path.startsWith("/simulator/calls/") ? "/simulator/calls/…" : path;
    }

    /** Whether the tenant's call has ended (the listen relay asks when a provider's audio stream closes). */
    private boolean callEnded(String tenantId, String callId) {
        return database.read(h -> new CallRepository(h).find(tenantId, callId)).map(c -> c.isEnded()).orElse(true);
    }

    /**
     * A wrong master key stops the start here with a message saying so, instead of failing webhooks later;
     * Vapi public keys stored in plaintext by schema v2 are encrypted now when a key is configured.
     */
    private void checkCredentials(CredentialCipher cipher) {
        try {
            int encrypted = tenants.checkAndEncryptCredentials();
            if (encrypted > 0) log.info("encrypted {} tenant credential(s) stored in plaintext by an older version", encrypted);
        } catch (RuntimeException e) {
            writer.close();
            database.close();
            throw e;
        }
        if (cipher.hasKey()) log.info("tenant credentials are encrypted with the master key from {}", cipher.source());
        else log.info("no master key ({} unset): storing a tenant credential will be refused until one is set", CredentialCipher.ENV);
    }

    /** Builds and starts the server (and the simulator in demo mode), with the master key from the process environment. */
    public static App start(AppConfig config, Clock clock) {
        return start(config, clock, CredentialCipher.fromEnvironment(System.getenv(), config.dataDir(), config.demo()));
    }

    /** Builds and starts the server (and the simulator in demo mode). */
    public static App start(AppConfig config, Clock clock, CredentialCipher cipher) {
        App app = new App(config, clock, cipher);
        try {
            app.server.start();
            if (config.demo()) app.startSimulator();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Fills the call columns schema v5 added for calls stored before it, in batches, before the server answers. */
    private static void backfillCallFacts(GroupCommitter writer) {
        int total = 0;
        for (int n; (n = writer.submitAndWait(h -> new CallRepository(h).backfillFacts(1000))) > 0; ) total += n;
        if (total > 0) log.info("filled duration and ended category of {} calls stored before schema v5", total);
    }

    private void startSimulator() {
        var sim = config.simulator();
        // Created even at 0 calls/minute: its endpoints (recordings, and the listen/control URLs of the calls
        // it is told to start) are part of demo mode.
        for (String t : sim.tenants()) {
            // A new demo tenant lives where its simulated customers do, so its days and hours look right.
            if (tenants.find(t).isEmpty() && tenants.ensure(t, ConfigLoader.prettyName(t))) {
                tenants.setTimeZone(t, dev.switchboard.simulator.script.TenantProfile.of(t).zone().getId());
            }
        }
        // Recording URLs are relative ("" base) so a browser on any host can play them from this server.
        // The simulator signs each webhook the way the tenant's settings say (read through the same short cache
        // as the webhook path), so demo mode keeps working when a tenant turns authentication on.
        simulator = new VapiSimulator(URI.create("http://" + loopbackOr(config.host()) + ":" + port()), sim.tenants(),
                sim.callsPerMinute(), sim.pace(), System.nanoTime(), VapiSimulator.Options.defaults().withPublicBase(URI.create(""))
                        .withWebhookAuth(tenants::webhookAuth));
        simulator.start();
    }

    /** Where the in-process simulator reaches this server: loopback unless bound to one specific address. */
    private static String loopbackOr(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) return "127.0.0.1";
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host; // an IPv6 literal in a URL
    }

    public int port() {
        return server.port();
    }

    /** The built-in simulator in demo mode, else null. */
    public VapiSimulator simulator() {
        return simulator;
    }

    public Accounts accounts() {
        return accounts;
    }

    public TenantDirectory tenants() {
        return tenants;
    }

    public WebhookFastPath webhookFastPath() {
        return webhookFastPath;
    }

    public DeliveryLog deliveryLog() {
        return deliveries;
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
        listenRelay.close(); // listeners get an ended message before the server goes
        try {
            server.stop();
        } catch (RuntimeException e) {
            log.warn("server stop failed", e);
        }
        dashboardSocket.close();
        listenSocket.close();
        deliveries.close(); // its last rows go through the writer
        writer.close();
        webhookFastPath.close(); // after the writer: its last commits are acknowledged
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
