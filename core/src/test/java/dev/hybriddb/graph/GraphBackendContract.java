package dev.hybriddb.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link GraphBackend} promises, run against a real server. A backend module
 * runs it through a short subclass that provides {@link #backend()} (opened once, e.g. in a
 * {@code @BeforeAll}, and closed by the subclass).
 *
 * <p>Each test works in a graph of its own ({@link #graph}), created before and dropped after.
 * Value conversions are those of {@link GraphValues}.
 */
public abstract class GraphBackendContract {
    /** The graph of the running test: {@code <prefix>_<random>}, ensured before each test. */
    protected String graph;

    /** The backend under test; the same instance for every call of one test class. */
    protected abstract GraphBackend backend();

    /** The prefix of the per-test graph names (lower case, letters, digits, underscore). */
    protected String graphPrefix() {
        return "contract";
    }

    @BeforeEach
    void createGraph() {
        graph = graphPrefix() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        backend().ensureGraph(graph);
    }

    @AfterEach
    void dropGraph() {
        backend().dropGraph(graph);
    }

    // ------------------------------------------------------------------ helpers

    protected List<GraphRow> read(String cypher, Map<String, ?> params) {
        return backend().query(graph, cypher, params);
    }

    protected Object readOne(String cypher, Map<String, ?> params) {
        List<GraphRow> rows = read(cypher, params);
        assertThat(rows).as("rows of %s", cypher).hasSize(1);
        return rows.get(0).get(0);
    }

    protected long count(String cypher, Map<String, ?> params) {
        return ((Number) readOne(cypher, params)).longValue();
    }

    protected long countNodes() {
        return count("MATCH (n) RETURN count(n)", Map.of());
    }

    protected long countEdges() {
        return count("MATCH ()-[r]->() RETURN count(r)", Map.of());
    }

    protected GraphNode agent(String id) {
        List<GraphRow> rows = read("MATCH (n:Agent {id: $id}) RETURN n", Map.of("id", id));
        return rows.isEmpty() ? null : rows.get(0).getNode("n");
    }

    protected static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A node without properties. */
    protected static NodeRecord bare(String id) {
        return NodeRecord.of(id, Map.of());
    }

    protected static final EdgeType ASSIGNED = EdgeType.of("Agent", "ASSIGNED_TO", "Task");

    protected void agentsAndTasks() {
        backend().upsertNodes(graph, "Agent", List.of(bare("a1"), bare("a2")));
        backend().upsertNodes(graph, "Task", List.of(bare("t1"), bare("t2"), bare("t3")));
    }

    protected void assertRejected(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class);
    }

    // ------------------------------------------------------------------ graphs

    @Test
    void ensureGraphIsIdempotentAndDropRemovesIt() {
        assertThat(backend().graphExists(graph)).isTrue();
        backend().ensureGraph(graph);
        backend().upsertNodes(graph, "Agent", List.of(bare("a1")));
        backend().ensureGraph(graph);
        assertThat(agent("a1")).isNotNull();

        backend().dropGraph(graph);
        assertThat(backend().graphExists(graph)).isFalse();
        backend().dropGraph(graph);
        backend().ensureGraph(graph);
        assertThat(backend().graphExists(graph)).isTrue();
        assertThat(countNodes()).isZero();
    }

    @Test
    void graphsAreSeparate() {
        String other = graph + "_b";
        backend().ensureGraph(other);
        try {
            backend().upsertNodes(other, "Agent", List.of(bare("only-in-other")));
            assertThat(agent("only-in-other")).isNull();
            assertThat(backend().query(other, "MATCH (n:Agent) RETURN n.id AS id", Map.of()))
                    .extracting(r -> r.getString("id")).containsExactly("only-in-other");
        } finally {
            backend().dropGraph(other);
        }
    }

    @Test
    void tenantGraphNamesAreAccepted() {
        String tenantGraph = GraphNames.forTenant(UUID.randomUUID());
        backend().ensureGraph(tenantGraph);
        try {
            assertThat(backend().graphExists(tenantGraph)).isTrue();
        } finally {
            backend().dropGraph(tenantGraph);
        }
        assertThat(backend().graphExists(tenantGraph)).isFalse();
    }

    @Test
    void unknownGraphDoesNotExist() {
        assertThat(backend().graphExists(graph + "_never")).isFalse();
    }

    // ------------------------------------------------------------------ identifiers

    protected static List<String> badLabels() {
        return List.of("Bad Label", "Bad`Label", "Bad-Label", "", "1Agent", "Agent)", "Agent:Task", "A".repeat(64),
                "Agent\u0000", "Agent'", "Ägent");
    }

    protected static List<String> badGraphNames() {
        return List.of("bad graph", "bad`graph", "bad-graph", "", "ab", "Upper", "g".repeat(64), "g;drop", "g'x",
                "../etc", "g\u0000x");
    }

    @Test
    void invalidGraphNamesAreRejectedBeforeAnyServerCall() {
        for (String bad : badGraphNames()) {
            assertRejected(() -> backend().ensureGraph(bad));
            assertRejected(() -> backend().graphExists(bad));
            assertRejected(() -> backend().dropGraph(bad));
            assertRejected(() -> backend().upsertNodes(bad, "Agent", List.of(bare("a"))));
            assertRejected(() -> backend().query(bad, "RETURN 1", Map.of()));
            assertRejected(() -> backend().execute(bad, "RETURN 1", Map.of()));
            assertRejected(() -> backend().createIndex(bad, "Agent", "name"));
        }
        assertRejected(() -> backend().ensureGraph(null));
    }

    @Test
    void invalidLabelsTypesAndKeysAreRejectedBeforeAnyServerCall() {
        String fresh = graph + "_untouched";
        for (String bad : badLabels()) {
            assertRejected(() -> backend().upsertNodes(fresh, bad, List.of(bare("a"))));
            assertRejected(() -> backend().deleteNodes(fresh, bad, List.of("a")));
            assertRejected(() -> backend().createIndex(fresh, bad, "name"));
            assertRejected(() -> EdgeType.of("Agent", bad, "Task"));
            assertRejected(() -> EdgeType.of(bad, "ASSIGNED_TO", "Task"));
            assertRejected(() -> EdgeType.of("Agent", "ASSIGNED_TO", bad));
        }
        for (String badKey : List.of("bad key", "bad`key", "bad-key", "", "1st", "a.b", "k".repeat(64), "x}) DETACH DELETE n //")) {
            assertRejected(() -> backend().createIndex(fresh, "Agent", badKey));
            assertRejected(() -> backend().upsertNodes(fresh, "Agent", List.of(NodeRecord.of("a", props(badKey, 1)))));
            assertRejected(() -> backend().upsertEdges(fresh, ASSIGNED, List.of(new EdgeRecord("a", "t", props(badKey, 1)))));
            assertRejected(() -> backend().query(fresh, "RETURN 1", props(badKey, 1)));
        }
        assertThat(backend().graphExists(fresh)).isFalse();
    }

    // ------------------------------------------------------------------ nodes

    @Test
    void upsertNodesCreatesNodesWithLabelKeyAndProperties() {
        int n = backend().upsertNodes(graph, "Agent", List.of(
                NodeRecord.of("a1", props("name", "Coder", "status", "idle", "pos_x", 1.5)),
                NodeRecord.of("a2", props("name", "Tester"))));
        assertThat(n).isEqualTo(2);

        GraphNode a1 = agent("a1");
        assertThat(a1.labels()).containsExactly("Agent");
        assertThat(a1.label()).isEqualTo("Agent");
        assertThat(a1.id()).isEqualTo("a1");
        assertThat(a1.elementId()).isNotBlank();
        assertThat(a1.properties()).containsExactlyInAnyOrderEntriesOf(
                props("id", "a1", "name", "Coder", "status", "idle", "pos_x", 1.5));
        assertThat(agent("a2").properties()).containsEntry("name", "Tester");
        assertThat(agent("a1").elementId()).isNotEqualTo(agent("a2").elementId());
    }

    @Test
    void upsertNodesIsIdempotent() {
        List<NodeRecord> nodes = List.of(NodeRecord.of("a1", props("name", "x")), bare("a2"));
        backend().upsertNodes(graph, "Agent", nodes);
        backend().upsertNodes(graph, "Agent", nodes);
        backend().upsertNodes(graph, "Agent", nodes);
        assertThat(count("MATCH (n:Agent) RETURN count(n)", Map.of())).isEqualTo(2);
        assertThat(agent("a1").properties()).isEqualTo(props("id", "a1", "name", "x"));
    }

    @Test
    void upsertNodesMergesPropertiesAndNullRemovesOne() {
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a1", props("a", 1L, "b", 2L, "c", "keep"))));
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a1", props("b", 3L, "d", "new", "a", null))));
        assertThat(agent("a1").properties()).isEqualTo(props("id", "a1", "b", 3L, "c", "keep", "d", "new"));
        assertThat(count("MATCH (n:Agent) RETURN count(n)", Map.of())).isEqualTo(1);
    }

    @Test
    void sameKeyUnderAnotherLabelIsAnotherNode() {
        backend().upsertNodes(graph, "Agent", List.of(bare("x1")));
        backend().upsertNodes(graph, "Task", List.of(bare("x1")));
        assertThat(countNodes()).isEqualTo(2);
        backend().deleteNodes(graph, "Task", List.of("x1"));
        assertThat(agent("x1")).isNotNull();
    }

    @Test
    void duplicateKeysInOneBatchLeaveOneNode() {
        backend().upsertNodes(graph, "Agent", List.of(
                NodeRecord.of("a1", props("v", 1L, "first", true)), NodeRecord.of("a1", props("v", 2L))));
        assertThat(count("MATCH (n:Agent) RETURN count(n)", Map.of())).isEqualTo(1);
        assertThat(agent("a1").properties()).containsEntry("v", 2L).containsEntry("first", true);
    }

    @Test
    void largeBatchesAreApplied() {
        List<NodeRecord> nodes = new ArrayList<>();
        for (int i = 0; i < 5_200; i++) {
            nodes.add(NodeRecord.of("n" + i, props("i", (long) i)));
        }
        assertThat(backend().upsertNodes(graph, "Task", nodes)).isEqualTo(5_200);
        assertThat(count("MATCH (n:Task) RETURN count(n)", Map.of())).isEqualTo(5_200);
        assertThat(readOne("MATCH (n:Task {id: $id}) RETURN n.i", Map.of("id", "n5199"))).isEqualTo(5_199L);
    }

    @Test
    void emptyBatchesDoNothing() {
        assertThat(backend().upsertNodes(graph, "Agent", List.of())).isZero();
        assertThat(backend().upsertEdges(graph, ASSIGNED, List.of())).isZero();
        assertThat(backend().deleteNodes(graph, "Agent", List.of())).isZero();
        assertThat(backend().deleteEdges(graph, ASSIGNED, List.of())).isZero();
        assertThat(countNodes()).isZero();
    }

    @Test
    void idPropertyMustMatchTheKey() {
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a1", props("id", "a1", "name", "n"))));
        assertThat(agent("a1").properties()).isEqualTo(props("id", "a1", "name", "n"));
        assertRejected(() -> backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a2", props("id", "other")))));
        assertThat(agent("a2")).isNull();
    }

    @Test
    void aBadRecordWritesNothingOfItsBatch() {
        List<NodeRecord> nodes = List.of(bare("ok1"), NodeRecord.of("bad", props("v", Double.NaN)), bare("ok2"));
        assertRejected(() -> backend().upsertNodes(graph, "Agent", nodes));
        List<NodeRecord> mapValued = List.of(bare("ok1"), NodeRecord.of("bad", props("v", Map.of("k", 1))));
        assertRejected(() -> backend().upsertNodes(graph, "Agent", mapValued));
        List<NodeRecord> badKey = List.of(bare("ok1"), NodeRecord.of("bad", props("bad key", 1)));
        assertRejected(() -> backend().upsertNodes(graph, "Agent", badKey));
        assertThat(countNodes()).isZero();
    }

    @Test
    void deleteNodesDetachesTheirEdges() {
        agentsAndTasks();
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of("a1", "t2"),
                EdgeRecord.of("a2", "t1")));
        assertThat(backend().deleteNodes(graph, "Agent", List.of("a1", "missing"))).isEqualTo(1);
        assertThat(agent("a1")).isNull();
        assertThat(agent("a2")).isNotNull();
        assertThat(countEdges()).isEqualTo(1);
        assertThat(count("MATCH (t:Task) RETURN count(t)", Map.of())).isEqualTo(3);
        assertThat(backend().deleteNodes(graph, "Agent", List.of("a1"))).isZero();
    }

    // ------------------------------------------------------------------ edges

    @Test
    void upsertEdgesCreatesOneEdgePerTypeFromAndTo() {
        agentsAndTasks();
        int n = backend().upsertEdges(graph, ASSIGNED, List.of(
                new EdgeRecord("a1", "t1", props("weight", 2L, "note", "first")), EdgeRecord.of("a1", "t2")));
        assertThat(n).isEqualTo(2);
        backend().upsertEdges(graph, ASSIGNED, List.of(new EdgeRecord("a1", "t1", props("weight", 3L, "note", null))));
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t2")));

        assertThat(countEdges()).isEqualTo(2);
        List<GraphRow> rows = read("MATCH (a:Agent {id: $a})-[r:ASSIGNED_TO]->(t:Task) RETURN t.id AS t, r ORDER BY t",
                Map.of("a", "a1"));
        assertThat(rows).extracting(r -> r.getString("t")).containsExactly("t1", "t2");
        GraphEdge r1 = (GraphEdge) rows.get(0).get("r");
        assertThat(r1.type()).isEqualTo("ASSIGNED_TO");
        assertThat(r1.properties()).isEqualTo(props("weight", 3L));
        assertThat(((GraphEdge) rows.get(1).get("r")).properties()).isEmpty();
    }

    @Test
    void edgeTypeDistinguishesEdgesBetweenTheSameNodes() {
        agentsAndTasks();
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1")));
        backend().upsertEdges(graph, EdgeType.of("Agent", "COORDINATES", "Task"), List.of(EdgeRecord.of("a1", "t1")));
        assertThat(countEdges()).isEqualTo(2);
        backend().deleteEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1")));
        assertThat(read("MATCH ()-[r]->() RETURN type(r) AS t", Map.of())).extracting(r -> r.getString("t"))
                .containsExactly("COORDINATES");
    }

    @Test
    void upsertEdgesSkipsMissingEndpoints() {
        agentsAndTasks();
        int n = backend().upsertEdges(graph, ASSIGNED, List.of(
                EdgeRecord.of("a1", "t1"), EdgeRecord.of("a1", "nope"), EdgeRecord.of("ghost", "t1"), EdgeRecord.of("a2", "t3")));
        assertThat(n).isEqualTo(2);
        assertThat(countEdges()).isEqualTo(2);
        assertThat(countNodes()).isEqualTo(5);
        // endpoints must carry the edge type's labels
        assertThat(backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("t1", "a1")))).isZero();
        assertThat(countEdges()).isEqualTo(2);
    }

    @Test
    void edgesBetweenNodesOfTheSameLabel() {
        EdgeType dependsOn = EdgeType.of("Task", "DEPENDS_ON", "Task");
        backend().upsertNodes(graph, "Task", List.of(bare("t1"), bare("t2")));
        assertThat(backend().upsertEdges(graph, dependsOn, List.of(EdgeRecord.of("t1", "t2"), EdgeRecord.of("t1", "t2"))))
                .isEqualTo(2);
        assertThat(countEdges()).isEqualTo(1);
        assertThat(read("MATCH (a:Task)-[:DEPENDS_ON]->(b:Task) RETURN a.id AS a, b.id AS b", Map.of()))
                .extracting(r -> r.getString("a") + ">" + r.getString("b")).containsExactly("t1>t2");
    }

    @Test
    void deleteEdgesRemovesOnlyThoseGiven() {
        agentsAndTasks();
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of("a1", "t2")));
        assertThat(backend().deleteEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of("a1", "t3"))))
                .isEqualTo(1);
        assertThat(countEdges()).isEqualTo(1);
        assertThat(countNodes()).isEqualTo(5);
        assertThat(backend().deleteEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1")))).isZero();
    }

    @Test
    void deleteEdgesExceptKeepsOnlyTheListedEndsAtEachOwnerInEitherDirection() {
        agentsAndTasks();
        backend().upsertNodes(graph, "Team", List.of(bare("x1")));
        EdgeType toTeam = EdgeType.of("Agent", "ASSIGNED_TO", "Team");      // same type, other label: untouched
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of("a1", "t2"),
                EdgeRecord.of("a1", "t3"), EdgeRecord.of("a2", "t1"), EdgeRecord.of("a2", "t2")));
        backend().upsertEdges(graph, toTeam, List.of(EdgeRecord.of("a1", "x1")));

        backend().deleteEdgesExcept(graph, ASSIGNED, true, Map.of("a1", List.of("t2"), "nobody", List.of()));
        assertThat(read("MATCH (a:Agent)-[:ASSIGNED_TO]->(b:Task) RETURN a.id AS a, b.id AS b ORDER BY a, b", Map.of()))
                .extracting(r -> r.getString("a") + ">" + r.getString("b")).containsExactly("a1>t2", "a2>t1", "a2>t2");
        assertThat(count("MATCH (:Agent)-[e:ASSIGNED_TO]->(:Team) RETURN count(e) AS c", Map.of())).isEqualTo(1);

        backend().deleteEdgesExcept(graph, ASSIGNED, false, Map.of("t2", List.of("a1"), "t1", List.of()));
        assertThat(read("MATCH (a:Agent)-[:ASSIGNED_TO]->(b:Task) RETURN a.id AS a, b.id AS b ORDER BY a, b", Map.of()))
                .extracting(r -> r.getString("a") + ">" + r.getString("b")).containsExactly("a1>t2");
        assertThat(countNodes()).isEqualTo(6);
        backend().deleteEdgesExcept(graph, ASSIGNED, true, Map.of());
        backend().deleteEdgesExcept(graph, EdgeType.of("Agent", "NEVER_WRITTEN", "Task"), true, Map.of("a1", List.of()));
        assertThat(countEdges()).isEqualTo(2);
    }

    @Test
    void deleteEdgesExceptOfSeveralSidesPrunesEachSideAloneAndLeavesNullSidesUntouched() {
        agentsAndTasks();
        backend().upsertNodes(graph, "Team", List.of(bare("x1"), bare("x2")));
        EdgeType coordinates = EdgeType.of("Agent", "COORDINATES", "Task");
        EdgeType inTeam = EdgeType.of("Task", "IN_TEAM", "Team");
        EdgeType toTeam = EdgeType.of("Agent", "ASSIGNED_TO", "Team");      // same type as a side, other label: untouched
        backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of("a2", "t1"),
                EdgeRecord.of("a1", "t2"), EdgeRecord.of("a2", "t3")));
        backend().upsertEdges(graph, coordinates, List.of(EdgeRecord.of("a2", "t1"), EdgeRecord.of("a1", "t2")));
        backend().upsertEdges(graph, inTeam, List.of(EdgeRecord.of("t1", "x1"), EdgeRecord.of("t1", "x2"),
                EdgeRecord.of("t2", "x1")));
        backend().upsertEdges(graph, toTeam, List.of(EdgeRecord.of("a1", "x1")));
        List<EdgeSide> sides = List.of(new EdgeSide(ASSIGNED, false), new EdgeSide(coordinates, false),
                new EdgeSide(inTeam, true));
        Map<String, List<List<String>>> keep = new java.util.LinkedHashMap<>();
        keep.put("t1", java.util.Arrays.asList(List.of("a2"), List.of(), List.of("x2")));
        keep.put("t2", java.util.Arrays.asList(null, List.of(), null));
        keep.put("nobody", java.util.Arrays.asList(List.of(), List.of(), List.of()));
        backend().deleteEdgesExcept(graph, sides, keep);
        assertThat(read("MATCH (a)-[e]->(b) RETURN a.id + '-' + type(e) + '->' + b.id AS e ORDER BY e", Map.of()))
                .extracting(r -> r.getString("e")).containsExactly("a1-ASSIGNED_TO->t2", "a1-ASSIGNED_TO->x1",
                        "a2-ASSIGNED_TO->t1", "a2-ASSIGNED_TO->t3", "t1-IN_TEAM->x2", "t2-IN_TEAM->x1");
        backend().deleteEdgesExcept(graph, sides, Map.of());
        assertThat(countNodes()).isEqualTo(7);
    }

    @Test
    void badEdgePropertiesWriteNothing() {
        agentsAndTasks();
        assertRejected(() -> backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"),
                new EdgeRecord("a1", "t2", props("v", Double.POSITIVE_INFINITY)))));
        assertThat(countEdges()).isZero();
    }

    // ------------------------------------------------------------------ indexes, queries, health

    @Test
    void createIndexIsIdempotent() {
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a1", props("name", "Coder"))));
        backend().createIndex(graph, "Agent", "name");
        backend().createIndex(graph, "Agent", "name");
        backend().createIndex(graph, "Agent", "id");
        backend().createIndex(graph, "NotYetUsed", "name");
        assertThat(read("MATCH (n:Agent) WHERE n.name = $name RETURN n.id AS id", Map.of("name", "Coder")))
                .extracting(r -> r.getString("id")).containsExactly("a1");
    }

    @Test
    void executeWritesWithParametersAndQueryReads() {
        List<GraphRow> created = backend().execute(graph,
                "CREATE (n:Note {id: $id, text: $text, n: $n}) RETURN n.id AS id", props("id", "n1", "text", "hello", "n", 7));
        assertThat(created).extracting(r -> r.getString("id")).containsExactly("n1");
        backend().execute(graph, "MATCH (n:Note {id: $id}) SET n.text = $text", props("id", "n1", "text", "changed"));
        GraphRow row = read("MATCH (n:Note {id: $id}) RETURN n.text AS text, n.n AS n", Map.of("id", "n1")).get(0);
        assertThat(row.columns()).containsExactly("text", "n");
        assertThat(row.getString("text")).isEqualTo("changed");
        assertThat(row.getLong("n")).isEqualTo(7L);
        assertThat(backend().query(graph, "MATCH (n:Note {id: $id}) RETURN n", Map.of("id", "none"))).isEmpty();
        assertThat(backend().execute(graph, "MATCH (n:Note {id: $id}) DETACH DELETE n", Map.of("id", "n1"))).isEmpty();
        assertThat(countNodes()).isZero();
    }

    @Test
    void queryAcceptsNullParameterMaps() {
        assertThat(readOne("RETURN 1 AS one", null)).isEqualTo(1L);
    }

    @Test
    void queryIsReadOnly() {
        assertThatThrownBy(() -> backend().query(graph, "CREATE (n:Note {id: 'x'})", Map.of()))
                .isInstanceOf(GraphException.class);
        assertThat(countNodes()).isZero();
    }

    @Test
    void badCypherIsAGraphException() {
        assertThatThrownBy(() -> backend().query(graph, "MATCH (n RETURN n", Map.of()))
                .isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> backend().execute(graph, "THIS IS NOT CYPHER", Map.of()))
                .isInstanceOf(GraphException.class);
    }

    @Test
    void nodesEdgesAndPathsComeBackAsValueObjects() {
        agentsAndTasks();
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("a1", props("name", "Coder"))));
        backend().upsertEdges(graph, ASSIGNED, List.of(new EdgeRecord("a1", "t1", props("since", 5L))));
        GraphRow row = read("MATCH p = (a:Agent {id: $a})-[r:ASSIGNED_TO]->(t:Task) RETURN a, r, t, p",
                Map.of("a", "a1")).get(0);
        GraphNode a = (GraphNode) row.get("a");
        GraphEdge r = (GraphEdge) row.get("r");
        GraphNode t = (GraphNode) row.get("t");
        GraphPath p = (GraphPath) row.get("p");

        assertThat(a.properties()).isEqualTo(props("id", "a1", "name", "Coder"));
        assertThat(t.labels()).containsExactly("Task");
        assertThat(r.type()).isEqualTo("ASSIGNED_TO");
        assertThat(r.startElementId()).isEqualTo(a.elementId());
        assertThat(r.endElementId()).isEqualTo(t.elementId());
        assertThat(r.properties()).isEqualTo(props("since", 5L));
        assertThat(p.length()).isEqualTo(1);
        assertThat(p.nodes()).containsExactly(a, t);
        assertThat(p.edges()).containsExactly(r);
    }

    @Test
    void variableLengthPathsAndCollectedValues() {
        EdgeType dependsOn = EdgeType.of("Task", "DEPENDS_ON", "Task");
        backend().upsertNodes(graph, "Task", List.of(bare("t1"), bare("t2"), bare("t3")));
        backend().upsertEdges(graph, dependsOn, List.of(EdgeRecord.of("t1", "t2"), EdgeRecord.of("t2", "t3")));
        GraphRow row = read("MATCH p = (a:Task {id: $id})-[:DEPENDS_ON*1..5]->(b:Task) WITH p, b ORDER BY length(p) DESC "
                + "RETURN p, b.id AS b LIMIT 1", Map.of("id", "t1")).get(0);
        GraphPath p = (GraphPath) row.get("p");
        assertThat(p.length()).isEqualTo(2);
        assertThat(p.nodes()).extracting(GraphNode::id).containsExactly("t1", "t2", "t3");
        assertThat(row.getString("b")).isEqualTo("t3");

        Object ids = readOne("MATCH (:Task {id: $id})-[:DEPENDS_ON*]->(b:Task) WITH b ORDER BY b.id RETURN collect(b.id)",
                Map.of("id", "t1"));
        assertThat(ids).isEqualTo(List.of("t2", "t3"));
        Object map = readOne("MATCH (b:Task {id: $id}) RETURN {id: b.id, n: 1, xs: [1, 'a']}", Map.of("id", "t2"));
        assertThat(map).isEqualTo(props("id", "t2", "n", 1L, "xs", List.of(1L, "a")));
    }

    @Test
    void healthReportsUp() {
        GraphHealth h = backend().health();
        assertThat(h.up()).as(h.detail()).isTrue();
        assertThat(h.latency()).isNotNull();
        assertThat(h.latency().isNegative()).isFalse();
        assertThat(backend().name()).isNotBlank();
    }

    @Test
    void concurrentUpsertsFromManyThreads() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 6; t++) {
            int base = t;
            threads.add(new Thread(() -> {
                try {
                    for (int round = 0; round < 5; round++) {
                        List<NodeRecord> nodes = new ArrayList<>();
                        for (int i = 0; i < 40; i++) {
                            nodes.add(NodeRecord.of("c" + (base * 40 + i), props("round", (long) round)));
                        }
                        backend().upsertNodes(graph, "Agent", nodes);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
        assertThat(count("MATCH (n:Agent) RETURN count(n)", Map.of())).isEqualTo(240);
    }

    // ------------------------------------------------------------------ value round trips

    enum Color { RED, DARK_BLUE }

    /** Values that read back exactly as given. */
    protected static Map<String, Object> exactValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s_plain", "hello");
        m.put("s_empty", "");
        m.put("s_space", "  padded  ");
        m.put("s_unicode", "Grüße, 你好, مرحبا, ☃, \uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB, e\u0301");
        m.put("b_true", true);
        m.put("b_false", false);
        m.put("l_max", Long.MAX_VALUE);
        m.put("l_min", Long.MIN_VALUE);
        m.put("l_zero", 0L);
        m.put("l_neg", -42L);
        m.put("d_neg", -1.5);
        m.put("d_frac", 0.25);
        m.put("d_small", 1.0E-10);
        m.put("d_dec", 123456.789);
        m.put("d_big", 6.02214076E23);
        m.put("d_zero", 0.0);
        m.put("d_int", 3.0);
        m.put("list_long", List.of(1L, -2L, 3L));
        m.put("list_str", List.of("a", "b'c", ""));
        m.put("list_mixed", List.of(1L, "x", true, 2.5));
        m.put("list_empty", List.of());
        m.put("list_nested", List.of(List.of(1L, 2L), List.of("a")));
        return m;
    }

    /** Java values and what they read back as (see {@link GraphValues}). */
    protected static Map<String, Object[]> convertedValues() {
        UUID uuid = UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("int", new Object[] {42, 42L});
        m.put("int_min", new Object[] {Integer.MIN_VALUE, (long) Integer.MIN_VALUE});
        m.put("short", new Object[] {(short) 7, 7L});
        m.put("byte", new Object[] {(byte) -3, -3L});
        m.put("bigint", new Object[] {BigInteger.valueOf(Long.MAX_VALUE), Long.MAX_VALUE});
        m.put("float", new Object[] {1.5f, 1.5});
        m.put("bigdec", new Object[] {new BigDecimal("12.50"), 12.5});
        m.put("bigdec_neg", new Object[] {new BigDecimal("-0.125"), -0.125});
        m.put("char", new Object[] {'c', "c"});
        m.put("instant", new Object[] {Instant.parse("2024-02-29T12:34:56.789Z"), "2024-02-29T12:34:56.789000Z"});
        m.put("instant_nanos", new Object[] {Instant.parse("2024-01-01T00:00:00.123456789Z"), "2024-01-01T00:00:00.123456Z"});
        m.put("odt", new Object[] {OffsetDateTime.of(2024, 2, 29, 14, 34, 56, 0, ZoneOffset.ofHours(2)),
                "2024-02-29T12:34:56.000000Z"});
        m.put("ldt", new Object[] {LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), "2024-02-29T12:34:56.789000"});
        m.put("date", new Object[] {LocalDate.of(2024, 2, 29), "2024-02-29"});
        m.put("uuid", new Object[] {uuid, "6f9619ff-8b86-d011-b42d-00c04fc964ff"});
        m.put("enum", new Object[] {Color.DARK_BLUE, "DARK_BLUE"});
        m.put("int_array", new Object[] {new int[] {1, 2}, List.of(1L, 2L)});
        m.put("str_array", new Object[] {new String[] {"x", "y"}, List.of("x", "y")});
        m.put("set", new Object[] {new java.util.TreeSet<>(List.of("b", "a")), List.of("a", "b")});
        m.put("list_uuid_enum", new Object[] {List.of(uuid, Color.RED), List.of("6f9619ff-8b86-d011-b42d-00c04fc964ff", "RED")});
        return m;
    }

    @Test
    void exactValuesRoundTripAsProperties() {
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("v", exactValues())));
        Map<String, Object> expected = new HashMap<>(exactValues());
        expected.put("id", "v");
        assertThat(agent("v").properties()).isEqualTo(expected);
        for (Map.Entry<String, Object> e : exactValues().entrySet()) {
            Object single = readOne("MATCH (n:Agent {id: 'v'}) RETURN n." + e.getKey(), Map.of());
            assertThat(single).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void exactValuesRoundTripAsParameters() {
        for (Map.Entry<String, Object> e : exactValues().entrySet()) {
            assertThat(readOne("RETURN $p AS v", props("p", e.getValue()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        Map<String, Object> all = exactValues();
        assertThat(readOne("RETURN $m AS v", props("m", all))).isEqualTo(all);
        assertThat(readOne("RETURN $p AS v", props("p", null))).isNull();
    }

    @Test
    void convertedValuesRoundTripAsPropertiesAndParameters() {
        Map<String, Object> given = new LinkedHashMap<>();
        convertedValues().forEach((k, v) -> given.put(k, v[0]));
        backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("v", given)));
        Map<String, Object> stored = agent("v").properties();
        convertedValues().forEach((k, v) -> {
            assertThat(stored.get(k)).as("property %s", k).isEqualTo(v[1]);
            assertThat(readOne("RETURN $p AS v", props("p", v[0]))).as("parameter %s", k).isEqualTo(v[1]);
        });
    }

    @Test
    void fullPrecisionDoublesKeepFifteenDigits() {
        for (double d : new double[] {0.1 + 0.2, Math.PI, -Math.E, 1.2345678901234567E300, Double.MIN_NORMAL, 1.0 / 3}) {
            Object back = readOne("RETURN $p AS v", props("p", d));
            assertThat((Double) back).isCloseTo(d, within(Math.abs(d) * 1e-14));
        }
        assertThat(readOne("RETURN $p = $q AS same", props("p", 0.1 + 0.2, "q", 0.30000000000000004))).isEqualTo(true);
    }

    @Test
    void mapsRoundTripAsParametersWithNesting() {
        Map<String, Object> nested = props("a", 1L, "b", List.of(props("c", "d", "e", List.of(1L, 2L))), "f", props(),
                "g", null, "h", props("deep", props("deeper", "x")));
        assertThat(readOne("RETURN $m AS v", props("m", nested))).isEqualTo(nested);
        assertThat(readOne("RETURN $m.h.deep.deeper AS v", props("m", nested))).isEqualTo("x");
        assertThat(readOne("RETURN size($l) AS v", props("l", List.of(nested, nested)))).isEqualTo(2L);
    }

    @Test
    void nullRecordsAndKeysAreRejectedNamingTheElement() {
        agentsAndTasks();
        List<NodeRecord> nodes = java.util.Arrays.asList(bare("n1"), null);
        List<EdgeRecord> edges = java.util.Arrays.asList(null, new EdgeRecord("a1", "t1", props()));
        assertThatThrownBy(() -> backend().upsertNodes(graph, "Agent", nodes))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nodes[1]"));
        assertThatThrownBy(() -> backend().upsertEdges(graph, ASSIGNED, edges))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("edges[0]"));
        assertThatThrownBy(() -> backend().deleteEdges(graph, ASSIGNED, edges))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("edges[0]"));
        assertRejected(() -> backend().upsertNodes(graph, "Agent", null));
        assertRejected(() -> NodeRecord.of(null, props()));
        assertRejected(() -> new EdgeRecord("a1", null, props()));
        assertThat(agent("n1")).isNull();
    }

    @Test
    void unsupportedValuesAreRejected() {
        List<Object> bad = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                new BigDecimal("1e400"), BigInteger.TEN.pow(30), new Object(), new byte[] {1}, Map.of(1, "x"),
                List.of(Double.NaN), Map.of("bad key", 1), Map.of("k", List.of(new Object())), "nul\u0000inside",
                "lone \uD800 surrogate"));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        bad.add(nullKey);
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i < 100; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        bad.add(deep);
        for (Object v : bad) {
            assertRejected(() -> backend().query(graph, "RETURN $p", props("p", v)));
            assertRejected(() -> backend().execute(graph, "CREATE (:Note {v: $p})", props("p", v)));
            assertRejected(() -> backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("x", props("v", v)))));
        }
        assertThat(countNodes()).isZero();
    }

    // ------------------------------------------------------------------ injection corpus

    /** Strings that break naive quoting in Cypher, SQL, agtype or the FalkorDB parameter header. */
    protected static List<String> injectionCorpus() {
        java.util.Set<String> c = new java.util.LinkedHashSet<>(List.of(
                "it's", "say \"hi\"", "'", "\"", "''", "back\\slash", "\\", "trailing\\", "\\'", "\\\"", "\\\\'",
                "$$", "$1", "$$ SELECT 1 $$", "$x", "$p", "`tick`", "a`b``c", "`", "line\nbreak", "cr\rlf\r\n",
                "tab\there", "// comment", "/* block */", "*/", "/*", "'}) DETACH DELETE n //", "\"}) DETACH DELETE n //",
                "') MATCH (m) DETACH DELETE m //", "\" RETURN 1 //", "MATCH (n) DETACH DELETE n", "CYPHER p=1 RETURN 1",
                "RETURN", "null", "NULL", "true", "{a: 1}", "[1, 2]", "\\u0027", "\\u0000", "\\x00", "\\n", "\\0",
                "%s %d %n", "${x}", "#{x}", ";", "'; DROP TABLE agents; --", "$$); DROP SCHEMA ag_catalog; --",
                "::agtype", "{}\"::agtype", "\u0001\u0002\u001b[31m\u001f\u007f", "\u00a0\u2028\u2029\u200b",
                "\ufeffbom", "\u202eevil rtl", "\uD83D\uDE00 emoji \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
                "\r\n*3\r\n$4\r\nPING\r\n", "x\" y=\"z", "x' y='z", "\\\" RETURN 1 //"));
        c.add("'\"\\`$".repeat(20_000) + "end");
        return List.copyOf(c);
    }

    /** The corpus strings that are valid node keys ({@link GraphValues#key(String, String)}). */
    protected static List<String> keyCorpus() {
        List<String> keys = new ArrayList<>();
        for (String s : injectionCorpus()) {
            try {
                keys.add(GraphValues.key("key", s));
            } catch (InvalidInputException e) {
                // not a key: covered by invalidNodeKeysAreRejected
            }
        }
        assertThat(keys).hasSizeGreaterThan(40);
        return keys;
    }

    @Test
    void injectionCorpusIsStoredAndReadBackVerbatim() {
        List<String> corpus = injectionCorpus();
        List<NodeRecord> docs = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            docs.add(NodeRecord.of("doc" + i, props("text", corpus.get(i), "list", List.of(corpus.get(i), "after"))));
        }
        List<String> keys = keyCorpus();
        List<NodeRecord> keyed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            keyed.add(NodeRecord.of(keys.get(i), props("i", (long) i)));
        }
        backend().upsertNodes(graph, "Doc", docs);
        backend().upsertNodes(graph, "Key", keyed);
        backend().upsertNodes(graph, "Key", keyed);

        for (int i = 0; i < corpus.size(); i++) {
            String s = corpus.get(i);
            GraphRow row = read("MATCH (d:Doc {id: $id}) RETURN d.text AS text, d.list AS list", Map.of("id", "doc" + i)).get(0);
            assertThat(row.getString("text")).as("corpus[%d] as property", i).isEqualTo(s);
            assertThat(row.get("list")).as("corpus[%d] in a list property", i).isEqualTo(List.of(s, "after"));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(readOne("MATCH (k:Key {id: $id}) RETURN k.i", Map.of("id", keys.get(i)))).as("key corpus[%d]", i)
                    .isEqualTo((long) i);
        }
        assertThat(count("MATCH (d:Doc) RETURN count(d)", Map.of())).isEqualTo(corpus.size());
        assertThat(count("MATCH (k:Key) RETURN count(k)", Map.of())).isEqualTo(keys.size());
        assertThat(read("MATCH (k:Key) RETURN k.id AS id", Map.of())).extracting(r -> r.getString("id"))
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void invalidNodeKeysAreRejected() {
        backend().upsertNodes(graph, "Agent", List.of(bare("a1")));
        backend().upsertNodes(graph, "Task", List.of(bare("t1")));
        for (String bad : List.of("", " ", " lead", "trail ", "a\nb", "tab\tx", "cr\r", "\u0001", "x\u0085y",
                "k".repeat(GraphValues.MAX_KEY_BYTES + 1), "\u00e9".repeat(GraphValues.MAX_KEY_BYTES / 2 + 1))) {
            assertRejected(() -> backend().upsertNodes(graph, "Agent", List.of(bare("ok"), bare(bad))));
            assertRejected(() -> backend().deleteNodes(graph, "Agent", List.of("a1", bad)));
            assertRejected(() -> backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", "t1"), EdgeRecord.of(bad, "t1"))));
            assertRejected(() -> backend().upsertEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", bad))));
            assertRejected(() -> backend().deleteEdges(graph, ASSIGNED, List.of(EdgeRecord.of("a1", bad))));
        }
        assertThat(countNodes()).isEqualTo(2);
        assertThat(countEdges()).isZero();
        String longest = "k".repeat(GraphValues.MAX_KEY_BYTES);
        backend().upsertNodes(graph, "Agent", List.of(bare(longest), bare("inner space ok"), bare("\u00e9\u4f60\uD83D\uDE00")));
        assertThat(agent(longest)).isNotNull();
        assertThat(agent("inner space ok")).isNotNull();
        assertThat(agent("\u00e9\u4f60\uD83D\uDE00")).isNotNull();
    }

    @Test
    void injectionCorpusAsParametersComesBackVerbatim() {
        List<String> corpus = injectionCorpus();
        for (int i = 0; i < corpus.size(); i++) {
            String s = corpus.get(i);
            GraphRow row = read("RETURN $p AS p, $l AS l, $m AS m, $p = $same AS eq",
                    props("p", s, "l", List.of(s, s), "m", props("v", s, "nested", List.of(props("w", s))), "same", s)).get(0);
            assertThat(row.getString("p")).as("corpus[%d]", i).isEqualTo(s);
            assertThat(row.get("l")).as("corpus[%d] in a list", i).isEqualTo(List.of(s, s));
            assertThat(row.get("m")).as("corpus[%d] in a map", i)
                    .isEqualTo(props("v", s, "nested", List.of(props("w", s))));
            assertThat(row.getBoolean("eq")).as("corpus[%d] equality", i).isTrue();
        }
    }

    @Test
    void injectionCorpusInEdgesAndDeletes() {
        List<String> corpus = injectionCorpus();
        List<String> keys = keyCorpus();
        List<NodeRecord> agents = new ArrayList<>();
        List<EdgeRecord> edges = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String s = corpus.get(i % corpus.size());
            agents.add(NodeRecord.of(keys.get(i), props("name", keys.get(i))));
            edges.add(new EdgeRecord(keys.get(i), "t1", props("result", s)));
        }
        backend().upsertNodes(graph, "Agent", agents);
        backend().upsertNodes(graph, "Task", List.of(bare("t1")));
        assertThat(backend().upsertEdges(graph, ASSIGNED, edges)).isEqualTo(keys.size());
        assertThat(backend().upsertEdges(graph, ASSIGNED, edges)).isEqualTo(keys.size());
        assertThat(countEdges()).isEqualTo(keys.size());
        for (EdgeRecord e : edges) {
            assertThat(readOne("MATCH (a:Agent {id: $id})-[r:ASSIGNED_TO]->(:Task) RETURN r.result", Map.of("id", e.fromId())))
                    .isEqualTo(e.properties().get("result"));
        }
        assertThat(backend().deleteEdges(graph, ASSIGNED, edges.subList(0, 10))).isEqualTo(10);
        assertThat(backend().deleteNodes(graph, "Agent", keys.subList(10, keys.size()))).isEqualTo(keys.size() - 10);
        assertThat(count("MATCH (a:Agent) RETURN count(a)", Map.of())).isEqualTo(10);
        assertThat(countEdges()).isZero();
        assertThat(count("MATCH (t:Task) RETURN count(t)", Map.of())).isEqualTo(1);
    }

    @Test
    void nulIsStoredVerbatimOrRejectedNeverTruncated() {
        String withNul = "before\u0000after'}) DETACH DELETE n //";
        backend().upsertNodes(graph, "Agent", List.of(bare("keep")));
        expectVerbatimOrRejected(() -> backend().upsertNodes(graph, "Agent", List.of(NodeRecord.of("n1", props("v", withNul)))),
                () -> assertThat(agent("n1").properties().get("v")).isEqualTo(withNul),
                () -> assertThat(agent("n1")).isNull());
        expectVerbatimOrRejected(() -> backend().upsertNodes(graph, "Agent", List.of(bare(withNul))),
                () -> assertThat(agent(withNul)).isNotNull(),
                () -> assertThat(countNodes()).isLessThanOrEqualTo(2));
        expectVerbatimOrRejected(() -> assertThat(readOne("RETURN $p", props("p", withNul))).isEqualTo(withNul),
                () -> { }, () -> { });
        assertThat(agent("keep")).isNotNull();
        assertThat(read("MATCH (n) WHERE n.v STARTS WITH 'before' OR n.id STARTS WITH 'before' RETURN n.v AS v, n.id AS id",
                Map.of())).as("no truncated copy").allSatisfy(r -> assertThat(List.of(r.getString("v"), r.getString("id")))
                .contains(withNul));
    }

    private static void expectVerbatimOrRejected(Runnable write, Runnable ifStored, Runnable ifRejected) {
        try {
            write.run();
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).containsIgnoringCase("NUL");
            ifRejected.run();
            return;
        }
        ifStored.run();
    }

    // ------------------------------------------------------------------ misc

    @Test
    void rowsExposeColumnsInOrder() {
        GraphRow row = read("RETURN 1 AS b, 'x' AS a, null AS c, true AS d", Map.of()).get(0);
        assertThat(row.columns()).containsExactly("b", "a", "c", "d");
        assertThat(row.values()).containsExactly(1L, "x", null, true);
    }

    @Test
    void parameterNamesAreChecked() {
        for (String bad : List.of("bad name", "a}b", "a=1 RETURN 1 //", "", "$p")) {
            Map<String, Object> params = new HashMap<>();
            params.put(bad, 1);
            assertRejected(() -> backend().query(graph, "RETURN 1", params));
        }
        Consumer<String> ok = name -> assertThat(readOne("RETURN $" + name, props(name, 5L))).isEqualTo(5L);
        ok.accept("snake_case");
        ok.accept("_under");
        ok.accept("CamelCase9");
        assertThat(graph.toLowerCase(Locale.ROOT)).isEqualTo(graph);
    }

    // ------------------------------------------------------------------ walks

    /** Rows of {@link GraphBackend#walk} as "walk:from>via>to|properties...", sorted. */
    private static java.util.Set<String> paths(List<GraphRow> rows) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (GraphRow r : rows) {
            StringBuilder sb = new StringBuilder().append(((Number) r.get("walk")).intValue()).append(':').append(r.get("from"))
                    .append('>').append(r.get("via")).append('>').append(r.get("to"));
            for (int i = 4; i < r.columns().size(); i++) {
                sb.append('|').append(r.get(i));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void walksFollowFixedChainsOfEdgesFromKeys() {
        GraphBackend b = backend();
        String hostile = "x'); DROP TABLE \"Task\"; --\"";
        b.upsertNodes(graph, "Task", List.of(NodeRecord.of("t1", Map.of("title", "one")), NodeRecord.of("t2", Map.of("title", "two")),
                NodeRecord.of(hostile, Map.of("title", "bad"))));
        b.upsertNodes(graph, "Agent", List.of(NodeRecord.of("a", Map.of()), NodeRecord.of("b", Map.of("name", "B")),
                NodeRecord.of("c", Map.of())));
        b.upsertNodes(graph, "Swarm", List.of(NodeRecord.of("s", Map.of())));
        b.upsertEdges(graph, EdgeType.of("Task", "DEPENDS_ON", "Task"), List.of(EdgeRecord.of("t1", "t2"), EdgeRecord.of(hostile, "t1")));
        b.upsertEdges(graph, EdgeType.of("Agent", "MANAGES", "Agent"), List.of(EdgeRecord.of("a", "b")));
        b.upsertEdges(graph, EdgeType.of("Agent", "MEMBER_OF", "Swarm"), List.of(EdgeRecord.of("a", "s"), EdgeRecord.of("b", "s")));
        long nodes = countNodes();
        Walk out = Walk.from("Task", Walk.Step.out("DEPENDS_ON", null));
        Walk in = Walk.from("Task", Walk.Step.in("DEPENDS_ON", null));
        assertThat(paths(b.walk(graph, List.of(out), List.of("t1", hostile, "nope"), List.of("title"))))
                .containsExactlyInAnyOrder("0:t1>null>t2|two", "0:" + hostile + ">null>t1|one");
        assertThat(paths(b.walk(graph, List.of(in), List.of("t1"), List.of()))).containsExactly("0:t1>null>" + hostile);
        List<Walk> links = List.of(Walk.from("Agent", Walk.Step.out("MANAGES", "Agent")), Walk.from("Agent", Walk.Step.in("MANAGES", "Agent")),
                Walk.from("Agent", Walk.Step.out("MEMBER_OF", "Swarm"), Walk.Step.in("MEMBER_OF", "Agent")),
                Walk.from("Agent", Walk.Step.out("MANAGES", "Task")), Walk.from("Agent", Walk.Step.out("NO_SUCH_TYPE", null)));
        assertThat(paths(b.walk(graph, links, List.of("a", "b", "c"), List.of("name"))))
                .containsExactlyInAnyOrder("0:a>null>b|B", "1:b>null>a|null", "2:a>s>a|null", "2:a>s>b|B", "2:b>s>a|null", "2:b>s>b|B");
        assertThat(paths(b.walk(graph, List.of(Walk.from("Agent")), List.of("b", "zz"), List.of("name")))).containsExactly("0:b>null>b|B");
        assertThat(b.walk(graph, links, List.of(), List.of())).isEmpty();
        assertThatThrownBy(() -> b.walk(graph, links, List.of("a"), List.of("via"))).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> b.walk(graph, links, List.of("a"), List.of("x) DETACH DELETE n //"))).isInstanceOf(RuntimeException.class);
        assertThat(countNodes()).isEqualTo(nodes);
    }

    @Test
    void closuresFollowAnEdgeTypeToTheEndOnceAroundCyclesAndWithinTheLabel() {
        GraphBackend b = backend();
        List<NodeRecord> tasks = new ArrayList<>();
        for (String t : List.of("t1", "t2", "t3", "t4", "t5")) {
            tasks.add(NodeRecord.of(t, Map.of("title", "title " + t)));
        }
        b.upsertNodes(graph, "Task", tasks);
        b.upsertNodes(graph, "Other", List.of(NodeRecord.of("o", Map.of())));
        EdgeType dep = EdgeType.of("Task", "DEPENDS_ON", "Task");
        // a diamond t1 -> t2, t3 -> t4, a cycle t4 -> t1, and t5 -> t1
        b.upsertEdges(graph, dep, List.of(EdgeRecord.of("t1", "t2"), EdgeRecord.of("t1", "t3"), EdgeRecord.of("t2", "t4"),
                EdgeRecord.of("t3", "t4"), EdgeRecord.of("t4", "t1"), EdgeRecord.of("t5", "t1")));
        b.upsertEdges(graph, EdgeType.of("Task", "DEPENDS_ON", "Other"), List.of(EdgeRecord.of("t2", "o")));
        assertThat(paths(b.closure(graph, "Task", "DEPENDS_ON", true, "t2", List.of("title"))))
                .containsExactlyInAnyOrder("0:t2>null>t4|title t4", "0:t4>null>t1|title t1", "0:t1>null>t2|title t2",
                        "0:t1>null>t3|title t3", "0:t3>null>t4|title t4");
        assertThat(paths(b.closure(graph, "Task", "DEPENDS_ON", false, "t1", List.of())))
                .containsExactlyInAnyOrder("0:t1>null>t4", "0:t1>null>t5", "0:t4>null>t2", "0:t4>null>t3", "0:t2>null>t1", "0:t3>null>t1");
        assertThat(b.closure(graph, "Task", "DEPENDS_ON", true, "nope", List.of())).isEmpty();
        assertThat(b.closure(graph, "Task", "NO_SUCH_TYPE", true, "t1", List.of())).isEmpty();
        assertThat(b.closure(graph, "Task", "DEPENDS_ON", false, "t5", List.of())).isEmpty();

        // both ways at once, after the start itself: walk 0 the start, 1 along the edges, 2 against them
        assertThat(paths(b.closures(graph, "Task", "DEPENDS_ON", "t5", List.of("title"))))
                .containsExactlyInAnyOrder("0:t5>null>t5|title t5", "1:t5>null>t1|title t1", "1:t1>null>t2|title t2",
                        "1:t1>null>t3|title t3", "1:t2>null>t4|title t4", "1:t3>null>t4|title t4", "1:t4>null>t1|title t1");
        assertThat(paths(b.closures(graph, "Task", "DEPENDS_ON", "t3", List.of())))
                .containsExactlyInAnyOrder("0:t3>null>t3", "1:t3>null>t4", "1:t4>null>t1", "1:t1>null>t2", "1:t1>null>t3",
                        "1:t2>null>t4", "2:t3>null>t1", "2:t1>null>t4", "2:t1>null>t5", "2:t4>null>t2", "2:t4>null>t3",
                        "2:t2>null>t1");
        assertThat(b.closures(graph, "Task", "DEPENDS_ON", "nope", List.of())).isEmpty();
        assertThat(b.closures(graph, "Task", "DEPENDS_ON", "o", List.of())).as("not a Task").isEmpty();
    }
}
