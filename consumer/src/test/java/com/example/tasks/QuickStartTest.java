package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.vector.AgentMemory;
import dev.hybriddb.vector.MemoryBank;
import dev.hybriddb.vector.NewMemory;
import dev.hybriddb.vector.RecalledMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick-start workflow, written as an application would write it against the published
 * artifacts: a task is created in PostgreSQL through the repositories, the workspace synced into
 * FalkorDB, the best agent found on the graph, the assignment written to PostgreSQL and synced,
 * the execution recorded in both stores, and the task's status read back from both; then a memory
 * stored and recalled through pgvector. No SQL or Cypher string: the typed API only.
 */
class QuickStartTest {
    static final String MODEL = "kimi-k2.5";
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
                .sync(SyncMode.MANUAL)                      // the application syncs what it writes
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
    void coreWorkflowRunsAgainstBothStores() {
        UUID tenant = db.createTenant(TenantFields.of("Acme", "acme-" + UUID.randomUUID())).id();
        try {
            Task task = db.withTenant(tenant, s -> {
                Agent pm = s.agents().create(AgentFields.of("Pat", AgentRole.PROJECT_MANAGER, MODEL, List.of("task-assignment")));
                Agent ada = s.agents().create(AgentFields.of("Ada", AgentRole.CODER, MODEL, List.of("java", "sql")).managedBy(pm.id()));
                s.agents().create(AgentFields.of("Grace", AgentRole.CODER, MODEL, List.of("java", "cypher")).managedBy(pm.id()));
                s.agents().create(AgentFields.of("Linus", AgentRole.REVIEWER, MODEL, List.of("c")).managedBy(pm.id()));
                s.tasks().create(TaskFields.of("Review the pool settings", List.of("java"))        // Ada is busy
                        .withAssignedAgentId(ada.id()).withStatus(TaskStatus.IN_PROGRESS));
                return s.tasks().create(TaskFields.of("Implement feature X", List.of("java")));
            });

            RebuildResult synced = db.sync().syncWorkspace(tenant);
            assertThat(synced.graph()).isEqualTo(db.sync().graphOf(tenant));
            assertThat(synced.nodesUpserted()).isGreaterThanOrEqualTo(6);

            AgentAssignment best = db.coordinator().findOptimalAgentForTask(tenant, task.id()).orElseThrow();
            assertThat(best.name()).isEqualTo("Grace");    // capable, and the least loaded

            db.useTenant(tenant, s -> {
                s.tasks().assign(task.id(), best.agentId());
                s.tasks().updateStatus(task.id(), TaskStatus.IN_PROGRESS);
            });
            db.sync().syncTask(tenant, task.id());
            assertThat(db.sync().reconcile(tenant).wasClean()).as("the assignment is in the graph").isTrue();

            Instant finished = Instant.now();
            db.coordinator().createExecutionEdge(tenant, best.agentId(), task.id(),
                    NewExecution.of(ExecutionResult.SUCCESS, finished.minus(Duration.ofSeconds(42)), finished));
            db.useTenant(tenant, s -> s.tasks().updateStatus(task.id(), TaskStatus.COMPLETED));
            db.sync().syncTask(tenant, task.id());

            TaskStatus inPostgres = db.withTenant(tenant, s -> s.tasks().get(task.id()).status());
            ExecutionRecord fromGraph = db.coordinator().getAgentHistory(tenant, best.agentId(), 1).get(0);
            assertThat(inPostgres).isEqualTo(TaskStatus.COMPLETED);
            assertThat(fromGraph.taskId()).isEqualTo(task.id());
            assertThat(fromGraph.result()).isEqualTo(ExecutionResult.SUCCESS);
            assertThat(db.sync().reconcile(tenant).wasClean()).as("the graph holds what PostgreSQL holds").isTrue();

            // another tenant sees none of it (row-level security)
            UUID other = db.createTenant(TenantFields.of("Other", "other-" + UUID.randomUUID())).id();
            long visible = db.withTenant(other, s -> s.tasks().count());
            Optional<Task> foreign = db.withTenant(other, s -> s.tasks().findById(task.id()));
            assertThat(visible).isZero();
            assertThat(foreign).isEmpty();
        } finally {
            db.graph().orElseThrow().dropGraph(db.sync().graphOf(tenant));
        }
    }

    @Test
    void memoriesAreRecalledBySimilarityWithinTheirTenant() {
        UUID tenant = db.createTenant(TenantFields.of("Memo", "memo-" + UUID.randomUUID())).id();
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
}
