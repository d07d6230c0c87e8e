package dev.hybriddb.coordination;

import static dev.hybriddb.coordination.CoordinationFixture.*;
import static dev.hybriddb.model.ExecutionResult.FAILURE;
import static dev.hybriddb.model.ExecutionResult.SUCCESS;
import static dev.hybriddb.model.ExecutionResult.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.internal.CoordinationEngine;
import dev.hybriddb.coordination.internal.GraphStore;
import dev.hybriddb.coordination.internal.SqlStore;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Coordination answers on {@link CoordinationFixture}, from the graph and from PostgreSQL: each is
 * asserted against the answer known by construction, and the two must be equal. A graph backend
 * module runs it through a subclass that provides {@link #graph()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CoordinationContract {
    protected CoordinationFixture fixture;
    protected Coordinator viaGraph;
    protected Coordinator viaSql;
    protected List<ExecutionRecord> executions;
    protected CoordinationWorld world;

    /** The graph backend under test (the same instance for the whole class). */
    protected abstract GraphBackend graph();

    @BeforeAll
    void load() {
        fixture = CoordinationFixture.inPostgres();
        fixture.loadGraph(graph());
        viaGraph = Coordinator.of(fixture.db, graph());
        viaSql = Coordinator.of(fixture.db, null);
        Instant day0 = Instant.parse("2023-12-31T10:00:00Z");
        Instant day1 = Instant.parse("2024-01-01T10:00:00Z");
        Instant day2 = Instant.parse("2024-01-02T10:00:00Z");
        ExecutionRecord c3 = viaGraph.createExecutionEdge(fixture.tenant, A1, C3, new NewExecution(SUCCESS, day1,
                day1.plusSeconds(90), 100, new BigDecimal("0.5"), "model-a"));
        ExecutionRecord c2 = viaGraph.createExecutionEdge(fixture.tenant, A1, C2, new NewExecution(FAILURE, day2, null, 0, null, null));
        ExecutionRecord o2 = viaGraph.createExecutionEdge(fixture.tenant, A1, O2, new NewExecution(SUCCESS, day2,
                day2.plusMillis(1500), 5, new BigDecimal("0.01"), "model-b"));
        // an older execution of C3, recorded late: the latest one stays in the answers
        viaGraph.createExecutionEdge(fixture.tenant, A1, C3, new NewExecution(TIMEOUT, day0, day0.plusSeconds(1), 1, null, null));
        executions = List.of(o2, c2, c3); // newest first, ties by task key (O2 = ...0c2 < C2 = ...0d2)
        world = new CoordinationWorld();
        world.insert(fixture.db);
        world.loadGraph(graph());
    }

    /** Called last, after the fixture is gone: close the graph backend here. */
    protected void closeGraph() {
    }

    @AfterAll
    void unload() {
        try {
            if (fixture != null) {
                graph().dropGraph(fixture.graphName());
                if (world != null) {
                    graph().dropGraph(world.graphName());
                }
                fixture.close();
            }
        } finally {
            closeGraph();
        }
    }

    /**
     * Asks the graph alone, PostgreSQL alone and the coordinator; checks all three agree (and that the
     * coordinator stayed on the graph), and returns the answer.
     */
    protected <T> T both(Function<Coordination, T> question) {
        T fromGraph = question.apply(new CoordinationEngine(new GraphStore(graph(), dev.hybriddb.graph.GraphNames::forTenant)));
        T fromSql = question.apply(new CoordinationEngine(new SqlStore(fixture.db)));
        assertThat(fromGraph).as("graph answer equals SQL answer").isEqualTo(fromSql);
        assertThat(question.apply(viaGraph)).as("coordinator answer").isEqualTo(fromGraph);
        assertThat(question.apply(viaSql)).as("SQL-only coordinator answer").isEqualTo(fromSql);
        assertThat(viaGraph.mode()).isEqualTo(CoordinationMode.GRAPH);
        assertThat(viaSql.mode()).isEqualTo(CoordinationMode.SQL_ONLY);
        return fromGraph;
    }

    protected UUID t() {
        return fixture.tenant;
    }

    // ------------------------------------------------------------------ assignment

    @Test
    void ranksEligibleAgentsByScore() {
        List<AgentAssignment> ranking = both(c -> c.rankAgentsForTask(t(), TX));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly(A1, A3, A5, A2);
        assertThat(ranking).extracting(AgentAssignment::name).containsExactly("Coder", "Designer", "Lonely", "Tester");
        assertThat(ranking).extracting(AgentAssignment::role)
                .containsExactly(AgentRole.CODER, AgentRole.DESIGNER, AgentRole.WORKER, AgentRole.TESTER);
        assertThat(ranking).extracting(AgentAssignment::status)
                .containsExactly(AgentStatus.IDLE, AgentStatus.IDLE, AgentStatus.IDLE, AgentStatus.BUSY);
        assertThat(ranking).extracting(AgentAssignment::score).containsExactly(88, 49, 46, 42);
        assertThat(ranking.get(0).reason()).isEqualTo("Capability-matched: capabilities 2/2, 1 open task, idle, distance 0.0");
        assertThat(ranking.get(1).reason()).isEqualTo("Workload-optimized: capabilities 0/2, 0 open tasks, idle, distance 30.0");
        assertThat(ranking.get(3).reason()).isEqualTo("Proximity-optimized: capabilities 1/2, 2 open tasks, busy, distance 5.0");
        assertThat(ranking.get(3).capabilityMatch()).isEqualTo(0.5);
        assertThat(ranking.get(3).openTasks()).isEqualTo(2);
        assertThat(ranking.get(3).distance()).isEqualTo(5.0);
    }

    @Test
    void findsTheOptimalAgent() {
        AgentAssignment best = both(c -> c.findOptimalAgentForTask(t(), TX)).orElseThrow();
        assertThat(best.agentId()).isEqualTo(A1);
        assertThat(best.score()).isEqualTo(88);
        assertThat(best.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(best.name()).isEqualTo("Coder");
        assertThat(best.role()).isEqualTo(AgentRole.CODER);
    }

    @Test
    void unknownTasksAndBadKeys() {
        UUID missing = UUID.randomUUID();
        for (Coordination c : List.of(viaGraph, viaSql, new CoordinationEngine(new GraphStore(graph(), dev.hybriddb.graph.GraphNames::forTenant)))) {
            assertThatThrownBy(() -> c.rankAgentsForTask(t(), missing)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.getTaskDependencies(t(), missing)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.getPMTeamOverview(t(), missing)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.getAgentNetwork(t(), missing, 1)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.getAgentHistory(t(), missing, 5)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.rankAgentsForTask(t(), null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("taskId");
            assertThatThrownBy(() -> c.getPMTeamOverview(t(), null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("pmId");
            assertThatThrownBy(() -> c.getAgentNetwork(t(), null, 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.getAgentHistory(t(), null, 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.getTaskDependencies(t(), null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.rankAgentsForTask(null, TX)).isInstanceOf(InvalidInputException.class);
            // a task id that is an agent's is not a task
            assertThatThrownBy(() -> c.getTaskDependencies(t(), A1)).isInstanceOf(NotFoundException.class);
            // another tenant sees nothing of this one
            assertThatThrownBy(() -> c.rankAgentsForTask(UUID.randomUUID(), TX)).isInstanceOf(NotFoundException.class);
        }
        assertThat(viaGraph.mode()).isEqualTo(CoordinationMode.GRAPH);
    }

    // ------------------------------------------------------------------ PM overview

    @Test
    void pmTeamOverview() {
        PMTeamOverview o = both(c -> c.getPMTeamOverview(t(), PM));
        assertThat(o.totalAgents()).isEqualTo(3);
        assertThat(o.activeAgents()).isEqualTo(1);
        assertThat(o.idleAgents()).isEqualTo(2);
        assertThat(o.agentsByStatus()).isEqualTo(Map.of(AgentStatus.BUSY, 1, AgentStatus.IDLE, 2));
        assertThat(o.agentsByStatus().keySet()).as("enum order").containsExactly(AgentStatus.IDLE, AgentStatus.BUSY);
        assertThat(o.agents()).extracting(AgentSummary::id).containsExactly(A1, A2, A3);
        assertThat(o.agents().get(0)).isEqualTo(new AgentSummary(A1, "Coder", AgentRole.CODER, AgentStatus.IDLE));
        assertThat(o.totalTasks()).isEqualTo(5);
        assertThat(o.openTasks()).isEqualTo(4);
        assertThat(o.completedTasks()).isEqualTo(1);
        assertThat(o.tasksByStatus()).isEqualTo(Map.of(TaskStatus.AGENT_WORKING, 1, TaskStatus.COMPLETED, 1,
                TaskStatus.IN_PROGRESS, 1, TaskStatus.PENDING, 2));
        assertThat(o.tasksByStatus().keySet()).as("enum order").containsExactly(TaskStatus.PENDING,
                TaskStatus.AGENT_WORKING, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED);
        assertThatThrownBy(() -> o.tasksByStatus().put(TaskStatus.FAILED, 1)).isInstanceOf(UnsupportedOperationException.class);

        PMTeamOverview sub = both(c -> c.getPMTeamOverview(t(), A1));
        assertThat(sub.agents()).extracting(AgentSummary::id).containsExactly(A4);
        assertThat(sub.activeAgents()).isZero();
        assertThat(sub.agentsByStatus()).isEqualTo(Map.of(AgentStatus.PAUSED, 1));
        assertThat(sub.tasksByStatus()).isEqualTo(Map.of(TaskStatus.PENDING, 1));

        PMTeamOverview none = both(c -> c.getPMTeamOverview(t(), A5));
        assertThat(none.totalAgents()).isZero();
        assertThat(none.totalTasks()).isZero();
    }

    // ------------------------------------------------------------------ dependencies

    private static DependencyRef ref(UUID id, String title, TaskStatus status, int distance) {
        return new DependencyRef(id, title, status, distance);
    }

    @Test
    void chainDependencies() {
        TaskDependencies c1 = both(c -> c.getTaskDependencies(t(), C1));
        assertThat(c1.blockedBy()).containsExactly(ref(C2, "Chain 2", TaskStatus.IN_PROGRESS, 1), ref(C3, "Chain 3", TaskStatus.COMPLETED, 2));
        assertThat(c1.directlyBlockedBy()).extracting(DependencyRef::taskId).containsExactly(C2);
        assertThat(c1.blocking()).isEmpty();
        assertThat(c1.canStart()).isFalse();

        TaskDependencies c2 = both(c -> c.getTaskDependencies(t(), C2));
        assertThat(c2.blockedBy()).containsExactly(ref(C3, "Chain 3", TaskStatus.COMPLETED, 1));
        assertThat(c2.blocking()).containsExactly(ref(C1, "Chain 1", TaskStatus.PENDING, 1));
        assertThat(c2.canStart()).isTrue();

        TaskDependencies c3 = both(c -> c.getTaskDependencies(t(), C3));
        assertThat(c3.blockedBy()).isEmpty();
        assertThat(c3.blocking()).containsExactly(ref(C2, "Chain 2", TaskStatus.IN_PROGRESS, 1), ref(C1, "Chain 1", TaskStatus.PENDING, 2));
        assertThat(c3.canStart()).isTrue();
    }

    @Test
    void diamondDependencies() {
        TaskDependencies d1 = both(c -> c.getTaskDependencies(t(), D1));
        assertThat(d1.blockedBy()).containsExactly(ref(D2, "Diamond left", TaskStatus.COMPLETED, 1),
                ref(D3, "Diamond right", TaskStatus.COMPLETED, 1), ref(D4, "Diamond bottom", TaskStatus.COMPLETED, 2));
        assertThat(d1.blocking()).containsExactly(ref(D5, "Above diamond", TaskStatus.PENDING, 1));
        assertThat(d1.canStart()).isTrue();

        TaskDependencies d4 = both(c -> c.getTaskDependencies(t(), D4));
        assertThat(d4.blockedBy()).isEmpty();
        assertThat(d4.blocking()).extracting(DependencyRef::taskId, DependencyRef::distance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(D2, 1), org.assertj.core.groups.Tuple.tuple(D3, 1),
                        org.assertj.core.groups.Tuple.tuple(D1, 2), org.assertj.core.groups.Tuple.tuple(D5, 3));

        TaskDependencies d5 = both(c -> c.getTaskDependencies(t(), D5));
        assertThat(d5.blockedBy()).extracting(DependencyRef::taskId).containsExactly(D1, D2, D3, D4);
        assertThat(d5.directlyBlockedBy()).extracting(DependencyRef::taskId).containsExactly(D1);
        assertThat(d5.canStart()).isFalse();

        TaskDependencies free = both(c -> c.getTaskDependencies(t(), TX));
        assertThat(free.blockedBy()).isEmpty();
        assertThat(free.blocking()).isEmpty();
        assertThat(free.canStart()).isTrue();
    }

    // ------------------------------------------------------------------ network

    private static AgentLink manages(UUID from, UUID to) {
        return new AgentLink(from, to, AgentLink.MANAGES, null);
    }

    @Test
    void agentNetworkByDepth() {
        AgentNetwork n1 = both(c -> c.getAgentNetwork(t(), A1, 1));
        assertThat(n1.agents()).extracting(NetworkAgent::id, NetworkAgent::distance).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PM, 1), org.assertj.core.groups.Tuple.tuple(A2, 1),
                org.assertj.core.groups.Tuple.tuple(A4, 1));
        assertThat(n1.connections()).containsExactly(manages(PM, A1), manages(A1, A4),
                new AgentLink(A1, A2, AgentLink.SAME_SWARM, S1));

        AgentNetwork n2 = both(c -> c.getAgentNetwork(t(), A1, 2));
        assertThat(n2.agents()).extracting(NetworkAgent::id).containsExactly(PM, A2, A4, A3);
        assertThat(n2.agents().get(3).distance()).isEqualTo(2);
        assertThat(n2.agents().get(3).agent()).isEqualTo(new AgentSummary(A3, "Designer", AgentRole.DESIGNER, AgentStatus.IDLE));
        assertThat(n2.connections()).containsExactly(manages(PM, A1), manages(PM, A2), manages(PM, A3), manages(A1, A4),
                new AgentLink(A1, A2, AgentLink.SAME_SWARM, S1));

        AgentNetwork n5 = both(c -> c.getAgentNetwork(t(), A1, 5));
        assertThat(n5.agents()).isEqualTo(n2.agents());
        assertThat(n5.connections()).isEqualTo(n2.connections());

        AgentNetwork alone = both(c -> c.getAgentNetwork(t(), A5, 3));
        assertThat(alone.agents()).isEmpty();
        assertThat(alone.connections()).isEmpty();

        for (int bad : new int[] {0, -1, 6}) {
            assertThatThrownBy(() -> viaGraph.getAgentNetwork(t(), A1, bad)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> viaSql.getAgentNetwork(t(), A1, bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    // ------------------------------------------------------------------ generated world

    @Test
    void topKIsThePrefixOfTheFullRankingWithTiesAndMissingCapabilities() {
        UUID w = world.tenant;
        int ties = 0;
        int missing = 0;
        for (UUID task : world.tasks) {
            List<AgentAssignment> full = both(c -> c.rankAgentsForTask(w, task));
            assertThat(full).isSortedAccordingTo(dev.hybriddb.coordination.internal.AssignmentScorer.BEST_FIRST);
            for (int k : new int[] {1, 2, 3, 10, 40}) {
                List<AgentAssignment> top = both(c -> c.rankAgentsForTask(w, task, k));
                assertThat(top).as("top %d of %s", k, task).isEqualTo(full.subList(0, Math.min(k, full.size())));
            }
            java.util.Optional<AgentAssignment> best = both(c -> c.findOptimalAgentForTask(w, task));
            assertThat(best).isEqualTo(full.stream().findFirst());
            for (int i = 1; i < Math.min(4, full.size()); i++) {
                if (full.get(i).score() == full.get(i - 1).score()) {
                    ties++;
                }
            }
            if (!full.isEmpty() && full.get(0).capabilityMatch() < 1.0) {
                missing++;
            }
        }
        assertThat(ties).as("ties near the top").isGreaterThan(5);
        assertThat(missing).as("tasks no agent fully matches").isGreaterThan(5);
        assertThatThrownBy(() -> viaGraph.rankAgentsForTask(w, world.tasks.get(0), 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> viaSql.rankAgentsForTask(w, world.tasks.get(0), 1001)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> viaGraph.rankAgentsForTask(w, UUID.randomUUID(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void storesRankCapabilityHoldersAlikeAndAsTheScorerDoes() {
        var graphStore = new GraphStore(graph(), dev.hybriddb.graph.GraphNames::forTenant);
        var sqlStore = new SqlStore(fixture.db);
        int checked = 0;
        for (UUID task : world.tasks) {
            var profile = sqlStore.task(world.tenant, task).orElseThrow();
            List<String> keys = dev.hybriddb.coordination.internal.AssignmentScorer.capabilityKeys(profile.requiredCapabilities());
            if (keys.isEmpty()) {
                continue;
            }
            for (int limit : new int[] {1, 4, 32}) {
                var fromGraph = graphStore.topCandidates(world.tenant, profile, keys,
                        dev.hybriddb.coordination.internal.AssignmentScorer.availabilityByLiteral(), limit);
                var fromSql = sqlStore.topCandidates(world.tenant, profile, keys,
                        dev.hybriddb.coordination.internal.AssignmentScorer.availabilityByLiteral(), limit);
                assertThat(fromGraph.candidates()).as("top %d of %s", limit, task).containsExactlyElementsOf(fromSql.candidates());
                assertThat(fromGraph.scores()).containsExactlyElementsOf(fromSql.scores());
                List<AgentAssignment> exact = viaSql.rankAgentsForTask(world.tenant, task);
                for (int i = 0; i < fromSql.candidates().size(); i++) {
                    AgentAssignment expected = exact.stream()
                            .filter(a -> a.capabilityMatch() > 0).toList().get(i);
                    assertThat(fromSql.candidates().get(i).agent().id()).as("holder %d for %s", i, task).isEqualTo(expected.agentId());
                    assertThat(fromSql.scores().get(i)).isEqualTo(expected.score());
                    checked++;
                }
            }
        }
        assertThat(checked).as("ranked rows compared with the scorer").isGreaterThan(100);
    }

    @Test
    void agentNetworksAtDepthThreeAndFour() {
        UUID w = world.tenant;
        int deep = 0;
        for (UUID agent : world.agents.subList(0, 30)) {
            AgentNetwork previous = null;
            for (int depth = 1; depth <= AgentNetwork.MAX_DEPTH; depth++) {
                int d = depth;
                AgentNetwork n = both(c -> c.getAgentNetwork(w, agent, d));
                assertThat(n.agents()).allSatisfy(a -> assertThat(a.distance()).isBetween(1, d));
                if (previous != null) {
                    assertThat(n.agents().size()).isGreaterThanOrEqualTo(previous.agents().size());
                }
                if (depth == 4 && n.agents().stream().anyMatch(a -> a.distance() == 4)) {
                    deep++;
                }
                previous = n;
            }
        }
        assertThat(deep).as("networks that reach 4 hops").isGreaterThan(0);
    }

    @Test
    void dependenciesTenDeepWithDiamonds() {
        UUID w = world.tenant;
        int deepest = 0;
        for (UUID task : world.tasks) {
            TaskDependencies d = both(c -> c.getTaskDependencies(w, task));
            java.util.Map<UUID, Integer> blockedBy = new java.util.HashMap<>();
            d.blockedBy().forEach(r -> blockedBy.put(r.taskId(), r.distance()));
            java.util.Map<UUID, Integer> blocking = new java.util.HashMap<>();
            d.blocking().forEach(r -> blocking.put(r.taskId(), r.distance()));
            assertThat(blockedBy).isEqualTo(world.distances(task, true));
            assertThat(blocking).isEqualTo(world.distances(task, false));
            assertThat(d.canStart()).isEqualTo(d.blockedBy().stream().allMatch(r -> r.status() == TaskStatus.COMPLETED));
            deepest = Math.max(deepest, blockedBy.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        assertThat(deepest).isEqualTo(CoordinationWorld.LAYERS - 1);
        assertThat(world.dependencies.size()).as("some tasks depend on two (diamonds)").isGreaterThan(world.tasks.size() - 6);
    }

    // ------------------------------------------------------------------ executions

    @Test
    void executionHistoryNewestFirst() {
        assertThat(executions.get(2).taskId()).isEqualTo(C3);
        assertThat(executions.get(2).durationMs()).isEqualTo(90_000L);
        assertThat(executions.get(2).cost()).isEqualTo(0.5);
        assertThat(executions.get(2).taskTitle()).isEqualTo("Chain 3");
        List<ExecutionRecord> all = both(c -> c.getAgentHistory(t(), A1, 10));
        List<ExecutionRecord> two = both(c -> c.getAgentHistory(t(), A1, 2));
        List<ExecutionRecord> none = both(c -> c.getAgentHistory(t(), A5, 10));
        assertThat(all).isEqualTo(executions);
        assertThat(two).isEqualTo(executions.subList(0, 2));
        assertThat(none).isEmpty();
        assertThatThrownBy(() -> viaGraph.getAgentHistory(t(), A1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> viaSql.getAgentHistory(t(), A1, 1001)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void executionEdgesAreInTheGraph() {
        List<GraphRow> rows = graph().query(fixture.graphName(), "MATCH (a:Agent {id: $a})-[e:EXECUTED]->(t:Task) "
                + "RETURN t.id AS task, e.result AS result, e.tokens AS tokens ORDER BY t.id", Map.of("a", A1.toString()));
        assertThat(rows).extracting(r -> r.getString("task") + "/" + r.getString("result") + "/" + r.getLong("tokens"))
                .containsExactly(O2 + "/success/5", C2 + "/failure/0", C3 + "/success/100");
        assertThat(executions.get(0).result()).isEqualTo(SUCCESS);
        assertThat(executions.get(1).result()).isEqualTo(FAILURE);
        assertThatThrownBy(() -> viaGraph.createExecutionEdge(t(), A1, UUID.randomUUID(),
                NewExecution.of(SUCCESS, Instant.now(), null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> viaGraph.createExecutionEdge(t(), null, C1,
                NewExecution.of(SUCCESS, Instant.now(), null))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewExecution.of(null, Instant.now(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("result");
    }

    // ------------------------------------------------------------------ keys that are not UUIDs

    @Test
    void graphNodesKeyedByTextThatIsNotAUuidAreLeftOut() {
        String g = fixture.graphName();
        graph().upsertNodes(g, "Agent", List.of(dev.hybriddb.graph.NodeRecord.of("legacy-agent", Map.of("name", "Legacy",
                "role", "coder", "status", "idle", "capabilities", List.of("java", "sql"), "pos_x", 0.0, "pos_y", 0.0,
                "pos_z", 0.0))));
        graph().upsertNodes(g, "Task", List.of(dev.hybriddb.graph.NodeRecord.of("LEGACY-TASK", Map.of("title", "Legacy",
                "status", "pending"))));
        graph().upsertEdges(g, dev.hybriddb.graph.EdgeType.of("Agent", "MANAGES", "Agent"),
                List.of(dev.hybriddb.graph.EdgeRecord.of(PM.toString(), "legacy-agent")));
        graph().upsertEdges(g, dev.hybriddb.graph.EdgeType.of("Task", "DEPENDS_ON", "Task"),
                List.of(dev.hybriddb.graph.EdgeRecord.of(C3.toString(), "LEGACY-TASK")));
        // answers from the graph still equal PostgreSQL's, which cannot hold such keys
        List<AgentAssignment> ranking = both(c -> c.rankAgentsForTask(t(), TX));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly(A1, A3, A5, A2);
        assertThat(both(c -> c.getPMTeamOverview(t(), PM)).totalAgents()).isEqualTo(3);
        assertThat(both(c -> c.getAgentNetwork(t(), PM, 1)).agents()).extracting(NetworkAgent::id).containsExactly(A1, A2, A3);
        assertThat(both(c -> c.getTaskDependencies(t(), C3)).canStart()).isTrue();
    }

    // ------------------------------------------------------------------ graph-only entities

    @Test
    void syncsGraphOnlyEntitiesAndRefusesSecrets() {
        UUID pm = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        viaGraph.syncFromPostgres(t(), EntitySync.of("Agent", worker, Map.of("name", "Helper", "status", AgentStatus.PAUSED)));
        viaGraph.syncFromPostgres(t(), EntitySync.of("PMAgent", pm, Map.of("name", "Project Manager AI", "status", "active"),
                Relationship.to("MANAGES", "Agent", worker)));
        viaGraph.syncFromPostgres(t(), EntitySync.of("ApiKey", "key-1", Map.of("service", "openai", "description", "coordination"),
                Relationship.to("HAS_ACCESS_TO", "PMAgent", pm)));
        assertThat(graph().query(fixture.graphName(), "MATCH (a:Agent {id: $pm})-[:HAS_ACCESS_TO]->(k:ApiKey) "
                + "RETURN k.service AS service, a.role AS role", Map.of("pm", pm.toString())))
                .extracting(r -> r.getString("service") + "/" + r.getString("role")).containsExactly("openai/project_manager");

        PMTeamOverview o = viaGraph.getPMTeamOverview(t(), pm);
        assertThat(o.agents()).containsExactly(new AgentSummary(worker, "Helper", null, AgentStatus.PAUSED));
        assertThat(o.agentsByStatus()).isEqualTo(Map.of(AgentStatus.PAUSED, 1));
        assertThatThrownBy(() -> viaSql.getPMTeamOverview(t(), pm)).isInstanceOf(NotFoundException.class);

        String secret = "sk-live-do-not-log-me";
        for (String name : List.of("key", "api_key", "Secret", "password", "openai_key")) {
            assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("ApiKey", "key-2",
                    Map.of("service", "openai", name, secret)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageNotContaining(secret);
        }
        assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("ApiKey", "key-3", Map.of("service", "x"),
                Relationship.to("HAS_ACCESS_TO", "Agent", UUID.randomUUID())))).isInstanceOf(NotFoundException.class);
        // agents and tasks are addressed by UUID, with the enums' literals
        assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("ApiKey", "key-4", Map.of("service", "x"),
                Relationship.to("HAS_ACCESS_TO", "Agent", "nobody")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("targetId");
        assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("PMAgent", "pm-1", Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pm-1");
        assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("Task", UUID.randomUUID(),
                Map.of("status", "half-done")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("half-done");
        assertThatThrownBy(() -> viaGraph.syncFromPostgres(t(), EntitySync.of("Agent", UUID.randomUUID(),
                Map.of("role", "Coder")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("Coder");
        assertThat(graph().query(fixture.graphName(), "MATCH (k:ApiKey) RETURN k.id AS id ORDER BY k.id", Map.of()))
                .extracting(r -> r.getString("id")).containsExactly("key-1");
        assertThatThrownBy(() -> viaSql.syncFromPostgres(t(), EntitySync.of("Agent", "x", Map.of())))
                .isInstanceOf(dev.hybriddb.UnavailableException.class);
        assertThatThrownBy(() -> EntitySync.of("Bad Type", "x", Map.of())).isInstanceOf(InvalidInputException.class);
    }
}
