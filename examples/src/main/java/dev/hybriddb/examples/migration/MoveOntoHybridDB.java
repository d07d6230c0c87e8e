package dev.hybriddb.examples.migration;

import dev.hybriddb.HybridDB;
import dev.hybriddb.migrate.ConsistencyReport;
import dev.hybriddb.migrate.DualWriteStore;
import dev.hybriddb.migrate.Migration;
import dev.hybriddb.migrate.MigrationSettings;
import dev.hybriddb.migrate.MigrationStore;
import dev.hybriddb.migrate.SourceOfTruth;
import dev.hybriddb.examples.ExampleSettings;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * Moving an application's agent tasks from an in-memory map ({@link MigrateFromInMemory}) onto
 * HybridDB without downtime with {@code dev.hybriddb.migrate}: backfill, dual writes, a
 * consistency check that finds and repairs drift, reads shifted to PostgreSQL step by step, then
 * the cut-over; the data survives a restart. {@link MigrateFromSqlite} does the same for swarms and
 * agents through the typed repositories, and rolls back.
 *
 * <p>This example shows jOOQ's DSL on purpose: the PostgreSQL side ({@link PostgresAgentTaskStore})
 * is the application's own queries on HybridDB's generated tables inside a tenant transaction.
 */
public final class MoveOntoHybridDB {
    private MoveOntoHybridDB() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, int tasks, int driftFound, boolean consistentAtCutOver, int survivedRestart) {}

    /** The application's life so far: 200 pending agent tasks in the legacy store. */
    static void fillLegacy(MigrationStore<AgentTask> legacy) {
        for (int i = 0; i < 200; i++) {
            legacy.write(new AgentTask(String.format("task-%04d", i), "Direction " + i, i % 2 == 0 ? "impl" : "test",
                    "pending", "kimi-k2.5", "run step " + i, null, 0));
        }
    }

    /** Moves the tasks of {@code legacy} (described as {@code legacyName}) onto HybridDB. */
    public static Result run(ExampleSettings settings, PrintStream out, MigrationStore<AgentTask> legacy, String legacyName) {
        out.println("0. Legacy " + legacyName + " holds " + legacy.readAll().size() + " agent tasks");
        UUID tenant;
        int drift;
        boolean consistent;
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).build()) {
            db.migrate();
            tenant = db.createTenant(TenantFields.of("Coherence", "coherence-" + UUID.randomUUID())).id();
            PostgresAgentTaskStore postgres = new PostgresAgentTaskStore(db, tenant);
            Migration<AgentTask> migration = Migration.of(legacy, postgres, AgentTask::id, MigrationSettings.dualWrites(0));
            migration.backfill();
            out.println("1. Backfilled " + postgres.readAll().size() + " tasks into PostgreSQL (agent_tasks, tenant " + tenant + ")");

            DualWriteStore<AgentTask> store = migration.store();
            for (int i = 0; i < 50; i++) {                    // traffic during the verification period
                String id = String.format("task-%04d", i);
                store.write(store.read(id).orElseThrow().withStatus("completed", 100, "ok " + i));
            }
            // a write path nobody switched to the dual writer: the check must catch it
            legacy.write(legacy.read("task-0199").orElseThrow().withStatus("failed", 30, "forgotten path"));
            out.println("2. Dual writes: 50 updates through both stores, " + store.stats().secondaryWriteFailures()
                    + " PostgreSQL write failures");

            ConsistencyReport report = migration.check();
            drift = report.differences();
            out.println("3. Consistency check: " + report.legacyCount() + " checked, missing " + report.onlyInLegacy()
                    + ", different " + report.different() + ", extra " + report.onlyInPostgres());
            migration.repair(report, SourceOfTruth.LEGACY);
            consistent = migration.check().consistent();
            out.println("   repaired; consistent now: " + consistent);

            for (int percent : List.of(10, 50, 100)) {
                store.apply(MigrationSettings.dualWrites(percent));
                for (int i = 0; i < 100; i++) {
                    store.read(String.format("task-%04d", i));
                }
                out.println("4. Reads from PostgreSQL at " + percent + "%: " + store.stats().postgresReads() + " PostgreSQL reads so far");
            }
            migration.cutOver();
            store.write(new AgentTask("task-0200", "Written after the cut-over", "review", "running", "kimi-k2.5", "review", null, 10));
            out.println("5. Cut-over: PostgreSQL is the primary; the legacy store is no longer written ("
                    + legacy.readAll().size() + " tasks there, " + postgres.readAll().size() + " in PostgreSQL)");
        }
        int survived;
        try (HybridDB restarted = HybridDB.builder().config(settings.hybridConfig()).build()) {
            survived = new PostgresAgentTaskStore(restarted, tenant).readAll().size();
        }
        out.println("6. After a restart: " + survived + " tasks read back from PostgreSQL");
        return new Result(tenant, legacy.readAll().size(), drift, consistent, survived);
    }
}
