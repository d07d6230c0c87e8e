package dev.hybriddb.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives integration tests real services.
 *
 * <p>Order of resolution: the environment variables printed by {@code scripts/services env}
 * ({@code DATABASE_URL}, {@code POSTGRES_USER}, {@code HYBRIDDB_MIGRATION_USER}, {@code HYBRIDDB_FALKOR_HOST}, ...: the
 * library's own configuration names); else Testcontainers when a Docker
 * engine answers; else a failure that says how to start the services. A test is skipped instead
 * only when {@code HYBRIDDB_ALLOW_SKIP=true} and {@code CI} is unset. The resolution itself is
 * {@link ServiceResolver}'s; this class keeps one PostgreSQL and one FalkorDB per JVM.
 */
public final class TestServices {
    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static volatile PostgresService postgres;
    private static volatile FalkorService falkor;

    private TestServices() {}

    /** The shared PostgreSQL (database from the environment). Prefer {@link #freshDatabase(String)}. */
    public static PostgresService postgres() {
        PostgresService p = postgres;
        if (p == null) {
            synchronized (TestServices.class) {
                if (postgres == null) {
                    postgres = resolvePostgres();
                }
                p = postgres;
            }
        }
        return p;
    }

    /** The shared FalkorDB. Fault tests that kill a server use {@link #privateFalkor()}. */
    public static FalkorService falkor() {
        FalkorService f = falkor;
        if (f == null) {
            synchronized (TestServices.class) {
                if (falkor == null) {
                    falkor = resolveFalkor();
                }
                f = falkor;
            }
        }
        return f;
    }

    /**
     * A new, empty database on the shared server, with the extensions of {@code template1}
     * (vector, age, pg_trgm, pgcrypto), owned by the admin role; the app role may connect and
     * create nothing. AGE's catalog is the admin role's alone ({@link #AGE_GRANTS}, applied as the
     * superuser named by {@code HYBRIDDB_SUPERUSER} when one is given; a server provisioned
     * by {@code scripts/services} or the Docker image has it so already). Named {@code prefix_<random>}.
     */
    public static PostgresService freshDatabase(String prefix) {
        return freshDatabase(postgres(), prefix);
    }

    /** {@link #freshDatabase(String)} on another server of the same roles, such as {@link #durablePostgres()}. */
    public static PostgresService freshDatabase(PostgresService shared, String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database prefix must match [a-z][a-z0-9_]*: " + prefix);
        }
        try (Connection c = shared.openAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template1");
            st.execute("GRANT CONNECT ON DATABASE " + name + " TO " + quoteIdent(shared.appUser()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        PostgresService fresh = shared.withDatabase(name);
        restrictAgeCatalog(fresh);
        return fresh;
    }

    /**
     * What the extension owner runs so that only the graph role (here the admin role) can use AGE:
     * the application role can then neither list graphs nor call {@code cypher()}. {@code %1$s}
     * is the graph role.
     */
    public static final String AGE_GRANTS = """
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'age') THEN
              REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC;
              REVOKE ALL ON ALL TABLES IN SCHEMA ag_catalog FROM PUBLIC;
              GRANT USAGE ON SCHEMA ag_catalog TO %1$s;
              GRANT SELECT ON ag_catalog.ag_graph, ag_catalog.ag_label TO %1$s;
            END IF; END $$""";

    private static void restrictAgeCatalog(PostgresService db) {
        String superUser = System.getenv("HYBRIDDB_SUPERUSER");
        if (superUser == null || superUser.isBlank()) {
            return;
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", superUser);
        p.setProperty("password", System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute(String.format(AGE_GRANTS, quoteIdent(db.adminUser())));
        } catch (SQLException e) {
            throw new IllegalStateException("could not restrict AGE's catalog in " + db.database() + " as "
                    + superUser + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database made by {@link #freshDatabase(String)}, ending its sessions first. */
    public static void dropDatabase(PostgresService db) {
        dropDatabase(postgres(), db);
    }

    /** Drops a database made by {@link #freshDatabase(PostgresService, String)} on {@code server}. */
    public static void dropDatabase(PostgresService server, PostgresService db) {
        String name = db.database();
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a test database name: " + name);
        }
        try (Connection c = server.openAdmin(); Statement st = c.createStatement()) {
            dropReplicationSlots(c, name);
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A logical replication slot (WalCapture's) keeps its database from being dropped. */
    private static void dropReplicationSlots(Connection c, String database) throws SQLException {
        String sql = "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = ?";
        try (var ps = c.prepareStatement("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                + " WHERE database = ? AND active_pid IS NOT NULL")) {
            ps.setString(1, database);
            ps.execute();
        }
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.execute();
        }
    }

    /**
     * A FalkorDB of the test's own on a free port, which it may kill and restart without disturbing
     * other tests. Needs {@code HYBRIDDB_SERVICES} (the services script). Stop it when done.
     */
    public static FalkorService privateFalkor() {
        String script = System.getenv("HYBRIDDB_SERVICES");
        if (script == null || script.isBlank()) {
            return failOrSkip("a private FalkorDB needs HYBRIDDB_SERVICES (the path of scripts/services)");
        }
        int port = freePort();
        FalkorService f = new FalkorService("127.0.0.1", port, FalkorService.scriptController(script, port));
        f.start();
        return f;
    }

    /**
     * A private FalkorDB master with {@code replicas} replicas and {@code sentinels} Sentinels (quorum
     * {@code quorum}), each on a free port, which the test may kill, freeze and fail over. Needs
     * {@code HYBRIDDB_SERVICES}. Close it when done.
     */
    public static FalkorSentinelGroup privateFalkorSentinel(int replicas, int sentinels, int quorum) {
        String script = System.getenv("HYBRIDDB_SERVICES");
        if (script == null || script.isBlank()) {
            return failOrSkip("a private FalkorDB with Sentinels needs HYBRIDDB_SERVICES (the path of scripts/services)");
        }
        return new FalkorSentinelGroup(script, replicas, sentinels, quorum);
    }

    /**
     * A PostgreSQL primary and its synchronous standby of the test's own, on free ports, which it
     * may kill and promote without disturbing other tests ({@code scripts/services pg-pair-up}).
     * Needs {@code HYBRIDDB_SERVICES}; close it when done.
     */
    public static PostgresPair privatePostgresPair() {
        String script = System.getenv("HYBRIDDB_SERVICES");
        if (script == null || script.isBlank()) {
            return failOrSkip("a private PostgreSQL pair needs HYBRIDDB_SERVICES (the path of scripts/services)");
        }
        int primary = freePort();
        int standby = freePort();
        while (standby == primary) {
            standby = freePort();
        }
        return PostgresPair.start(script, primary, standby, postgres());
    }

    /**
     * A PostgreSQL with durable commits ({@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes} on, PostgreSQL's defaults), database {@code hybriddb}, same roles as
     * the shared server: {@code HYBRIDDB_DURABLE_DATABASE_URL} when set, else the cluster of
     * {@code scripts/services pg-durable-up} (started when down, left running for the next run).
     * Empty, saying why, when neither is available.
     */
    public static DurablePostgres durablePostgres() {
        PostgresService shared = postgres();
        String url = System.getenv("HYBRIDDB_DURABLE_DATABASE_URL");
        String script = System.getenv("HYBRIDDB_SERVICES");
        if (url == null || url.isBlank()) {
            if (script == null || script.isBlank()) {
                return DurablePostgres.unavailable("neither HYBRIDDB_DURABLE_DATABASE_URL nor HYBRIDDB_SERVICES is set");
            }
            try {
                Scripts.run(script, "pg-durable-up");
                String env = Scripts.run(script, "pg-durable-env").strip();
                url = env.substring(env.indexOf('=') + 1);
            } catch (RuntimeException e) {
                return DurablePostgres.unavailable(e.getMessage());
            }
        }
        return DurablePostgres.of(new PostgresService(url, shared.adminUser(), shared.adminPassword(), shared.appUser(),
                shared.appPassword()));
    }

    private static PostgresService resolvePostgres() {
        return ServiceResolver.fromSystem().postgres();
    }

    private static FalkorService resolveFalkor() {
        return ServiceResolver.fromSystem().falkor();
    }

    /**
     * The value of environment variable {@code name}; when it is unset, the test fails (in CI, or
     * unless {@code HYBRIDDB_ALLOW_SKIP=true}) or is skipped, saying {@code why} it is needed.
     */
    public static String requireEnv(String name, String why) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return failOrSkip(name + " is not set; it is needed " + why);
        }
        return v;
    }

    static <T> T failOrSkip(String why) {
        return ServiceResolver.fromSystem().failOrSkip(why);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static String quoteIdent(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }
}
