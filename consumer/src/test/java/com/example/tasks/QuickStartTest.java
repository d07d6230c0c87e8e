package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.TenantScope;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.vector.AgentMemory;
import dev.hybriddb.vector.MemoryBank;
import dev.hybriddb.vector.NewMemory;
import dev.hybriddb.vector.RecalledMemory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick-start workflow, written as an application would write it against the published
 * artifacts: a task is created in PostgreSQL, the workspace synced into FalkorDB, the best agent
 * found on the graph, the assignment written to PostgreSQL and synced, the task completed, and its
 * status read back from both stores; then a memory stored and recalled through pgvector.
 */
class QuickStartTest {
    static ScratchDatabase scratch;
    static HybridDB db;

    @BeforeAll
    static void open() {
        scratch = ScratchDatabase.create();
        // tag::open[]
        HybridConfig config = HybridConfig.builder()
                .url(scratch.url)
                .user(scratch.appUser).password(scratch.appPassword)                       // queries
                .migrationUser(scratch.adminUser).migrationPassword(scratch.adminPassword) // migrations
                .build();
        db = HybridDB.builder()
                .config(config)
                .graph(FalkorGraph.connect(scratch.falkorHost, scratch.falkorPort))
                .build();
        db.migrate();
        // end::open[]
    }

    @AfterAll
    static void close() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    @Test
    void seed000WorkflowRunsAgainstBothStores() {
        PostgresSync sync = PostgresSync.create(db.database(), db.graph().orElseThrow());
        GraphBackend graph = db.graph().orElseThrow();
        UUID tenant = UUID.randomUUID();
        try {
            UUID task = db.withTenant(tenant, s -> {
                tenantRow(s, "Acme");
                UUID pm = agent(s, "Pat", "project_manager", null, "task-assignment");
                UUID ada = agent(s, "Ada", "coder", pm, "java", "sql");
                agent(s, "Grace", "coder", pm, "java", "cypher");
                agent(s, "Linus", "reviewer", pm, "c");
                task(s, "Review the pool settings", ada, "java");       // Ada is busy
                return task(s, "Implement feature X", null, "java");
            });

            RebuildResult synced = sync.syncWorkspace(tenant);
            assertThat(synced.graph()).isEqualTo(GraphNames.forTenant(tenant));
            assertThat(synced.nodesUpserted()).isGreaterThanOrEqualTo(6);

            Coordinator coordinator = Coordinator.of(db.database(), graph);
            AgentAssignment best = coordinator.findOptimalAgentForTask(tenant, task.toString()).orElseThrow();
            UUID agentId = UUID.fromString(best.agentId());
            String agentName = db.withTenant(tenant, s ->
                    (String) s.dsl().fetchValue("SELECT name FROM agents WHERE id = ?", agentId));
            assertThat(agentName).isEqualTo("Grace");    // capable, and the least loaded

            db.useTenant(tenant, s -> s.dsl().execute(
                    "UPDATE tasks SET assigned_agent_id = ?, status = 'in_progress' WHERE id = ?", agentId, task));
            sync.syncTask(tenant, task);
            assertThat(graph.query(synced.graph(),
                    "MATCH (a:Agent)-[:ASSIGNED_TO]->(t:Task {id: $task}) RETURN a.id AS agent",
                    Map.of("task", task.toString())).get(0).getString("agent")).isEqualTo(agentId.toString());

            db.useTenant(tenant, s -> {
                s.dsl().execute("INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, started_at, finished_at,"
                        + " duration_ms) VALUES (?, ?, ?, 'success', now() - interval '42 seconds', now(), 42000)",
                        tenant, agentId, task);
                s.dsl().execute("UPDATE tasks SET status = 'completed', completed_at = now() WHERE id = ?", task);
            });
            sync.syncWorkspace(tenant);

            String inPostgres = db.withTenant(tenant, s ->
                    (String) s.dsl().fetchValue("SELECT status::text FROM tasks WHERE id = ?", task));
            String inGraph = graph.query(synced.graph(), "MATCH (:Agent)-[:EXECUTED]->(t:Task {id: $task}) RETURN t.status AS status",
                    Map.of("task", task.toString())).get(0).getString("status");
            assertThat(inPostgres).isEqualTo("completed");
            assertThat(inGraph).isEqualTo("completed");

            // another tenant sees none of it (row-level security)
            UUID other = UUID.randomUUID();
            Long visible = db.withTenant(other, s -> ((Number) s.dsl().fetchValue("SELECT count(*) FROM tasks")).longValue());
            assertThat(visible).isZero();
        } finally {
            graph.dropGraph(GraphNames.forTenant(tenant));
        }
    }

    @Test
    void memoriesAreRecalledBySimilarityWithinTheirTenant() {
        UUID tenant = UUID.randomUUID();
        db.useTenant(tenant, s -> tenantRow(s, "Memo"));
        AgentMemory memory = AgentMemory.create(db.database(), 384);   // callers bring 384-d embeddings
        MemoryBank bank = memory.createBank(tenant, "notes", "what the agents learned");
        memory.remember(tenant, bank.id(), NewMemory.of("the pool needs more connections").withEmbedding(axis(0)));
        memory.remember(tenant, bank.id(), NewMemory.of("the graph was restarted").withEmbedding(axis(1)));

        List<RecalledMemory> recalled = memory.recall(tenant, bank.id(), axis(1), 1, 0);
        assertThat(recalled).extracting(r -> r.memory().content()).containsExactly("the graph was restarted");
        assertThat(memory.banks(UUID.randomUUID())).isEmpty();
    }

    private static float[] axis(int i) {
        float[] v = new float[384];
        v[i] = 1f;
        return v;
    }

    private static void tenantRow(TenantScope s, String name) {
        s.dsl().execute("INSERT INTO tenants (id, name, slug, status) VALUES (?, ?, ?, 'active')",
                s.tenantId(), name, name.toLowerCase(java.util.Locale.ROOT) + "-" + s.tenantId());
    }

    private static UUID agent(TenantScope s, String name, String role, UUID manager, String... capabilities) {
        return (UUID) s.dsl().fetchValue("INSERT INTO agents (tenant_id, name, role, manager_id, capabilities)"
                + " VALUES (?, ?, ?::agent_role, ?, ?) RETURNING id", s.tenantId(), name, role, manager, capabilities);
    }

    private static UUID task(TenantScope s, String title, UUID assignee, String... required) {
        return (UUID) s.dsl().fetchValue("INSERT INTO tasks (tenant_id, title, assigned_agent_id, required_capabilities, status)"
                + " VALUES (?, ?, ?, ?, ?::task_status) RETURNING id", s.tenantId(), title, assignee, required,
                assignee == null ? "pending" : "in_progress");
    }
}
