package dev.hybriddb.bench;

import dev.hybriddb.testing.DurablePostgres;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.schema.Migrations;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * What a scenario needs: the sizes to run, a place to report progress, and the real services
 * (the environment of {@code scripts/services env}, resolved by the test-support module).
 */
public final class BenchContext implements AutoCloseable {
    private final Profile profile;
    private final PrintStream log;
    private final String runId = Long.toString(ProcessHandle.current().pid());
    private final boolean durable;
    private PostgresService migrated;
    private DurablePostgres durableServer;
    private PostgresService durableMigrated;

    /** A context whose scenarios also run against a server with durable commits. */
    public BenchContext(Profile profile, PrintStream log) {
        this(profile, log, true);
    }

    /** {@code durable}: whether the writer and real-time scenarios also run with durable commits. */
    public BenchContext(Profile profile, PrintStream log, boolean durable) {
        this.profile = profile;
        this.log = log;
        this.durable = durable;
    }

    public Profile profile() { return profile; }

    /** A new empty database (vector, age, pg_trgm, pgcrypto) for one scenario; drop it when done. */
    public PostgresService freshDatabase(String prefix) {
        return TestServices.freshDatabase(prefix);
    }

    public void dropDatabase(PostgresService db) {
        TestServices.dropDatabase(db);
    }

    /**
     * A database with HybridDB's schema, migrated once per run and shared by the scenarios (each
     * uses tenants of its own); dropped by {@link #close()}.
     */
    public synchronized PostgresService migratedDatabase() {
        if (migrated == null) {
            PostgresService db = freshDatabase("bench_shared");
            Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
            migrated = db;
        }
        return migrated;
    }

    /**
     * A database with HybridDB's schema on the server with durable commits (fsync, synchronous_commit
     * and full_page_writes on), migrated once per run and dropped by {@link #close()}; empty, with a
     * note in {@code result} saying why, when durable runs are off or no such server is available.
     */
    public synchronized Optional<PostgresService> migratedDurableDatabase(ScenarioResult result) {
        if (!durable) {
            result.note("durable commits: not measured (--no-durable)");
            return Optional.empty();
        }
        if (durableServer == null) {
            durableServer = TestServices.durablePostgres();
        }
        if (durableServer.service().isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {         // in CI a missing service fails, as in the tests
                throw new IllegalStateException("no server with durable commits: " + durableServer.unavailableReason());
            }
            result.note("durable commits: not measured: " + durableServer.unavailableReason());
            return Optional.empty();
        }
        if (durableMigrated == null) {
            PostgresService db = TestServices.freshDatabase(durableServer.service().get(), "bench_durable");
            try {
                Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
            } catch (RuntimeException e) {
                TestServices.dropDatabase(durableServer.service().get(), db);
                throw e;
            }
            durableMigrated = db;
        }
        return Optional.of(durableMigrated);
    }

    /** The server's durability settings, read from it: {@code fsync=.., synchronous_commit=.., full_page_writes=..}. */
    public static String durabilitySettings(PostgresService db) throws SQLException {
        try (Connection c = db.openAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " current_setting('full_page_writes')")) {
            rs.next();
            return "fsync=" + rs.getString(1) + ", synchronous_commit=" + rs.getString(2) + ", full_page_writes=" + rs.getString(3);
        }
    }

    /** The configuration of {@code db}: the application role, the admin role for migrations. */
    public HybridConfig config(PostgresService db, int maxPoolSize) {
        return HybridConfig.builder().url(db.jdbcUrl()).user(db.appUser()).password(db.appPassword())
                .migrationUser(db.adminUser()).migrationPassword(db.adminPassword()).maxPoolSize(maxPoolSize).build();
    }

    /** Creates a tenant row on the enterprise plan (no quotas; row-level security lets a tenant insert only itself). */
    public java.util.UUID newTenant(dev.hybriddb.HybridDB db, String name) {
        java.util.UUID tenant = java.util.UUID.randomUUID();
        db.useTenant(tenant, s -> {
            s.dsl().execute("INSERT INTO tenants (id, name, slug, type) VALUES (?, ?, ?, 'enterprise')", tenant, name, name + "-" + tenant);
        });
        return tenant;
    }

    @Override
    public synchronized void close() {
        if (migrated != null) {
            dropDatabase(migrated);
            migrated = null;
        }
        if (durableMigrated != null) {
            TestServices.dropDatabase(durableServer.service().orElseThrow(), durableMigrated);
            durableMigrated = null;
        }
    }

    public FalkorService falkor() {
        return TestServices.falkor();
    }

    /** A graph name unique to this run. */
    public String graphName(String purpose) {
        return "bench_" + purpose + "_" + runId;
    }

    public void log(String format, Object... args) {
        log.printf("  .. " + format + "%n", args);
        log.flush();
    }
}
