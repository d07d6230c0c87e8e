package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.EdgeDrift;
import dev.hybriddb.sync.reconcile.LabelDrift;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sync on real servers; one subclass per graph backend. Every test writes its own tenant(s) as
 * the application role, syncs into graphs of its own, and ends with zero drift and an empty outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSyncIT {
    protected SyncTestDb db;
    protected GraphBackend graph;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final Set<String> graphs = ConcurrentHashMap.newKeySet();

    /** The backend under test, over the test database where it needs one. */
    protected abstract GraphBackend openBackend(SyncTestDb db);

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_" + getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("syncit", ""));
        graph = openBackend(db);
    }

    @AfterAll
    void tearDown() {
        if (graph != null) {
            graphs.forEach(g -> {
                try {
                    graph.dropGraph(g);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            });
            graph.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyOutbox() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }

    /**
     * Every test starts with no registered tenant graph: a consumer that starts checks every
     * registered tenant's graph under its own graph names, and the tests' graph names differ.
     */
    @BeforeEach
    void forgetRegisteredTenants() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_graph_tenants");
            return null;
        });
    }

    /** Graph names of one kind for this run: {@code <kind>_<run>_<tenant prefix>}. */
    protected Function<UUID, String> names(String kind) {
        return t -> {
            String g = Identifiers.graph(kind + "_" + run + "_" + t.toString().replace("-", "").substring(0, 12));
            graphs.add(g);
            return g;
        };
    }

    protected RealtimeSync.Builder realtime(GraphBackend backend, String kind) {
        return RealtimeSync.builder(db.owner, db.listen(), backend).graphNames(names(kind))
                .pollInterval(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(1)).batchSize(200);
    }

    protected Reconciler reconciler(GraphBackend backend, String kind) {
        return Reconciler.builder(db.owner, backend).graphNames(names(kind)).build();
    }

    protected void awaitDrained() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (db.outboxCount() > 0) {
            if (System.nanoTime() > deadline) {
                fail("the outbox did not drain within 120 s: " + db.outboxCount() + " rows left");
            }
            Thread.sleep(50);
        }
    }

    protected void assertConverged(GraphBackend backend, String kind, UUID tenant) throws SQLException {
        DriftReport report = reconciler(backend, kind).check(tenant);
        assertThat(report.isClean()).as("%s", report).isTrue();
        assertThat(db.outboxCount()).isZero();
    }

    protected long count(String kind, UUID tenant, String label) {
        List<GraphRow> rows = graph.query(names(kind).apply(tenant), "MATCH (n:" + label + ") RETURN count(n) AS c", Map.of());
        return rows.get(0).getLong("c");
    }

    protected long count(String kind, UUID tenant, EdgeType t) {
        List<GraphRow> rows = graph.query(names(kind).apply(tenant), "MATCH (:" + t.fromLabel() + ")-[e:" + t.type() + "]->(:"
                + t.toLabel() + ") RETURN count(e) AS c", Map.of());
        return rows.get(0).getLong("c");
    }

    protected GraphNode node(String kind, UUID tenant, String label, UUID id) {
        List<GraphRow> rows = graph.query(names(kind).apply(tenant), "MATCH (n:" + label + " {id: $key}) RETURN n AS n",
                Map.of("key", id.toString()));
        return rows.isEmpty() ? null : rows.get(0).getNode("n");
    }

    protected List<String> sources(String kind, UUID tenant, EdgeType t, UUID to) {
        List<String> out = new ArrayList<>();
        graph.query(names(kind).apply(tenant), "MATCH (a:" + t.fromLabel() + ")-[:" + t.type() + "]->(b:" + t.toLabel()
                + " {id: $key}) RETURN a.id AS src", Map.of("key", to.toString())).forEach(r -> out.add(r.getString("src")));
        return out;
    }

    /** Counts of every label and edge type of the default projection in a graph. */
    protected Map<String, Long> census(String kind, UUID tenant) {
        Map<String, Long> out = new LinkedHashMap<>();
        Projection.defaults().labels().forEach(l -> out.put(l, count(kind, tenant, l)));
        Projection.defaults().edgeTypes().forEach(t -> out.put(t.toString(), count(kind, tenant, t)));
        return out;
    }

    @Test
    void manualBatchAndRealtimeSyncBuildTheSameGraph() throws Exception {
        Workspace w = new Workspace(db.app).seed(30);

        try (RealtimeSync rt = realtime(graph, "rt").build()) {
            rt.start();
            awaitDrained();
            rt.stop();
            SyncMetrics m = rt.metrics();
            assertThat(m.applied()).isPositive();
            assertThat(m.batches()).isPositive();
            assertThat(m.nodesUpserted()).isPositive();
            assertThat(m.edgesWritten()).isPositive();
            assertThat(m.errors()).isZero();
            assertThat(m.backlog()).isZero();
            assertThat(m.running()).isFalse();
            assertThat(m.lastBatchAt()).isNotNull();
            assertThat(m.maxLag()).isGreaterThanOrEqualTo(m.lastLag()).isPositive();
            System.err.println("sync metrics after the initial load: " + m);
        }

        List<SyncProgress> progress = new ArrayList<>();
        RebuildResult rebuilt = PostgresSync.builder(db.app, graph).graphNames(names("batch")).pageSize(7).chunkSize(5)
                .build().rebuild(w.tenant, progress::add);
        assertThat(rebuilt.nodesUpserted()).isPositive();
        assertThat(progress).extracting(SyncProgress::phase).contains(SyncProgress.Phase.NODES, SyncProgress.Phase.SWEEP,
                SyncProgress.Phase.EDGES, SyncProgress.Phase.DONE);

        PostgresSync manual = PostgresSync.builder(db.app, graph).graphNames(names("manual")).build();
        // children before parents on purpose: edges to nodes that arrive later are back-filled
        w.executions.forEach(id -> manual.sync(w.tenant, "agent_executions", id));
        w.taskDependencies.forEach(id -> manual.sync(w.tenant, "task_dependencies", id));
        w.tasks.forEach(id -> manual.syncTask(w.tenant, id));
        w.apiKeys.forEach(id -> manual.syncApiKey(w.tenant, id));
        w.agents.forEach(id -> manual.syncAgent(w.tenant, id));
        w.swarms.forEach(id -> manual.syncSwarm(w.tenant, id));
        w.teamMembers.forEach(id -> manual.sync(w.tenant, "team_members", id));
        w.projectDependencies.forEach(id -> manual.sync(w.tenant, "project_dependencies", id));
        w.projects.forEach(id -> manual.syncProject(w.tenant, id));
        w.states.forEach(id -> manual.syncTaskState(w.tenant, id));
        w.boards.forEach(id -> manual.syncKanbanBoard(w.tenant, id));
        w.apps.forEach(id -> manual.syncApp(w.tenant, id));
        w.teams.forEach(id -> manual.syncTeam(w.tenant, id));
        w.users.forEach(id -> manual.syncUser(w.tenant, id));
        manual.syncAll(w.tenant, "guests", guestIds(w));

        for (String kind : List.of("rt", "batch", "manual")) {
            assertConverged(graph, kind, w.tenant);
        }
        Map<String, Long> census = census("rt", w.tenant);
        assertThat(census("batch", w.tenant)).isEqualTo(census);
        assertThat(census("manual", w.tenant)).isEqualTo(census);
        assertThat(census.get("Task")).isEqualTo(30L);
        assertThat(census.get("(Agent)-[ASSIGNED_TO]->(Task)")).isEqualTo(30L);
        assertThat(census.get("(Agent)-[MANAGES]->(Agent)")).isEqualTo(5L);
        assertThat(census.get("(Agent)-[EXECUTED]->(Task)")).isEqualTo(10L);
        assertThat(census.get("(Task)-[DEPENDS_ON]->(Task)")).isEqualTo((long) w.taskDependencies.size());
        assertThat(census.get("(User)-[MEMBER_OF]->(Team)")).isEqualTo(4L);
        assertThat(census.get("(Agent)-[HAS_ACCESS_TO]->(ApiKey)")).isEqualTo(2L);

        GraphNode key = node("batch", w.tenant, "ApiKey", w.apiKeys.get(0));
        assertThat(key.properties()).containsEntry("service", "openai").doesNotContainKeys("ciphertext", "nonce");
        GraphNode agent = node("manual", w.tenant, "Agent", w.agents.get(2));
        assertThat(agent.properties()).containsEntry("role", "coder").containsKey("created_at");
        assertThat(agent.properties().get("capabilities")).isEqualTo(List.of("java", "sql"));
        for (String mode : List.of("batch", "manual", "rt")) {
            // the matching keys coordination's capability index reads, projected like any column
            assertThat(node(mode, w.tenant, "Agent", w.agents.get(2)).properties().get("capability_keys")).as(mode)
                    .isEqualTo(List.of("java", "sql"));
        }
        List<GraphRow> executed = graph.query(names("rt").apply(w.tenant),
                "MATCH (:Agent)-[e:EXECUTED]->(t:Task {id: $key}) RETURN e.result AS result, e.tokens AS tokens",
                Map.of("key", w.tasks.get(0).toString()));
        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).getString("result")).isEqualTo("success");
        assertThat(executed.get(0).getLong("tokens")).isEqualTo(200L);
    }

    private List<UUID> guestIds(Workspace w) {
        return db.app.inTenant(w.tenant, c -> {
            List<UUID> ids = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id FROM guests")) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    @Test
    void updatesAndDeletesArriveInRealTime() throws Exception {
        Workspace w = new Workspace(db.app).seed(12);
        try (RealtimeSync rt = realtime(graph, "upd").build()) {
            rt.start();
            awaitDrained();
            UUID task = w.tasks.get(0);
            UUID newAgent = w.agents.get(3);
            UUID goneAgent = w.agents.get(5);
            w.exec("UPDATE tasks SET title = 'first' WHERE id = ?", task);
            w.exec("UPDATE tasks SET title = 'second', assigned_agent_id = ? WHERE id = ?", newAgent, task);
            w.exec("DELETE FROM agents WHERE id = ?", goneAgent);
            w.exec("DELETE FROM task_dependencies WHERE id = ?", w.taskDependencies.get(0));
            w.exec("UPDATE team_members SET team_id = ? WHERE id = ?", w.teams.get(1), w.teamMembers.get(0));
            w.exec("UPDATE api_keys SET description = 'rotated' WHERE id = ?", w.apiKeys.get(0));
            w.exec("DELETE FROM projects WHERE id = ?", w.projects.get(2));
            UUID contributor = UUID.randomUUID();
            UUID asset = UUID.randomUUID();
            w.exec("INSERT INTO contributors (id, tenant_id, name, wallet_address) VALUES (?, ?, 'ada', '0xabc')", contributor, w.tenant);
            w.exec("INSERT INTO assets (id, tenant_id, name, asset_type) VALUES (?, ?, 'sdk', 'code')", asset, w.tenant);
            w.exec("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score) "
                    + "VALUES (?, ?, ?, 12.50, 0.90)", w.tenant, contributor, asset);
            w.exec("INSERT INTO agent_tasks (id, tenant_id, agent_id, direction, task_type, model, command) "
                    + "VALUES ('task_abc123', ?, ?, 'build the sdk', 'impl', 'm', 'make')", w.tenant, w.agents.get(1));
            awaitDrained();
            rt.stop();

            assertThat(node("upd", w.tenant, "Task", task).properties()).containsEntry("title", "second");
            assertThat(sources("upd", w.tenant, EdgeType.of("Agent", "ASSIGNED_TO", "Task"), task)).containsExactly(newAgent.toString());
            assertThat(node("upd", w.tenant, "Agent", goneAgent)).isNull();
            assertThat(node("upd", w.tenant, "Project", w.projects.get(2))).isNull();
            assertThat(sources("upd", w.tenant, EdgeType.of("User", "MEMBER_OF", "Team"), w.teams.get(0)))
                    .doesNotContain(w.users.get(0).toString());
            assertThat(sources("upd", w.tenant, EdgeType.of("User", "MEMBER_OF", "Team"), w.teams.get(1)))
                    .contains(w.users.get(0).toString());
            assertThat(node("upd", w.tenant, "ApiKey", w.apiKeys.get(0)).properties()).containsEntry("description", "rotated");
            List<GraphRow> contributed = graph.query(names("upd").apply(w.tenant),
                    "MATCH (c:Contributor {id: $c})-[e:CONTRIBUTED_TO]->(a:Asset) RETURN e.cost_amount AS cost, "
                            + "a.total_cost AS total, c.wallet_address AS wallet", Map.of("c", contributor.toString()));
            assertThat(contributed).hasSize(1);
            assertThat(contributed.get(0).getDouble("cost")).isEqualTo(12.5);
            assertThat(contributed.get(0).getDouble("total")).isEqualTo(12.5);
            assertThat(contributed.get(0).get("wallet")).isNull();
            assertThat(graph.query(names("upd").apply(w.tenant), "MATCH (:Agent {id: $a})-[:ASSIGNED_TO]->(t:AgentTask "
                    + "{id: 'task_abc123'}) RETURN t.status AS s", Map.of("a", w.agents.get(1).toString())))
                    .extracting(r -> r.getString("s")).containsExactly("pending");
            assertConverged(graph, "upd", w.tenant);
        }
    }

    @Test
    void aTruncateRebuildsEveryRegisteredTenantGraphEvenByAnotherConsumer() throws Exception {
        Workspace w1 = new Workspace(db.app).seed(4);
        try (RealtimeSync first = realtime(graph, "trn").build()) {
            first.start();
            awaitDrained();
        }
        Workspace w2 = new Workspace(db.app).seed(4);
        emptyOutbox();                                 // w2's graph comes from a manual sync as the application role
        PostgresSync.builder(db.app, graph).graphNames(names("trn")).build().syncWorkspace(w2.tenant);
        assertThat(count("trn", w1.tenant, "Task")).isPositive();
        assertThat(count("trn", w2.tenant, "Task")).isPositive();
        assertThat(PostgresSync.registeredTenants(db.owner)).as("registered by the consumer and by the manual sync")
                .contains(w1.tenant, w2.tenant);
        try (RealtimeSync second = realtime(graph, "trn").build();      // has written neither tenant
             java.sql.Connection hold = db.ownerPool.getConnection()) {
            second.start();
            hold.setAutoCommit(false);
            Tenants.lock(hold, w1.tenant);                                 // w1 busy: the rebuild waits for it
            db.owner.inTransaction(c -> {
                Workspace.exec(c, "TRUNCATE tasks CASCADE");
                return null;
            });
            Thread.sleep(1000);
            assertThat(db.outboxCount()).as("the T rows stay until every tenant was rebuilt").isPositive();
            hold.rollback();
            awaitDrained();
        }
        for (Workspace w : List.of(w1, w2)) {
            assertThat(count("trn", w.tenant, "Task")).as("tasks of %s", w.tenant).isZero();
            assertThat(count("trn", w.tenant, "Agent")).isPositive();
            assertConverged(graph, "trn", w.tenant);
        }
    }

    @Test
    void handleChangeAppliesApplicationNotifications() throws Exception {
        Workspace w = new Workspace(db.app).seed(3);
        PostgresSync rt = PostgresSync.builder(db.owner, graph).graphNames(names("hc")).build();
        rt.rebuild(w.tenant);
        UUID task = w.tasks.get(1);
        w.exec("UPDATE tasks SET status = 'in_progress' WHERE id = ?", task);
        rt.handleChange("tasks", "UPDATE", Map.of("id", task.toString(), "tenant_id", w.tenant.toString()));
        assertThat(node("hc", w.tenant, "Task", task).properties()).containsEntry("status", "in_progress");
        UUID agent = db.app.inTenant(w.tenant, c -> Workspace.id(c, "SELECT assigned_agent_id FROM tasks WHERE id = ?", task));
        w.exec("DELETE FROM tasks WHERE id = ?", task);
        rt.handleChange("tasks", "DELETE", Map.of("id", task.toString(), "tenant_id", w.tenant.toString()));
        assertThat(node("hc", w.tenant, "Task", task)).isNull();
        if (agent != null) {
            // the database keeps the agent's open_task_count: deleting an open task changed the agent row too
            rt.handleChange("agents", "UPDATE", Map.of("id", agent.toString(), "tenant_id", w.tenant.toString()));
        }
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        assertConverged(graph, "hc", w.tenant);
    }

    @Test
    void twoConsumersNeitherDoubleApplyNorLoseWork() throws Exception {
        long before = db.outboxSequence();
        Workspace w1 = new Workspace(db.app);
        Workspace w2 = new Workspace(db.app);
        w1.seed(10);                // a backlog when the consumers start: rounds take a tenant each
        w2.seed(10);
        try (RealtimeSync a = realtime(graph, "two").batchSize(50).build();
             RealtimeSync b = realtime(graph, "two").batchSize(50).build()) {
            a.start();
            b.start();
            Thread t1 = new Thread(() -> { for (int i = 0; i < 5; i++) w1.addTasks(20); });
            Thread t2 = new Thread(() -> { for (int i = 0; i < 5; i++) w2.addTasks(20); });
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            w1.exec("UPDATE tasks SET priority = priority + 1");
            w2.exec("UPDATE agents SET status = 'busy'");
            awaitDrained();
            a.stop();
            b.stop();
            long created = db.outboxSequence() - before;
            assertThat(a.metrics().applied() + b.metrics().applied()).isEqualTo(created);
            assertThat(a.metrics().applied()).isPositive();
            assertThat(b.metrics().applied()).isPositive();
        }
        assertConverged(graph, "two", w1.tenant);
        assertConverged(graph, "two", w2.tenant);
        assertThat(count("two", w1.tenant, "Task")).isEqualTo(110L);
    }

    @Test
    void listeningConnectionTerminatedReconnects() throws Exception {
        Workspace w = new Workspace(db.app).seed(5);
        try (RealtimeSync rt = realtime(graph, "lst").pollInterval(Duration.ofMinutes(10)).build()) {
            rt.start();
            awaitDrained();
            awaitListening(rt);
            assertThat(db.terminateListeners()).isPositive();
            List<UUID> added = w.addTasks(20);
            awaitDrained();
            awaitListening(rt);
            assertThat(rt.metrics().reconnects()).isPositive();
            w.addTasks(5);
            awaitDrained();
            rt.stop();
            assertThat(node("lst", w.tenant, "Task", added.get(19))).isNotNull();
        }
        assertConverged(graph, "lst", w.tenant);
    }

    private static void awaitListening(RealtimeSync rt) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!rt.metrics().listening() || rt.metrics().backlog() > 0) {
            if (System.nanoTime() > deadline) {
                fail("not listening after 60 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Writers skip the NOTIFY while the consumer is awake (changelog 0930): a change committed in
     * the middle of a slow round must still arrive, with a poll interval far too long to help.
     */
    @Test
    void aChangeCommittedWhileTheConsumerIsBusyArrivesWithoutThePoll() throws Exception {
        Workspace w = new Workspace(db.app).seed(0);
        SlowGraph slow = new SlowGraph(graph, 400);
        try (RealtimeSync rt = realtime(slow, "busy2").pollInterval(Duration.ofMinutes(10)).build()) {
            rt.start();
            assertThat(slow.entered.await(60, TimeUnit.SECONDS)).isTrue();     // inside a slow round
            List<UUID> meanwhile = w.addTasks(1);
            w.exec("UPDATE users SET name = 'meanwhile' WHERE id = ?", w.users.get(0));
            awaitDrained();
            assertThat(node("busy2", w.tenant, "Task", meanwhile.get(0))).isNotNull();
            assertThat(node("busy2", w.tenant, "User", w.users.get(0)).properties()).containsEntry("name", "meanwhile");
            awaitListening(rt);
            List<UUID> later = w.addTasks(1);                                // the consumer sleeps: this one notifies
            awaitDrained();
            assertThat(node("busy2", w.tenant, "Task", later.get(0))).isNotNull();
        }
        assertConverged(graph, "busy2", w.tenant);
    }

    @Test
    void stopAndRestartInTheMiddleOfABatch() throws Exception {
        Workspace w = new Workspace(db.app).seed(0);
        w.addTasks(300);
        long backlog = db.outboxCount();

        SlowGraph slow = new SlowGraph(graph, 1500);
        RealtimeSync aborted = realtime(slow, "mid").build();
        aborted.start();
        assertThat(slow.entered.await(60, TimeUnit.SECONDS)).isTrue();
        aborted.stop(Duration.ofMillis(20));
        assertThat(aborted.isRunning()).isFalse();
        assertThat(db.outboxCount()).isEqualTo(backlog);

        SlowGraph slow2 = new SlowGraph(graph, 500);
        RealtimeSync graceful = realtime(slow2, "mid").build();
        graceful.start();
        assertThat(slow2.entered.await(60, TimeUnit.SECONDS)).isTrue();
        graceful.stop();
        long left = db.outboxCount();
        assertThat(left).isLessThan(backlog);
        assertThat(graceful.metrics().applied()).isEqualTo(backlog - left);

        try (RealtimeSync rt = realtime(graph, "mid").build()) {
            rt.start();
            awaitDrained();
        }
        assertConverged(graph, "mid", w.tenant);
        assertThat(count("mid", w.tenant, "Task")).isEqualTo(300L);
    }

    @Test
    void aTenantWhoseSyncLockIsHeldDoesNotHoldUpTheOthers() throws Exception {
        Workspace busy = new Workspace(db.app).seed(3);
        Workspace other = new Workspace(db.app);
        try (java.sql.Connection hold = db.ownerPool.getConnection()) {
            hold.setAutoCommit(false);
            Tenants.lock(hold, busy.tenant);
            try (RealtimeSync rt = realtime(graph, "busy").batchSize(10).build()) {
                rt.start();
                other.seed(3);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (outboxRowsOf(other.tenant) > 0) {
                    if (System.nanoTime() > deadline) {
                        fail("the other tenant's rows were not applied while one tenant was busy");
                    }
                    Thread.sleep(50);
                }
                assertThat(outboxRowsOf(busy.tenant)).isPositive();
                hold.rollback();
                awaitDrained();
            }
        }
        assertConverged(graph, "busy", busy.tenant);
        assertConverged(graph, "busy", other.tenant);
    }

    private long outboxRowsOf(UUID tenant) {
        return db.owner.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM hybriddb_sync.hybriddb_outbox WHERE tenant_id = ?")) {
                ps.setObject(1, tenant);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void reconcilerFindsAndRepairsDrift() throws Exception {
        Workspace w = new Workspace(db.app).seed(8);
        PostgresSync sync = PostgresSync.builder(db.owner, graph).graphNames(names("rec")).build();
        sync.rebuild(w.tenant);
        String g = names("rec").apply(w.tenant);
        graph.deleteNodes(g, "Task", List.of(w.tasks.get(0).toString()));
        graph.execute(g, "MATCH (n:Agent {id: $key}) SET n.name = 'tampered'", Map.of("key", w.agents.get(1).toString()));
        graph.upsertNodes(g, "Team", List.of(dev.hybriddb.graph.NodeRecord.of(UUID.randomUUID().toString(), Map.of("name", "ghost"))));
        graph.execute(g, "MATCH (a:Agent {id: $agent})-[e:ASSIGNED_TO]->(:Task) DELETE e", Map.of("agent", w.agents.get(2).toString()));

        Reconciler rec = reconciler(graph, "rec");
        DriftReport report = rec.check(w.tenant);
        assertThat(report.isClean()).isFalse();
        LabelDrift tasks = report.labels().stream().filter(l -> l.label().equals("Task")).findFirst().orElseThrow();
        assertThat(tasks.missing()).containsExactly(w.tasks.get(0).toString());
        LabelDrift agents = report.labels().stream().filter(l -> l.label().equals("Agent")).findFirst().orElseThrow();
        assertThat(agents.stale()).containsExactly(w.agents.get(1).toString());
        LabelDrift teams = report.labels().stream().filter(l -> l.label().equals("Team")).findFirst().orElseThrow();
        assertThat(teams.orphaned()).hasSize(1);
        EdgeDrift assigned = report.edges().stream().filter(e -> e.type().type().equals("ASSIGNED_TO")).findFirst().orElseThrow();
        assertThat(assigned.missing()).isNotEmpty();

        rec.repair(report);
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        assertConverged(graph, "rec", w.tenant);
    }

    @Test
    void syncOfATenantThatDoesNotExistIsRefusedAndMakesNoGraph() throws Exception {
        UUID ghost = UUID.randomUUID();
        String g = names("ghost").apply(ghost);
        PostgresSync manual = PostgresSync.builder(db.app, graph).graphNames(names("ghost")).build();
        List<Runnable> attempts = List.of(
                () -> manual.syncWorkspace(ghost),
                () -> manual.syncTask(ghost, UUID.randomUUID()),
                () -> manual.syncAll(ghost, "agents", List.of(UUID.randomUUID())),
                () -> reconciler(graph, "ghost").check(ghost));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(NotFoundException.class).hasMessageContaining(ghost.toString());
        }
        try (RealtimeSync rt = realtime(graph, "ghost").build()) {
            assertThatThrownBy(() -> manual.handleChange("agents", "INSERT",
                    Map.of("id", UUID.randomUUID().toString(), "tenant_id", ghost.toString())))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining(ghost.toString());
            db.owner.inTransaction(c -> {            // an outbox row of a tenant that is not (or no longer) there
                Workspace.exec(c, "INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key)"
                        + " VALUES (?, 'agents', 'I', jsonb_build_object('id', ?::text))", ghost, UUID.randomUUID());
                return null;
            });
            rt.start();
            rt.wakeUp();
            awaitDrained();
        }
        assertThat(graph.graphExists(g)).as("no graph made for tenant %s", ghost).isFalse();
        assertThat(PostgresSync.registeredTenants(db.owner)).doesNotContain(ghost);
    }
}
