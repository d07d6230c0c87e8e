package dev.hybriddb.graph.age.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.Walk;
import dev.hybriddb.graph.Walk.Step;
import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks on AGE: the same paths as the portable Cypher of {@code GraphBackend#walk}, and, on a
 * graph of a few thousand nodes, plans that start from the key index and follow the edge indexes
 * instead of scanning a label table.
 */
class AgeWalksIT {
    private static final Walk BLOCKERS = Walk.from("Task", Step.out("DEPENDS_ON", null));
    private static final Walk BLOCKED = Walk.from("Task", Step.in("DEPENDS_ON", null));
    private static final Walk SWARM_MATES = Walk.from("Agent", Step.out("MEMBER_OF", "Swarm"), Step.in("MEMBER_OF", "Agent"));
    private static final List<Walk> LINKS = List.of(Walk.from("Agent", Step.out("MANAGES", "Agent")),
            Walk.from("Agent", Step.in("MANAGES", "Agent")), SWARM_MATES);

    private static PostgresService db;
    private static AgeGraph age;

    @BeforeAll
    static void start() {
        db = TestServices.freshDatabase("agewalk");
        age = AgeGraph.connect(db.jdbcUrl(), db.adminUser(), db.adminPassword());
    }

    @AfterAll
    static void stop() {
        if (age != null) {
            age.close();
        }
        if (db != null) {
            TestServices.dropDatabase(db);
        }
    }

    private static String graph() {
        return "g_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Rows as "walk:from>via>to|props", sorted. */
    private static Set<String> paths(List<GraphRow> rows) {
        Set<String> out = new TreeSet<>();
        for (GraphRow r : rows) {
            StringBuilder sb = new StringBuilder().append(r.get("walk")).append(':').append(r.get("from")).append('>')
                    .append(r.get("via")).append('>').append(r.get("to"));
            for (int i = 4; i < r.columns().size(); i++) {
                sb.append('|').append(r.get(i));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void walksFindWhatCypherFinds() {
        String g = graph();
        String hostile = "x'); DROP TABLE \"Task\"; --\"$$";
        age.upsertNodes(g, "Task", List.of(NodeRecord.of("t1", Map.of("title", "one", "status", "pending")),
                NodeRecord.of("t2", Map.of("title", "two")), NodeRecord.of(hostile, Map.of("title", "bad"))));
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a", Map.of()), NodeRecord.of("b", Map.of("name", "B")),
                NodeRecord.of("c", Map.of())));
        age.upsertNodes(g, "Swarm", List.of(NodeRecord.of("s", Map.of())));
        EdgeType dep = EdgeType.of("Task", "DEPENDS_ON", "Task");
        age.upsertEdges(g, dep, List.of(EdgeRecord.of("t1", "t2"), EdgeRecord.of(hostile, "t1")));
        age.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), List.of(EdgeRecord.of("a", "b")));
        age.upsertEdges(g, EdgeType.of("Agent", "MEMBER_OF", "Swarm"), List.of(EdgeRecord.of("a", "s"), EdgeRecord.of("b", "s")));

        List<String> title = List.of("title");
        assertThat(paths(age.walk(g, List.of(BLOCKERS), List.of("t1", hostile, "nope"), title)))
                .isEqualTo(Set.of("0:t1>null>t2|two", "0:" + hostile + ">null>t1|one"));
        assertThat(paths(age.walk(g, List.of(BLOCKED), List.of("t1"), List.of("status")))).isEqualTo(Set.of("0:t1>null>" + hostile + "|null"));
        // a path may use one MEMBER_OF edge twice (as FalkorDB's Cypher does), so everybody is also their own mate
        assertThat(paths(age.walk(g, LINKS, List.of("a", "b", "c"), List.of("name"))))
                .isEqualTo(Set.of("0:a>null>b|B", "1:b>null>a|null", "2:a>s>a|null", "2:a>s>b|B", "2:b>s>a|null", "2:b>s>b|B"));
        assertThat(paths(age.walk(g, List.of(Walk.from("Agent")), List.of("b", "zz"), List.of("name")))).isEqualTo(Set.of("0:b>null>b|B"));
        assertThat(age.query(g, "MATCH (t:Task) RETURN count(t) AS n", Map.of()).get(0).getLong("n")).isEqualTo(3L);
    }

    @Test
    void labelsAndGraphsThatDoNotExistYetFindNothingUntilTheyDo() {
        String g = graph();
        assertThat(age.walk(g, LINKS, List.of("a"), List.of())).isEmpty();
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a", Map.of()), NodeRecord.of("b", Map.of())));
        assertThat(age.walk(g, LINKS, List.of("a"), List.of())).isEmpty();
        age.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), List.of(EdgeRecord.of("a", "b")));
        assertThat(paths(age.walk(g, LINKS, List.of("a"), List.of()))).isEqualTo(Set.of("0:a>null>b"));
        age.dropGraph(g);
        assertThat(age.walk(g, LINKS, List.of("a"), List.of())).isEmpty();
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> age.walk(graph(), LINKS, List.of("a"), List.of("to"))).isInstanceOf(GraphException.class)
                .hasMessageContaining("to");
        assertThatThrownBy(() -> age.walk(graph(), LINKS, List.of("a"), List.of("x\"]); DROP"))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Walk.from("Task; DROP", Step.out("DEPENDS_ON", null))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> age.walk("bad graph", LINKS, List.of("a"), List.of())).isInstanceOf(RuntimeException.class);
    }

    /** At a few thousand nodes, without statistics and with a generic plan too: index seeks only. */
    @Test
    void walksStartFromTheKeyIndexAndFollowTheEdgeIndexes() throws Exception {
        String g = graph();
        List<NodeRecord> tasks = new ArrayList<>();
        List<EdgeRecord> deps = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            tasks.add(NodeRecord.of("t" + i, Map.of("title", "task " + i, "status", "pending")));
            if (i > 0) {
                deps.add(EdgeRecord.of("t" + i, "t" + (i - 1)));
            }
        }
        List<NodeRecord> agents = new ArrayList<>();
        List<EdgeRecord> manages = new ArrayList<>();
        List<EdgeRecord> members = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            agents.add(NodeRecord.of("a" + i, Map.of("name", "agent " + i)));
            manages.add(EdgeRecord.of("a" + (i / 10), "a" + i));
            members.add(EdgeRecord.of("a" + i, "s" + (i / 5)));
        }
        age.upsertNodes(g, "Task", tasks);
        age.upsertEdges(g, EdgeType.of("Task", "DEPENDS_ON", "Task"), deps);
        age.upsertNodes(g, "Agent", agents);
        age.upsertNodes(g, "Swarm", List.of(NodeRecord.of("s0", Map.of())));
        age.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), manages);
        age.upsertEdges(g, EdgeType.of("Agent", "MEMBER_OF", "Swarm"), members);
        assertThat(paths(age.walk(g, List.of(BLOCKERS), List.of("t7"), List.of()))).isEqualTo(Set.of("0:t7>null>t6"));

        List<String> sqls = new ArrayList<>();
        sqls.add(AgeWalks.sql(g, 0, BLOCKERS, List.of("title", "status")));
        sqls.add(AgeWalks.sql(g, 0, BLOCKED, List.of("title", "status")));
        for (int i = 0; i < LINKS.size(); i++) {
            sqls.add(AgeWalks.sql(g, i, LINKS.get(i), List.of()));
        }
        sqls.add(AgeWalks.sql(g, 0, Walk.from("Agent"), List.of("name", "role", "status")));
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            st.execute("SET search_path = ag_catalog, \"$user\", public");
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                st.execute("SET plan_cache_mode = " + mode);
                for (String sql : sqls) {
                    String plan = explain(c, sql, List.of("\"t5\"", "\"t9\"", "\"a3\"", "\"a11\""));
                    assertPlanSeeks(mode, sql, plan);
                }
                for (boolean outgoing : List.of(true, false)) {
                    String sql = AgeWalks.closureSql(g, "Task", "DEPENDS_ON", outgoing, List.of("title", "status"));
                    String plan;
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                        ps.setString(1, g);
                        ps.setString(2, "Task");
                        ps.setString(3, "\"t3000\"");
                        plan = read(ps);
                    }
                    assertPlanSeeks(mode, sql, plan);
                    assertThat(plan).contains(outgoing ? "DEPENDS_ON.start_id.col" : "DEPENDS_ON.end_id.col");
                }
            }
        }
        assertThat(paths(age.closure(g, "Task", "DEPENDS_ON", true, "t3", List.of()))).isEqualTo(Set.of("0:t3>null>t2", "0:t2>null>t1",
                "0:t1>null>t0"));
    }

    private static void assertPlanSeeks(String mode, String sql, String plan) {
        assertThat(plan).as(mode + "\n" + sql + "\n" + plan)
                .doesNotContainPattern("Seq Scan on \"(Task|Agent|Swarm|DEPENDS_ON|MANAGES|MEMBER_OF)\"")
                .doesNotContain("Hash Join").containsPattern("Index Scan using \"(Task|Agent)\\.id\\.key\"")
                .containsPattern(sql.contains("_id = n0.id") ? "(DEPENDS_ON|MANAGES|MEMBER_OF)\\.(start|end)_id\\.col" : "");
    }

    private static String read(PreparedStatement ps) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String explain(Connection c, String sql, List<String> keys) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray(new String[0])));
            return read(ps);
        }
    }
}
