package dev.hybriddb.examples.migration;

import dev.hybriddb.HybridDB;
import dev.hybriddb.examples.ExampleSettings;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * Moving an application's agent tasks from an in-memory map ({@link MigrateFromInMemory}) onto
 * HybridDB without downtime, with a hand-written dual writer: backfill, dual writes, a consistency
 * check that finds and repairs drift, reads shifted to PostgreSQL step by step, then the cut-over;
 * the data survives a restart. {@link MigrateFromSqlite} does the same for swarms and agents with
 * the SDK's {@code dev.hybriddb.migrate} and the typed repositories.
 *
 * <p>This example shows jOOQ's DSL on purpose: the application keeps its own storage port
 * ({@link AgentTaskStore}) and implements it with the DSL on HybridDB's generated tables inside a
 * tenant transaction ({@link PostgresAgentTaskStore}).
 */
public final class MoveOntoHybridDB {
    private MoveOntoHybridDB() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, int tasks, int driftFound, boolean consistentAtCutOver, int survivedRestart) {}

    /** The application's life so far: 200 pending agent tasks in the legacy store. */
    static void fillLegacy(AgentTaskStore legacy) {
        for (int i = 0; i < 200; i++) {
            legacy.put(new AgentTask(String.format("task-%04d", i), "Direction " + i, i % 2 == 0 ? "impl" : "test",
                    "pending", "kimi-k2.5", "run step " + i, null, 0));
        }
    }

    /** Moves the tasks of {@code legacy} (described as {@code legacyName}) onto HybridDB. */
    public static Result run(ExampleSettings settings, PrintStream out, AgentTaskStore legacy, String legacyName) {
        out.println("0. Legacy " + legacyName + " holds " + legacy.all().size() + " agent tasks");
        UUID tenant;
        int drift;
        boolean consistent;
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).build()) {
            db.migrate();
            tenant = db.createTenant(TenantFields.of("Coherence", "coherence-" + UUID.randomUUID())).id();
            PostgresAgentTaskStore postgres = new PostgresAgentTaskStore(db, tenant);
            postgres.putAll(legacy.all());
            out.println("1. Backfilled " + postgres.all().size() + " tasks into PostgreSQL (agent_tasks, tenant " + tenant + ")");

            DualWriteAgentTaskStore store = new DualWriteAgentTaskStore(legacy, postgres);
            for (int i = 0; i < 50; i++) {                    // traffic during the verification period
                String id = String.format("task-%04d", i);
                store.put(store.get(id).orElseThrow().withStatus("completed", 100, "ok " + i));
            }
            // a write path nobody switched to the dual writer: the check must catch it
            legacy.put(legacy.get("task-0199").orElseThrow().withStatus("failed", 30, "forgotten path"));
            out.println("2. Dual writes: 50 updates through both stores, " + store.postgresWriteFailures() + " PostgreSQL write failures");

            ConsistencyCheck.Report report = ConsistencyCheck.compare(legacy, postgres);
            drift = report.missing().size() + report.different().size() + report.extra().size();
            out.println("3. Consistency check: " + report.checked() + " checked, missing " + report.missing()
                    + ", different " + report.different() + ", extra " + report.extra());
            ConsistencyCheck.repair(report, legacy, postgres);
            consistent = ConsistencyCheck.compare(legacy, postgres).consistent();
            out.println("   repaired; consistent now: " + consistent);

            for (int percent : List.of(10, 50, 100)) {
                store.readFromPostgres(percent);
                for (int i = 0; i < 100; i++) {
                    store.get(String.format("task-%04d", i));
                }
                out.println("4. Reads from PostgreSQL at " + percent + "%: " + store.postgresReads() + " PostgreSQL reads so far");
            }
            store.cutOver();
            store.put(new AgentTask("task-0200", "Written after the cut-over", "review", "running", "kimi-k2.5", "review", null, 10));
            out.println("5. Cut-over: PostgreSQL is the primary; the legacy store is no longer written ("
                    + legacy.all().size() + " tasks there, " + postgres.all().size() + " in PostgreSQL)");
        }
        int survived;
        try (HybridDB restarted = HybridDB.builder().config(settings.hybridConfig()).build()) {
            survived = new PostgresAgentTaskStore(restarted, tenant).all().size();
        }
        out.println("6. After a restart: " + survived + " tasks read back from PostgreSQL");
        return new Result(tenant, legacy.all().size(), drift, consistent, survived);
    }
}
