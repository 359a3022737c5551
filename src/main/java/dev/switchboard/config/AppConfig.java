package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything Switchboard reads from its environment, validated once at start.
 *
 * @param port              HTTP port ({@code PORT})
 * @param host              interface to bind ({@code SWITCHBOARD_HOST})
 * @param dataDir           where the embedded SQLite database lives ({@code SWITCHBOARD_DATA_DIR})
 * @param database          JDBC connection settings ({@code DATABASE_URL})
 * @param demo              run the built-in simulator against this server ({@code SWITCHBOARD_DEMO})
 * @param debugApi          expose the seed's {@code /api/debug/*} endpoints ({@code SWITCHBOARD_DEBUG_API})
 * @param maxWebhookBytes   larger webhook bodies get 413 ({@code SWITCHBOARD_MAX_WEBHOOK_BYTES})
 * @param tenants           tenants ensured at start ({@code SWITCHBOARD_TENANTS}, "id[:Name],…")
 * @param live              dashboard socket tuning
 * @param simulator         demo traffic settings
 * @param corsOrigins       origins allowed cross-origin API calls and WebSockets ({@code SWITCHBOARD_CORS_ORIGINS})
 * @param metricsToken      a Bearer token that may read {@code /metrics} (for Prometheus), or null
 * @param publicUrl         where providers and browsers reach this server, e.g. {@code https://ops.example.com}
 *                          (no trailing slash), for the webhook URLs shown to admins ({@code SWITCHBOARD_PUBLIC_URL}); or null
 */
public record AppConfig(
        int port,
        String host,
        Path dataDir,
        DatabaseSettings database,
        boolean demo,
        boolean debugApi,
        long maxWebhookBytes,
        List<TenantSeed> tenants,
        LiveSettings live,
        SimulatorSettings simulator,
        List<String> corsOrigins,
        String metricsToken,
        String publicUrl) {

    public AppConfig {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }

    /** Without a public URL (webhook URLs are shown from the request's host). */
    public AppConfig(int port, String host, Path dataDir, DatabaseSettings database, boolean demo, boolean debugApi,
                     long maxWebhookBytes, List<TenantSeed> tenants, LiveSettings live, SimulatorSettings simulator,
                     List<String> corsOrigins, String metricsToken) {
        this(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, corsOrigins, metricsToken, null);
    }

    /** Without a metrics token (metrics for agency admins only). */
    public AppConfig(int port, String host, Path dataDir, DatabaseSettings database, boolean demo, boolean debugApi,
                     long maxWebhookBytes, List<TenantSeed> tenants, LiveSettings live, SimulatorSettings simulator,
                     List<String> corsOrigins) {
        this(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, corsOrigins, null);
    }

    @Override
    public String toString() {
        return "AppConfig[port=" + port + ", demo=" + demo + ", database=" + database.redactedUrl() + "]"; // never the token
    }

    /** Without a CORS allow-list (closed). */
    public AppConfig(int port, String host, Path dataDir, DatabaseSettings database, boolean demo, boolean debugApi,
                     long maxWebhookBytes, List<TenantSeed> tenants, LiveSettings live, SimulatorSettings simulator) {
        this(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, List.of());
    }

    /** A tenant to create at start if it does not exist yet. */
    public record TenantSeed(String id, String name) {}

    /**
     * @param queueLimit      messages buffered per socket before a slow consumer is disconnected
     * @param pingInterval    how often sockets are pinged (dead ones are dropped after two missed)
     * @param recentInSnapshot ended calls included in the snapshot a socket gets on connect
     * @param flushInterval   least time between two writes to one socket (messages in between go out together)
     */
    public record LiveSettings(int queueLimit, Duration pingInterval, int recentInSnapshot, Duration flushInterval) {}

    /**
     * @param callsPerMinute new simulated calls per minute, per tenant
     * @param tenants        tenants the simulator produces calls for
     * @param pace           1.0 = real-time conversation pace; larger is faster
     */
    public record SimulatorSettings(double callsPerMinute, List<String> tenants, double pace) {}

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator,
                corsOrigins, metricsToken, publicUrl);
    }

    public AppConfig withCorsOrigins(List<String> origins) {
        return new AppConfig(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, origins,
                metricsToken, publicUrl);
    }

    public AppConfig withMetricsToken(String token) {
        return new AppConfig(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, corsOrigins,
                token, publicUrl);
    }

    public AppConfig withPublicUrl(String url) {
        return new AppConfig(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator, corsOrigins,
                metricsToken, url);
    }
}
