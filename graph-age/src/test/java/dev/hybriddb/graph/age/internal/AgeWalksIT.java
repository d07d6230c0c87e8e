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
                String both = AgeWalks.closuresSql(g, "Task", "DEPENDS_ON", List.of("title", "status"));
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + both)) {
                    ps.setString(1, g);
                    ps.setString(2, "Task");
                    ps.setString(3, "\"t3000\"");
                    String plan = read(ps);
                    assertPlanSeeks(mode, both, plan);
                    assertThat(plan).contains("DEPENDS_ON.start_id.col").contains("DEPENDS_ON.end_id.col");
                }
            }
        }
        assertThat(paths(age.closure(g, "Task", "DEPENDS_ON", true, "t3", List.of()))).isEqualTo(Set.of("0:t3>null>t2", "0:t2>null>t1",
                "0:t1>null>t0"));
    }

    /**
     * On the backend's own sessions a task's closures are one statement in autocommit (no
     * transaction set-up, no commit), planned for its values on every execution: the same rows on
     * the tenth call as on the first, with the start's own row and both directions around a cycle.
     */
    @Test
    void closuresAreOneStatementOnPreparedSessions() throws Exception {
        String g = graph();
        List<NodeRecord> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(NodeRecord.of("t" + i, Map.of("title", "task " + i)));
        }
        age.upsertNodes(g, "Task", tasks);
        age.upsertEdges(g, EdgeType.of("Task", "DEPENDS_ON", "Task"), List.of(EdgeRecord.of("t3", "t2"),
                EdgeRecord.of("t2", "t1"), EdgeRecord.of("t1", "t0"), EdgeRecord.of("t4", "t3"), EdgeRecord.of("t0", "t3")));
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(db.jdbcUrl());
        pg.setUser(db.adminUser());
        pg.setPassword(db.adminPassword());
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        AgeTransactions tx = new AgeTransactions(recording(new AgeDataSource(pg, new AgeSession()), calls), true,
                new AgeSession(), 60);
        AgeWalks walks = new AgeWalks();
        tx.read("warm-up", c -> walks.closures(c, 60, g, "Task", "DEPENDS_ON", "t5", List.of()));
        Set<String> expected = Set.of("0:t2>null>t2|task 2", "1:t2>null>t1|task 1", "1:t1>null>t0|task 0",
                "1:t0>null>t3|task 3", "1:t3>null>t2|task 2", "2:t2>null>t3|task 3", "2:t3>null>t4|task 4",
                "2:t3>null>t0|task 0", "2:t0>null>t1|task 1", "2:t1>null>t2|task 2");
        for (int i = 0; i < 10; i++) {
            calls.clear();
            List<GraphRow> rows = tx.read("closures", c -> walks.closures(c, 60, g, "Task", "DEPENDS_ON", "t2", List.of("title")));
            assertThat(calls).as("call %d", i).containsExactly("prepareStatement");
            assertThat(paths(rows)).as("call %d", i).isEqualTo(expected);
        }
        List<GraphRow> none = tx.read("closures", c -> walks.closures(c, 60, g, "Task", "DEPENDS_ON", "nope", List.of()));
        assertThat(none).isEmpty();
    }

    /**
     * JIT compilation is off for the backend's statements, on its own sessions and inside its
     * transactions on a caller's DataSource, and stays as the caller set it on that session after.
     */
    @Test
    void theBackendsStatementsRunWithoutJit() throws Exception {
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(db.jdbcUrl());
        pg.setUser(db.adminUser());
        pg.setPassword(db.adminPassword());
        AgeTransactions own = new AgeTransactions(new AgeDataSource(pg, new AgeSession()), true, new AgeSession(), 60);
        assertThat(own.read("jit", AgeWalksIT::jit)).isEqualTo("off");
        try (Connection shared = pg.getConnection()) {
            try (Statement st = shared.createStatement()) {
                st.execute("SET jit = on");
            }
            javax.sql.DataSource one = singleConnection(shared);
            AgeTransactions callers = new AgeTransactions(one, false, new AgeSession(), 60);
            assertThat(callers.read("jit", AgeWalksIT::jit)).isEqualTo("off");
            assertThat(callers.run("jit", false, AgeWalksIT::jit)).isEqualTo("off");
            assertThat(jit(shared)).isEqualTo("on");
        }
    }

    private static String jit(Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW jit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A DataSource that hands out one open connection again and again, its close() ignored. */
    private static javax.sql.DataSource singleConnection(Connection c) {
        Connection kept = (Connection) java.lang.reflect.Proxy.newProxyInstance(AgeWalksIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals("close") ? null : invoke(m, c, a));
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(AgeWalksIT.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (p, m, a) -> {
                    if (!m.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    return kept;
                });
    }

    /** A DataSource whose connections record the calls that reach the server (statements, commits). */
    private static javax.sql.DataSource recording(javax.sql.DataSource delegate, List<String> calls) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(AgeWalksIT.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, m, args) -> {
                    Object result = invoke(m, delegate, args);
                    if (!m.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return java.lang.reflect.Proxy.newProxyInstance(AgeWalksIT.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p2, m2, a2) -> {
                                if (Set.of("prepareStatement", "createStatement", "prepareCall", "commit", "rollback")
                                        .contains(m2.getName()) || (m2.getName().equals("setAutoCommit") && a2[0].equals(false))) {
                                    calls.add(m2.getName());
                                }
                                return invoke(m2, c, a2);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
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
