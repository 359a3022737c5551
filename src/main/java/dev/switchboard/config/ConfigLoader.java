package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds {@link AppConfig} from environment variables over defaults. Every bad value fails the start
 * with a message naming the variable and what it accepts; unknown {@code SWITCHBOARD_*} names are
 * reported so a typo does not silently fall back to a default.
 */
public final class ConfigLoader {

    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final List<String> DEMO_TENANTS = List.of("demo-client", "acme-agency", "senior-life");

    static final Set<String> KNOWN = Set.of(
            "SWITCHBOARD_HOST", "SWITCHBOARD_DATA_DIR", "SWITCHBOARD_DEMO", "SWITCHBOARD_DEBUG_API",
            "SWITCHBOARD_MAX_WEBHOOK_BYTES", "SWITCHBOARD_TENANTS", "SWITCHBOARD_DB_POOL_SIZE",
            "SWITCHBOARD_WS_QUEUE_LIMIT", "SWITCHBOARD_WS_PING_SECONDS", "SWITCHBOARD_SNAPSHOT_RECENT",
            "SWITCHBOARD_SIM_CALLS_PER_MINUTE", "SWITCHBOARD_SIM_TENANTS", "SWITCHBOARD_SIM_PACE",
            "SWITCHBOARD_LOG_LEVEL", "SWITCHBOARD_MASTER_KEY", "SWITCHBOARD_ADMIN_EMAIL", "SWITCHBOARD_ADMIN_PASSWORD",
            CorsOrigins.VARIABLE, "SWITCHBOARD_METRICS_TOKEN", "SWITCHBOARD_PUBLIC_URL");

    private final Map<String, String> env;
    private final List<String> warnings = new ArrayList<>();

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /** Loads the configuration; {@code demoRequested} is true for the {@code demo} command. */
    public AppConfig load(boolean demoRequested) {
        Set<String> unknown = new TreeSet<>();
        env.keySet().stream().filter(k -> k.startsWith("SWITCHBOARD_") && !KNOWN.contains(k)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            warnings.add("ignoring unknown settings " + unknown + "; known: " + new TreeSet<>(KNOWN));
        }

        int port = intValue("PORT", 8000, 1, 65535);
        String host = string("SWITCHBOARD_HOST", "0.0.0.0");
        Path dataDir = Path.of(string("SWITCHBOARD_DATA_DIR", "data"));
        boolean demo = demoRequested || bool("SWITCHBOARD_DEMO", false);
        boolean debugApi = bool("SWITCHBOARD_DEBUG_API", demo);
        long maxWebhookBytes = longValue("SWITCHBOARD_MAX_WEBHOOK_BYTES", 2L * 1024 * 1024, 1024, 64L * 1024 * 1024);
        int poolSize = intValue("SWITCHBOARD_DB_POOL_SIZE", 8, 2, 200);
        String dbUrl = env.get("DATABASE_URL");
        DatabaseSettings database = dbUrl == null || dbUrl.isBlank()
                ? DatabaseSettings.sqliteIn(dataDir, poolSize)
                : DatabaseSettings.parse(dbUrl, poolSize);

        List<AppConfig.TenantSeed> tenants = tenantSeeds(string("SWITCHBOARD_TENANTS", ""));
        if (demo) {
            for (String id : DEMO_TENANTS) {
                if (tenants.stream().noneMatch(t -> t.id().equals(id))) {
                    tenants.add(new AppConfig.TenantSeed(id, prettyName(id)));
                }
            }
        }

        var live = new AppConfig.LiveSettings(
                intValue("SWITCHBOARD_WS_QUEUE_LIMIT", 1024, 16, 1_000_000),
                Duration.ofSeconds(intValue("SWITCHBOARD_WS_PING_SECONDS", 15, 1, 3600)),
                intValue("SWITCHBOARD_SNAPSHOT_RECENT", 50, 0, 1000),
                // One display frame at 60 Hz: a browser cannot show the dashboard any sooner than that.
                Duration.ofMillis(intValue("SWITCHBOARD_WS_FLUSH_MS", 16, 0, 1000)));

        List<String> simTenants = idList("SWITCHBOARD_SIM_TENANTS", DEMO_TENANTS);
        var simulator = new AppConfig.SimulatorSettings(
                doubleValue("SWITCHBOARD_SIM_CALLS_PER_MINUTE", 4.0, 0.0, 100_000.0),
                simTenants,
                doubleValue("SWITCHBOARD_SIM_PACE", 1.0, 0.01, 1000.0));

        List<String> corsOrigins = CorsOrigins.parse(env.get(CorsOrigins.VARIABLE));
        String metricsToken = env.get("SWITCHBOARD_METRICS_TOKEN");
        if (metricsToken != null && (metricsToken.length() < 16 || !metricsToken.matches("[\\x21-\\x7e]+"))) {
            throw new ConfigException("SWITCHBOARD_METRICS_TOKEN must be at least 16 printable characters without spaces "
                    + "(e.g. openssl rand -hex 24)");
        }
        return new AppConfig(port, host, dataDir, database, demo, debugApi, maxWebhookBytes, tenants, live, simulator,
                corsOrigins, metricsToken, publicUrl(env.get("SWITCHBOARD_PUBLIC_URL")));
    }

    /** {@code scheme://host[:port][/path]}, http or https, without query or fragment; trailing slashes dropped. */
    static String publicUrl(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        String problem = "SWITCHBOARD_PUBLIC_URL must be the URL providers reach this server at, like https://ops.example.com"
                + " (http or https, a host, optionally a port and a path; no query)";
        try {
            java.net.URI u = new java.net.URI(v);
            boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
            if (!web || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new ConfigException(problem);
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(problem);
        }
        while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
        return v;
    }

    /** Non-fatal findings (unknown variables), for the caller to log. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public static String prettyName(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("[-_]")) {
            if (part.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    public static String requireTenantId(String id, String where) {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw new ConfigException(where + ": '" + id + "' is not a valid tenant id"
                    + " (1-64 characters: lowercase letters, digits, '-' and '_', starting with a letter or digit)");
        }
        return id;
    }

    private List<AppConfig.TenantSeed> tenantSeeds(String value) {
        List<AppConfig.TenantSeed> out = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            String[] parts = e.split(":", 2);
            String id = requireTenantId(parts[0].trim(), "SWITCHBOARD_TENANTS");
            String name = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : prettyName(id);
            out.add(new AppConfig.TenantSeed(id, name));
        }
        return out;
    }

    private List<String> idList(String name, List<String> dflt) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return dflt;
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> requireTenantId(s, name)).toList();
    }

    private String string(String name, String dflt) {
        String value = env.get(name);
        return value == null || value.isBlank() ? dflt : value.trim();
    }

    private boolean bool(String name, boolean dflt) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return dflt;
        return switch (value.trim().toLowerCase()) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false (got '" + value + "')");
        };
    }

    private int intValue(String name, int dflt, int min, int max) {
        return (int) longValue(name, dflt, min, max);
    }

    private long longValue(String name, long dflt, long min, long max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return dflt;
        try {
            long v = Long.parseLong(value.trim());
            if (v < min || v > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (got " + v + ")");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (got '" + value + "')");
        }
    }

    private double doubleValue(String name, double dflt, double min, double max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return dflt;
        try {
            double v = Double.parseDouble(value.trim());
            if (!(v >= min && v <= max)) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (got " + value + ")");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number (got '" + value + "')");
        }
    }
}
