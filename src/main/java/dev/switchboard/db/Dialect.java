package dev.switchboard.db;

/** The two databases Switchboard speaks; chosen from the JDBC URL. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported JDBC URL " + jdbcUrl.split("[?;]")[0]);
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
