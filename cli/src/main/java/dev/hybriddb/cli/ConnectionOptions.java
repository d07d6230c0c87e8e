package dev.hybriddb.cli;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the services are: {@link HybridConfig#fromEnvironment(Map)} plus these options. Passwords
 * come only from the environment ({@code DATABASE_URL}, {@code POSTGRES_PASSWORD},
 * {@code HYBRIDDB_MIGRATION_PASSWORD}, {@code HYBRIDDB_FALKOR_PASSWORD}), never from the command
 * line, and are never printed.
 */
public final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "PostgreSQL URL (postgresql://host:port/db or jdbc:postgresql://...); default DATABASE_URL or POSTGRES_*")
    String url;

    @Option(names = "--user", paramLabel = "ROLE", description = "application role; default POSTGRES_USER")
    String user;

    @Option(names = "--migration-user", paramLabel = "ROLE",
            description = "owner role that runs migrations; default HYBRIDDB_MIGRATION_USER")
    String migrationUser;

    @Option(names = "--graph", paramLabel = "BACKEND",
            description = "graph backend: falkordb, age or none; default HYBRIDDB_GRAPH, else falkordb when HYBRIDDB_FALKOR_HOST or _SENTINELS is set, else none")
    String graph;

    @Option(names = "--falkor-host", paramLabel = "HOST", description = "FalkorDB host; default HYBRIDDB_FALKOR_HOST or localhost")
    String falkorHost;

    @Option(names = "--falkor-port", paramLabel = "PORT", description = "FalkorDB port; default HYBRIDDB_FALKOR_PORT or 6379")
    Integer falkorPort;

    /** The PostgreSQL configuration: the environment, overridden by the options. */
    public HybridConfig config(Map<String, String> env) {
        HybridConfig.Builder b = HybridConfig.builder().environment(env);
        if (url != null) b.url(url);
        if (user != null) b.user(user);
        if (migrationUser != null) b.migrationUser(migrationUser);
        return b.build();
    }

    /** falkordb, age or none. */
    public String graphBackend(Map<String, String> env) {
        String g = graph != null ? graph : env.get("HYBRIDDB_GRAPH");
        if (g == null || g.isBlank()) {
            g = env.containsKey("HYBRIDDB_FALKOR_HOST") || env.containsKey("HYBRIDDB_FALKOR_SENTINELS") || falkorHost != null
                    ? "falkordb" : "none";
        }
        g = g.toLowerCase(Locale.ROOT);
        if (!g.equals("falkordb") && !g.equals("age") && !g.equals("none")) {
            throw new ConfigurationException("graph", g, "must be falkordb, age or none");
        }
        return g;
    }
}
