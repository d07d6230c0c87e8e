package dev.hybriddb.examples;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import java.util.Map;
import java.util.Objects;

/**
 * Where the examples find their services: the variables printed by {@code scripts/services env}
 * ({@code DATABASE_URL}, {@code POSTGRES_USER}, ...). Passwords never appear in
 * {@link #toString()}.
 */
public record ExampleSettings(String jdbcUrl, String adminUser, String adminPassword,
                              String appUser, String appPassword, String falkorHost, int falkorPort) {

    public ExampleSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(falkorHost, "falkorHost");
    }

    /**
     * Reads the library's configuration names: {@code DATABASE_URL}, {@code POSTGRES_USER/_PASSWORD}
     * (application role), {@code HYBRIDDB_MIGRATION_USER/_PASSWORD} (owner role),
     * {@code HYBRIDDB_FALKOR_HOST/_PORT}; {@code scripts/services env} prints them.
     */
    public static ExampleSettings fromEnvironment() {
        return from(System.getenv());
    }

    static ExampleSettings from(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DATABASE_URL is not set: run `eval \"$(scripts/services env)\"` "
                    + "or use scripts/demo, which does it for you");
        }
        return new ExampleSettings(url,
                env.getOrDefault("HYBRIDDB_MIGRATION_USER", "hybriddb"),
                env.getOrDefault("HYBRIDDB_MIGRATION_PASSWORD", "hybriddb"),
                env.getOrDefault("POSTGRES_USER", "hybriddb_app"),
                env.getOrDefault("POSTGRES_PASSWORD", "hybriddb_app"),
                env.getOrDefault("HYBRIDDB_FALKOR_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("HYBRIDDB_FALKOR_PORT", "6379")));
    }

    /** The application role for queries, the admin role for migrations. */
    public HybridConfig hybridConfig() {
        // tag::config[]
        return HybridConfig.builder()
                .url(jdbcUrl)                  // jdbc:postgresql://host:port/db or postgresql://...
                .user(appUser).password(appPassword)                       // no owner rights, NOBYPASSRLS
                .migrationUser(adminUser).migrationPassword(adminPassword) // owns the tables
                .maxPoolSize(4)
                .build();
        // end::config[]
    }

    /**
     * Connections of the owner role, for the few operations outside the facade, such as dropping
     * a replication slot with {@link dev.hybriddb.sync.capture.WalCapture#dropSlot}.
     */
    public javax.sql.DataSource ownerDataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(adminUser);
        ds.setPassword(adminPassword);
        return ds;
    }

    /** The FalkorDB backend. */
    public FalkorGraph falkor() {
        return FalkorGraph.connect(falkorHost, falkorPort);
    }

    @Override
    public String toString() {
        return "ExampleSettings[" + jdbcUrl + " as " + appUser + ", falkordb " + falkorHost + ":" + falkorPort + "]";
    }
}
