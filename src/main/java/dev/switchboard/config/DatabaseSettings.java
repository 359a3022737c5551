package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A JDBC URL plus credentials. Accepts plain JDBC URLs and the {@code postgres://user:pass@host:port/db}
 * form hosting platforms put in {@code DATABASE_URL}.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public static DatabaseSettings sqliteIn(Path dataDir, int poolSize) {
        return new DatabaseSettings("jdbc:sqlite:" + dataDir.resolve("switchboard.db"), null, null, poolSize);
    }

    /** Parses {@code DATABASE_URL}; throws {@link ConfigException} with a fix-it message on anything else. */
    public static DatabaseSettings parse(String url, int poolSize) {
        String value = url.trim();
        if (value.startsWith("jdbc:sqlite:") || value.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(value, null, null, poolSize);
        }
        if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            return fromPlatformUrl(value, poolSize);
        }
        throw new ConfigException("DATABASE_URL must be a jdbc:sqlite:…, jdbc:postgresql:… or postgres://user:pass@host:port/db URL"
                + " (got a value starting with '" + value.substring(0, Math.min(12, value.length())) + "…')");
    }

    private static DatabaseSettings fromPlatformUrl(String value, int poolSize) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException("DATABASE_URL is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new ConfigException("DATABASE_URL needs a host and a database name: postgres://user:pass@host:port/db");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseSettings(jdbc, user, password, poolSize);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL without credentials, safe to log. */
    public String redactedUrl() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
