package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.graph.RebuildResult;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 000's full workflow: a task is created in PostgreSQL, synced to the graph, the optimal
 * agent is found on the graph, the assignment is written to PostgreSQL and synced, the agent runs
 * the task, and the status is updated in both stores.
 *
 * <p>Run it with {@code scripts/demo}.
 */
public final class QuickStart {
    private QuickStart() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, UUID taskId, String agentName, String postgresStatus, String graphStatus) {}

    public static void main(String[] args) {
        ExampleSettings settings = ExampleSettings.fromEnvironment();
        run(settings, System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        out.println("HybridDB QuickStart: PostgreSQL is the source of truth, FalkorDB answers the graph questions");
        // tag::open[]
        try (HybridDB db = HybridDB.builder()
                .config(settings.hybridConfig())
                .graph(settings.falkor())
                .build()) {
            db.migrate();                                   // Liquibase, as the owner role
            PostgresSync sync = PostgresSync.create(db.database(), db.graph().orElseThrow());
            // end::open[]
            return workflow(db, sync, out);
        }
    }

    static Result workflow(HybridDB db, PostgresSync sync, PrintStream out) {
        UUID tenant = UUID.randomUUID();
        // tag::create[]
        UUID[] ids = db.withTenant(tenant, s -> {
            Workspace.tenant(s, "Acme");
            UUID pm = Workspace.agent(s, "Pat", "project_manager", null, "task-assignment", "coordination");
            UUID ada = Workspace.agent(s, "Ada", "coder", pm, "java", "sql");
            Workspace.agent(s, "Grace", "coder", pm, "java", "cypher");
            Workspace.agent(s, "Linus", "reviewer", pm, "c");
            Workspace.task(s, "Review the pool settings", ada, "java");         // Ada is busy
            UUID task = Workspace.task(s, "Implement feature X", null, "java");  // 1. the user's new task
            return new UUID[] {task};
        });
        UUID taskId = ids[0];
        // end::create[]
        out.println("1. PostgreSQL: tenant " + tenant + " with 4 agents; created task 'Implement feature X'");

        // tag::sync[]
        RebuildResult synced = sync.syncWorkspace(tenant);  // 2. batch sync of the whole tenant
        // end::sync[]
        out.printf("2. Synced to graph %s: %d nodes, %d edges%n", synced.graph(), synced.nodesUpserted(), synced.edgesWritten());

        GraphBackend graph = db.graph().orElseThrow();
        // tag::optimal[]
        Coordinator coordinator = Coordinator.of(db.database(), graph);   // SQL fallback if the graph is down
        AgentAssignment best = coordinator.findOptimalAgentForTask(tenant, taskId)
                .orElseThrow(() -> new IllegalStateException("no agent can take the task"));
        // end::optimal[]
        UUID agentId = best.agentId();
        String agentName = best.name();
        out.println("3. Optimal agent: " + agentName + " (score " + best.score() + ", " + best.reason() + ", answered by "
                + coordinator.mode() + ")");

        // tag::assign[]
        db.useTenant(tenant, s -> {
            s.dsl().execute("UPDATE tasks SET assigned_agent_id = ?, status = 'in_progress' WHERE id = ?", agentId, taskId);
        });
        sync.syncTask(tenant, taskId);                      // the ASSIGNED_TO edge follows the foreign key
        // end::assign[]
        out.println("4. Assigned in both stores: " + agentName + " -[:ASSIGNED_TO]-> 'Implement feature X'");

        db.useTenant(tenant, s -> {
            s.dsl().execute("INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, started_at, finished_at, duration_ms)"
                    + " VALUES (?, ?, ?, 'success', now() - interval '42 seconds', now(), 42000)", tenant, agentId, taskId);
            s.dsl().execute("UPDATE tasks SET status = 'completed', completed_at = now() WHERE id = ?", taskId);
        });
        sync.syncTask(tenant, taskId);
        sync.syncWorkspace(tenant);
        String pgStatus = db.withTenant(tenant, s -> {
            return Workspace.status(s, taskId);
        });
        String graphStatus = graph.query(synced.graph(), "MATCH (a:Agent)-[e:EXECUTED]->(t:Task {id: $task})"
                + " RETURN t.status AS status, e.result AS result", Map.of("task", taskId.toString())).get(0).getString("status");
        out.println("5. " + agentName + " executed the task; status in both stores: PostgreSQL=" + pgStatus + ", graph=" + graphStatus);
        return new Result(tenant, taskId, agentName, pgStatus, graphStatus);
    }
}
