package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The core workflow end to end: a task is created in PostgreSQL, synced to the graph, the optimal
 * agent is found on the graph, the assignment is written to PostgreSQL and synced, the agent's
 * execution is recorded in both stores, and the task's status is read back from both.
 *
 * <p>Run it with {@code scripts/demo}.
 */
public final class QuickStart {
    private static final String MODEL = "kimi-k2.5";

    private QuickStart() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, UUID taskId, String agentName, TaskStatus postgresStatus,
                         ExecutionResult graphResult, boolean graphInStep) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        out.println("HybridDB QuickStart: PostgreSQL is the source of truth, FalkorDB answers the graph questions");
        // tag::open[]
        try (HybridDB db = HybridDB.builder()
                .config(settings.hybridConfig())
                .graph(settings.falkor())
                .sync(SyncMode.MANUAL)                      // the application syncs what it writes
                .build()) {
            db.migrate();                                   // Liquibase, as the owner role
            // end::open[]
            return workflow(db, out);
        }
    }

    static Result workflow(HybridDB db, PrintStream out) {
        // tag::create[]
        UUID tenant = db.createTenant(TenantFields.of("Acme", "acme-" + UUID.randomUUID())).id();
        Task task = db.withTenant(tenant, s -> {
            Agent pm = s.agents().create(AgentFields.of("Pat", AgentRole.PROJECT_MANAGER, MODEL, List.of("coordination")));
            Agent ada = s.agents().create(AgentFields.of("Ada", AgentRole.CODER, MODEL, List.of("java", "sql")).managedBy(pm.id()));
            s.agents().create(AgentFields.of("Grace", AgentRole.CODER, MODEL, List.of("java", "cypher")).managedBy(pm.id()));
            s.agents().create(AgentFields.of("Linus", AgentRole.REVIEWER, MODEL, List.of("c")).managedBy(pm.id()));
            s.tasks().create(TaskFields.of("Review the pool settings", List.of("java"))          // Ada is busy
                    .withAssignedAgentId(ada.id()).withStatus(TaskStatus.IN_PROGRESS));
            return s.tasks().create(TaskFields.of("Implement feature X", List.of("java")));     // 1. the new task
        });
        // end::create[]
        out.println("1. PostgreSQL: tenant " + tenant + " with 4 agents; created task '" + task.title() + "'");

        // tag::sync[]
        RebuildResult synced = db.sync().syncWorkspace(tenant);                // 2. batch sync of the whole tenant
        // end::sync[]
        out.printf("2. Synced to graph %s: %d nodes, %d edges%n", synced.graph(), synced.nodesUpserted(), synced.edgesWritten());

        // tag::optimal[]
        AgentAssignment best = db.coordinator().findOptimalAgentForTask(tenant, task.id())   // 3. asked of the graph
                .orElseThrow(() -> new IllegalStateException("no agent can take the task"));
        // end::optimal[]
        out.println("3. Optimal agent: " + best.name() + " (score " + best.score() + ", " + best.reason() + ", answered by "
                + db.coordinator().mode() + ")");

        // tag::assign[]
        db.useTenant(tenant, s -> {
            s.tasks().assign(task.id(), best.agentId());                       // 4. assign in PostgreSQL ...
            s.tasks().updateStatus(task.id(), TaskStatus.IN_PROGRESS);
        });
        db.sync().syncTask(tenant, task.id());                                 // ... and in the graph
        // end::assign[]
        out.println("4. Assigned in both stores: " + best.name() + " -[:ASSIGNED_TO]-> '" + task.title() + "'");

        // tag::execute[]
        Instant finished = Instant.now();
        db.coordinator().createExecutionEdge(tenant, best.agentId(), task.id(),           // 5. the agent ran it
                NewExecution.of(ExecutionResult.SUCCESS, finished.minus(Duration.ofSeconds(42)), finished));
        db.useTenant(tenant, s -> s.tasks().updateStatus(task.id(), TaskStatus.COMPLETED));
        db.sync().syncTask(tenant, task.id());
        TaskStatus inPostgres = db.withTenant(tenant, s -> s.tasks().get(task.id()).status());
        ExecutionRecord fromGraph = db.coordinator().getAgentHistory(tenant, best.agentId(), 1).get(0);
        boolean inStep = db.sync().reconcile(tenant).wasClean();
        // end::execute[]
        out.println("5. " + best.name() + " executed the task (" + fromGraph.result() + " in " + fromGraph.durationMs() / 1000
                + " s, from the graph); status in both stores: PostgreSQL=" + inPostgres + ", graph in step: " + inStep);
        return new Result(tenant, task.id(), best.name(), inPostgres, fromGraph.result(), inStep);
    }
}
