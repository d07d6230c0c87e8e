package dev.hybriddb.graph.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphEdge;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphPath;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** AGE-specific behaviour beyond the shared contract: parameters, columns, indexes, both pool modes. */
class AgeGraphIT {
    private static PostgresService db;
    private static AgeGraph age;

    @BeforeAll
    static void start() {
        db = TestServices.freshDatabase("age");
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

    @Test
    void graphLifecycleIsIdempotent() {
        String g = graph();
        assertThat(age.graphExists(g)).isFalse();
        age.ensureGraph(g);
        age.ensureGraph(g);
        assertThat(age.graphExists(g)).isTrue();
        age.dropGraph(g);
        age.dropGraph(g);
        assertThat(age.graphExists(g)).isFalse();
    }

    @Test
    void upsertsMergeByKeyAndRemoveNullProperties() {
        String g = graph();
        age.ensureGraph(g);
        Map<String, Object> first = new HashMap<>();
        first.put("name", "alpha");
        first.put("rank", 1);
        assertThat(age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a1", first), NodeRecord.of("a2", Map.of("name", "beta")))))
                .isEqualTo(2);
        Map<String, Object> second = new HashMap<>();
        second.put("rank", null);
        second.put("status", "idle");
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a1", second), NodeRecord.of("a3", Map.of("name", "gamma"))));
        List<GraphRow> rows = age.query(g, "MATCH (n:Agent) RETURN n ORDER BY n.id", Map.of());
        assertThat(rows).hasSize(3);
        GraphNode a1 = rows.get(0).getNode("n");
        assertThat(a1.id()).isEqualTo("a1");
        assertThat(a1.label()).isEqualTo("Agent");
        assertThat(a1.properties()).containsEntry("name", "alpha").containsEntry("status", "idle").doesNotContainKey("rank");
        assertThat(rows.get(2).getNode("n").properties()).containsEntry("name", "gamma");
    }

    @Test
    void duplicatesInOneBatchMakeOneNodeWithLaterPropertiesWinning() {
        String g = graph();
        age.upsertNodes(g, "Task", List.of(NodeRecord.of("t", Map.of("a", 1, "b", 1)), NodeRecord.of("t", Map.of("b", 2))));
        List<GraphRow> rows = age.query(g, "MATCH (n:Task) RETURN n.a AS a, n.b AS b", Map.of());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getLong("a")).isEqualTo(1L);
        assertThat(rows.get(0).getLong("b")).isEqualTo(2L);
    }

    @Test
    void manyNodesAcrossChunksKeepTheirProperties() {
        String g = graph();
        List<NodeRecord> nodes = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            nodes.add(NodeRecord.of("n" + i, Map.of("i", i)));
        }
        age.upsertNodes(g, "Task", nodes);
        age.upsertNodes(g, "Task", nodes);
        List<GraphRow> rows = age.query(g, "MATCH (n:Task) RETURN count(n) AS c, sum(n.i) AS s", Map.of());
        assertThat(rows.get(0).getLong("c")).isEqualTo(1200L);
        assertThat(rows.get(0).getLong("s")).isEqualTo(1200L * 1199 / 2);
    }

    @Test
    void edgesUpsertDeleteAndSkipMissingEndpoints() {
        String g = graph();
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a", Map.of()), NodeRecord.of("b", Map.of())));
        age.upsertNodes(g, "Task", List.of(NodeRecord.of("t1", Map.of()), NodeRecord.of("t2", Map.of())));
        EdgeType assigned = EdgeType.of("Agent", "ASSIGNED_TO", "Task");
        int n = age.upsertEdges(g, assigned, List.of(
                new EdgeRecord("a", "t1", Map.of("weight", 0.5)),
                EdgeRecord.of("b", "t2"),
                EdgeRecord.of("a", "missing")));
        assertThat(n).isEqualTo(2);
        age.upsertEdges(g, assigned, List.of(new EdgeRecord("a", "t1", Map.of("weight", 0.75))));
        List<GraphRow> rows = age.query(g,
                "MATCH (a:Agent)-[e:ASSIGNED_TO]->(t:Task) RETURN a.id AS agent, e, t.id AS task ORDER BY a.id", Map.of());
        assertThat(rows).hasSize(2);
        GraphEdge e = (GraphEdge) rows.get(0).get("e");
        assertThat(e.type()).isEqualTo("ASSIGNED_TO");
        assertThat(e.properties()).containsEntry("weight", 0.75);
        assertThat(age.deleteEdges(g, assigned, List.of(EdgeRecord.of("a", "t1"), EdgeRecord.of("a", "t1")))).isEqualTo(1);
        assertThat(age.deleteNodes(g, "Task", List.of("t2", "nope"))).isEqualTo(1);
        assertThat(age.query(g, "MATCH ()-[e]->() RETURN count(e) AS c", Map.of()).get(0).getLong("c")).isZero();
        assertThat(age.deleteNodes(graph(), "Task", List.of("x"))).isZero();
    }

    @Test
    void pathsNodesEdgesAndScalarsRoundTrip() {
        String g = graph();
        age.upsertNodes(g, "Task", List.of(NodeRecord.of("x", Map.of()), NodeRecord.of("y", Map.of()), NodeRecord.of("z", Map.of())));
        age.upsertEdges(g, EdgeType.of("Task", "DEPENDS_ON", "Task"), List.of(EdgeRecord.of("x", "y"), EdgeRecord.of("y", "z")));
        List<GraphRow> rows = age.query(g,
                "MATCH p = (a:Task {id: $from})-[:DEPENDS_ON*]->(b:Task) RETURN p, length(p) AS hops, b.id AS last"
                        + " ORDER BY length(p)", Map.of("from", "x"));
        assertThat(rows).hasSize(2);
        GraphPath longest = (GraphPath) rows.get(1).get("p");
        assertThat(longest.length()).isEqualTo(2);
        assertThat(longest.nodes()).extracting(GraphNode::id).containsExactly("x", "y", "z");
        assertThat(longest.edges().get(0).startElementId()).isEqualTo(longest.nodes().get(0).elementId());
        assertThat(rows.get(1).get("last")).isEqualTo("z");
        assertThat(rows.get(1).getLong("hops")).isEqualTo(2L);
    }

    @Test
    void parametersCarryEveryValueVerbatim() {
        String g = graph();
        age.ensureGraph(g);
        List<String> corpus = List.of("it's", "say \"hi\"", "back\\slash", "$$ dollar $$", "`tick`", "// comment",
                "/* block */", "MATCH (n) DETACH DELETE n", "') RETURN 1 //", "tab\tnew\nline\r", "\u0001\u001f\u007f",
                "é€😀", "{fn x} ?", "");
        for (String s : corpus) {
            age.execute(g, "CREATE (:Probe {id: $id, v: $v})", Map.of("id", "p" + corpus.indexOf(s), "v", s));
        }
        List<GraphRow> rows = age.query(g, "MATCH (n:Probe) WHERE n.v = $v RETURN n.v AS v", Map.of("v", "$$ dollar $$"));
        assertThat(rows).extracting(r -> r.getString("v")).containsExactly("$$ dollar $$");
        for (String s : corpus) {
            assertThat(age.query(g, "MATCH (n:Probe {id: $id}) RETURN n.v", Map.of("id", "p" + corpus.indexOf(s)))
                    .get(0).getString("n.v")).isEqualTo(s);
        }
    }

    @Test
    void valueTypesConvertAsDocumented() {
        String g = graph();
        age.ensureGraph(g);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("l", 42L);
        p.put("i", 7);
        p.put("d", 2.5);
        p.put("b", true);
        p.put("n", null);
        p.put("dec", new BigDecimal("12345678901234567890.123"));
        p.put("ts", Instant.parse("2026-01-02T03:04:05.123Z"));
        p.put("u", UUID.fromString("00000000-0000-0000-0000-00000000002a"));
        p.put("list", List.of(1, "two", List.of(3.0)));
        p.put("map", Map.of("k", "v"));
        List<GraphRow> rows = age.query(g, "RETURN $l AS l, $i AS i, $d AS d, $b AS b, $n AS n, $dec AS dec, $ts AS ts,"
                + " $u AS u, $list AS list, $map AS map, 1.5::numeric AS num", p);
        GraphRow r = rows.get(0);
        assertThat(r.get("l")).isEqualTo(42L);
        assertThat(r.get("i")).isEqualTo(7L);
        assertThat(r.get("d")).isEqualTo(2.5);
        assertThat(r.get("b")).isEqualTo(true);
        assertThat(r.get("n")).isNull();
        assertThat(r.get("dec")).isEqualTo(1.2345678901234567E19);
        assertThat(r.get("ts")).isEqualTo("2026-01-02T03:04:05.123000Z");
        assertThat(r.get("u")).isEqualTo("00000000-0000-0000-0000-00000000002a");
        assertThat(r.get("list")).isEqualTo(List.of(1L, "two", List.of(3.0)));
        assertThat(r.get("map")).isEqualTo(Map.of("k", "v"));
        assertThat(r.get("num")).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void refusesWhatAgeCannotRunSafely() {
        String g = graph();
        age.ensureGraph(g);
        assertThatThrownBy(() -> age.query(g, "MATCH (n) RETURN n.x = '$$'", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> age.query(g, "MATCH (n) RETURN *", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> age.query(g, "CREATE (n:X) RETURN n", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> age.query(g, "RETURN $v AS v", Map.of("v", "nul\u0000"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> age.query(g, "RETURN $v AS v", Map.of("v", Double.NaN))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> age.query(g, "MATCH (n RETURN n", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> age.query(g, "MATCH (n) RETURN n LIMITED", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> age.query("no such graph", "RETURN 1", Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> age.upsertNodes(g, "Bad-Label", List.of(NodeRecord.of("a", Map.of()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> age.upsertNodes(g, "Task", List.of(NodeRecord.of("a", Map.of("bad key", 1)))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(age.query(g, "MATCH (n) RETURN n", Map.of())).isEmpty();
    }

    @Test
    void writesWithoutReturnGiveNoRows() {
        String g = graph();
        age.ensureGraph(g);
        assertThat(age.execute(g, "CREATE (:Note {id: 'n'})", Map.of())).isEmpty();
        assertThat(age.execute(g, "MATCH (n:Note) SET n.seen = true RETURN n.seen AS seen", Map.of()))
                .extracting(r -> r.getBoolean("seen")).containsExactly(true);
    }

    @Test
    void keyIndexesExistAndServeMerge() throws Exception {
        String g = graph();
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a", Map.of())));
        age.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), List.of(EdgeRecord.of("a", "a")));
        age.createIndex(g, "Agent", "status");
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = '" + g + "' ORDER BY 1");
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).contains("Agent.id.key", "Agent.id.col", "Agent.props.gin", "Agent.status.idx",
                    "MANAGES.start_id.col", "MANAGES.end_id.col");
            st.execute("LOAD '$libdir/plugins/age'");
            st.execute("SET search_path = ag_catalog, \"$user\", public");
            st.execute("SET enable_seqscan = off");
            rs = st.executeQuery("EXPLAIN SELECT * FROM cypher('" + g
                    + "', $$ UNWIND ['a', 'b'] AS i MERGE (n:Agent {id: i}) $$) AS (c agtype)");
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            assertThat(plan.toString()).contains("Agent.props.gin");
            rs = st.executeQuery("EXPLAIN SELECT k.i, t.ctid, t.properties FROM unnest(ARRAY['\"a\"']) WITH ORDINALITY AS k(key, i)"
                    + " JOIN \"" + g + "\".\"Agent\" t ON ag_catalog.agtype_access_operator(VARIADIC ARRAY[t.properties,"
                    + " '\"id\"'::ag_catalog.agtype]) = k.key::ag_catalog.agtype FOR UPDATE OF t");
            plan.setLength(0);
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            assertThat(plan.toString()).as("the upsert lookup").contains("Agent.id.key");
        }
    }

    @Test
    void duplicateIdsMadeThroughExecuteAreTolerated() {
        String g = graph();
        age.ensureGraph(g);
        age.execute(g, "CREATE (:Legacy {id: 'x', n: 1}), (:Legacy {id: 'x', n: 2})", Map.of());
        age.upsertNodes(g, "Legacy", List.of(NodeRecord.of("x", Map.of("seen", true)), NodeRecord.of("y", Map.of())));
        assertThat(age.query(g, "MATCH (n:Legacy {id: 'x'}) RETURN n.n AS n, n.seen AS seen ORDER BY n.n", Map.of()))
                .extracting(r -> r.getLong("n") + "/" + r.getBoolean("seen")).containsExactly("1/true", "2/true");
        assertThat(age.deleteNodes(g, "Legacy", List.of("x", "y"))).isEqualTo(3);
    }

    @Test
    void aLabelOfTheOtherKindIsRefused() {
        String g = graph();
        age.upsertNodes(g, "Agent", List.of(NodeRecord.of("a", Map.of())));
        age.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), List.of(EdgeRecord.of("a", "a")));
        assertThatThrownBy(() -> age.upsertNodes(g, "MANAGES", List.of(NodeRecord.of("m", Map.of()))))
                .isInstanceOf(GraphException.class).hasMessageContaining("edge label");
        assertThatThrownBy(() -> age.upsertEdges(g, EdgeType.of("Agent", "Agent", "Agent"), List.of(EdgeRecord.of("a", "a"))))
                .isInstanceOf(GraphException.class).hasMessageContaining("vertex label");
        assertThat(age.deleteNodes(g, "MANAGES", List.of("a"))).isZero();
        assertThat(age.query(g, "MATCH (n) RETURN count(n) AS c", Map.of()).get(0).getLong("c")).isEqualTo(1L);
    }

    @Test
    void orderByAliasAndSetFromAParameterMapWorkDespiteAge15() {
        String g = graph();
        age.upsertNodes(g, "Task", List.of(NodeRecord.of("b", Map.of("p", 1)), NodeRecord.of("a", Map.of("p", 2))));
        assertThat(age.query(g, "MATCH (t:Task) RETURN t.id AS id, t.p AS p ORDER BY id", Map.of()))
                .extracting(r -> r.getString("id")).containsExactly("a", "b");
        age.execute(g, "MATCH (t:Task {id: $id}) SET t += $props", Map.of("id", "a", "props", Map.of("q", "x")));
        age.execute(g, "MATCH (t:Task {id: 'a'}) MERGE (t)-[e:DEPENDS_ON]->(u:Task {id: 'c'}) SET e += $props, u.p = 3",
                Map.of("props", Map.of("why", "test")));
        GraphRow row = age.query(g, "MATCH (t:Task {id: 'a'})-[e:DEPENDS_ON]->(u) RETURN t.q AS q, e.why AS why, u.p AS p",
                Map.of()).get(0);
        assertThat(row.values()).containsExactly("x", "test", 3L);
    }

    @Test
    void inDatabaseUsesTheCallersPoolAndLeavesItsSessionsAlone() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.adminUser());
        ds.setPassword(db.adminPassword());
        AgeGraph borrowed = AgeGraph.inDatabase(ds);
        String g = graph();
        borrowed.upsertNodes(g, "Team", List.of(NodeRecord.of("t", Map.of("name", "core"))));
        assertThat(borrowed.query(g, "MATCH (n:Team) RETURN n.name AS name", Map.of()).get(0).getString("name")).isEqualTo("core");
        assertThat(borrowed.health().up()).isTrue();
        assertThat(age.query(g, "MATCH (n:Team) RETURN count(n) AS c", Map.of()).get(0).getLong("c")).isEqualTo(1L);
        borrowed.close();
    }

    @Test
    void aGraphDroppedAndRecreatedUnderTheSameNameWorks() {
        String g = graph();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 6; i++) {
                age.upsertNodes(g, "Task", List.of(NodeRecord.of("t" + i, Map.of("round", round))));
                assertThat(age.query(g, "MATCH (n:Task {id: $id}) RETURN n.round AS r", Map.of("id", "t" + i))
                        .get(0).getLong("r")).isEqualTo((long) round);
            }
            age.dropGraph(g);
        }
    }

    @Test
    void healthAndToStringHideNothingSecretAndReportDown() {
        assertThat(age.health().up()).isTrue();
        assertThat(age.toString()).contains("password=****").doesNotContain("password=" + db.adminPassword());
        try (AgeGraph down = AgeGraph.connect("jdbc:postgresql://127.0.0.1:1/nothing?password=s3cret", "u", "pw")) {
            assertThat(down.health().up()).isFalse();
            assertThatThrownBy(() -> down.query("some_graph", "RETURN 1 AS one", Map.of()))
                    .isInstanceOf(dev.hybriddb.UnavailableException.class).hasMessageNotContaining("s3cret");
            assertThat(down.toString()).doesNotContain("s3cret").doesNotContain("pw]");
        }
    }

    @Test
    void aGraphOwnedByAnotherRoleIsRefusedNotWritten() throws Exception {
        String g = graph();
        age.ensureGraph(g);
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            // as if the application role had made it (it would need CREATE on the database, granted here for a moment)
            st.execute("GRANT CREATE ON DATABASE " + db.database() + " TO " + db.appUser());
            st.execute("ALTER SCHEMA \"" + g + "\" OWNER TO " + db.appUser());
            st.execute("REVOKE CREATE ON DATABASE " + db.database() + " FROM " + db.appUser());
        }
        assertThatThrownBy(() -> age.upsertNodes(g, "Task", List.of(NodeRecord.of("t", Map.of("title", "secret")))))
                .isInstanceOf(GraphException.class).hasMessageContaining("belongs to role " + db.appUser());
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            st.execute("GRANT CREATE ON DATABASE " + db.database() + " TO " + db.appUser());
            st.execute("ALTER SCHEMA \"" + g + "\" OWNER TO " + db.adminUser());
            st.execute("REVOKE CREATE ON DATABASE " + db.database() + " FROM " + db.appUser());
        }
    }
}
