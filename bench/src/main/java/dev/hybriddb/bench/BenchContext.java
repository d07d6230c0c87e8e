package dev.hybriddb.bench;

import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.schema.Migrations;
import java.io.PrintStream;

/**
 * What a scenario needs: the sizes to run, a place to report progress, and the real services
 * (the environment of {@code scripts/services env}, resolved by the test-support module).
 */
public final class BenchContext implements AutoCloseable {
    private final Profile profile;
    private final PrintStream log;
    private final String runId = Long.toString(ProcessHandle.current().pid());
    private PostgresService migrated;

    public BenchContext(Profile profile, PrintStream log) {
        this.profile = profile;
        this.log = log;
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
