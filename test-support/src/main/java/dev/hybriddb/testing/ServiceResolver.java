package dev.hybriddb.testing;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a test's PostgreSQL and FalkorDB: first from environment variables, then from
 * Testcontainers when a Docker engine answers, else a failure that says how to provide them.
 *
 * <p>The variables are the library's own configuration names: {@code DATABASE_URL} (without
 * credentials), {@code POSTGRES_USER}/{@code _PASSWORD} (the application role),
 * {@code HYBRIDDB_MIGRATION_USER}/{@code _PASSWORD} (the owner role), {@code HYBRIDDB_FALKOR_HOST}/
 * {@code _PORT}, and {@code HYBRIDDB_SERVICES} (the services script, for tests that kill FalkorDB).
 * With {@code HYBRIDDB_ALLOW_SKIP=true} and {@code CI} unset, a missing service skips the test
 * instead of failing it.
 */
public final class ServiceResolver {
    static final String HOW_TO_START = "Set DATABASE_URL (no credentials in it), POSTGRES_USER/POSTGRES_PASSWORD"
            + " (application role), HYBRIDDB_MIGRATION_USER/HYBRIDDB_MIGRATION_PASSWORD (owner role) and"
            + " HYBRIDDB_FALKOR_HOST/HYBRIDDB_FALKOR_PORT; in this repository `scripts/services up && eval"
            + " \"$(scripts/services env)\"` does it (or run `scripts/test`). Or make a Docker engine available"
            + " for Testcontainers.";

    private final Map<String, String> env;
    private final BooleanSupplier dockerAvailable;

    /** A resolver reading {@code env} and asking {@code dockerAvailable} before starting containers. */
    public ServiceResolver(Map<String, String> env, BooleanSupplier dockerAvailable) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
    }

    /** The process environment and the real Docker check. */
    public static ServiceResolver fromSystem() {
        return new ServiceResolver(System.getenv(), Containers::dockerAvailable);
    }

    /** The environment variable {@code name}, or null when unset or blank. */
    String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The shared PostgreSQL. */
    public PostgresService postgres() {
        String url = get("DATABASE_URL");
        if (url != null) {
            return new PostgresService(jdbc(url),
                    env.getOrDefault("HYBRIDDB_MIGRATION_USER", "hybriddb"),
                    env.getOrDefault("HYBRIDDB_MIGRATION_PASSWORD", "hybriddb"),
                    env.getOrDefault("POSTGRES_USER", "hybriddb_app"),
                    env.getOrDefault("POSTGRES_PASSWORD", "hybriddb_app"));
        }
        if (dockerAvailable.getAsBoolean()) {
            return Containers.postgres();
        }
        return failOrSkip("no PostgreSQL: DATABASE_URL is not set and no Docker engine answers.");
    }

    /** The shared FalkorDB. */
    public FalkorService falkor() {
        String host = get("HYBRIDDB_FALKOR_HOST");
        if (host != null) {
            int port = port(env.getOrDefault("HYBRIDDB_FALKOR_PORT", "6379"));
            String script = get("HYBRIDDB_SERVICES");
            FalkorService f = new FalkorService(host, port, script == null ? null : FalkorService.scriptController(script, port));
            if (!f.ping()) {
                return failOrSkip("FalkorDB at " + host + ":" + port + " does not answer PING.");
            }
            return f;
        }
        if (dockerAvailable.getAsBoolean()) {
            return Containers.falkor();
        }
        return failOrSkip("no FalkorDB: HYBRIDDB_FALKOR_HOST is not set and no Docker engine answers.");
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("HYBRIDDB_FALKOR_PORT must be a port number, not '" + value + "'", e);
        }
    }

    /** The JDBC form of a {@code jdbc:postgresql:}, {@code postgresql:} or {@code postgres:} URL without credentials. */
    static String jdbc(String url) {
        String u = url.trim();
        if (u.startsWith("jdbc:")) {
            return u;
        }
        if (u.startsWith("postgres://")) {
            u = "postgresql://" + u.substring("postgres://".length());
        }
        if (u.contains("@")) {
            throw new IllegalStateException("DATABASE_URL for tests must not carry credentials; use POSTGRES_USER/_PASSWORD"
                    + " and HYBRIDDB_MIGRATION_USER/_PASSWORD");
        }
        return "jdbc:" + u;
    }

    /** Aborts the test (skip) when allowed, else throws {@link IllegalStateException} saying how to provide the services. */
    <T> T failOrSkip(String why) {
        boolean allowSkip = "true".equalsIgnoreCase(get("HYBRIDDB_ALLOW_SKIP"));
        if (allowSkip && get("CI") == null) {
            Assumptions.abort(why + " Skipping because HYBRIDDB_ALLOW_SKIP=true.");
        }
        throw new IllegalStateException(why + " " + HOW_TO_START);
    }
}
