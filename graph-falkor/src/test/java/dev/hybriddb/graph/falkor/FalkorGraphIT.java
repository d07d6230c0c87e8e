package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphTimeoutException;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FalkorDB specifics: the encoder against the real lexer, timeouts, the pool, a server that dies. */
class FalkorGraphIT {
    private static final String SLOW = "UNWIND range(1, 5000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)";
    private static FalkorService falkor;
    private static FalkorGraph graph;

    @BeforeAll
    static void connect() {
        falkor = TestServices.falkor();
        graph = FalkorGraph.connect(falkor.host(), falkor.port());
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    private static String newGraph() {
        String g = "falkor_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        graph.ensureGraph(g);
        return g;
    }

    /** Random strings over all of Unicode (minus NUL and lone surrogates), heavy on the dangerous characters. */
    static List<String> randomStrings(long seed, int count) {
        Random r = new Random(seed);
        String nasty = "\\\"'`$/*\n\r\t\b\f\u000b\u0001\u001f\u007f{}[]:,;= \u2028\u2029\uFEFF\u202E";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(i % 50 == 0 ? 5_000 : 40);
            for (int j = 0; j < len; j++) {
                int pick = r.nextInt(10);
                if (pick < 5) {
                    sb.append(nasty.charAt(r.nextInt(nasty.length())));
                } else if (pick < 7) {
                    int cp;
                    do {
                        cp = 1 + r.nextInt(0x10FFFF);
                    } while (cp >= 0xD800 && cp <= 0xDFFF);
                    sb.appendCodePoint(cp);
                } else {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void randomStringsRoundTripAsParametersAndProperties() {
        String g = newGraph();
        try {
            List<String> strings = randomStrings(20_261_121L, 3_000);
            for (int from = 0; from < strings.size(); from += 250) {
                List<String> batch = strings.subList(from, Math.min(strings.size(), from + 250));
                Object back = graph.query(g, "RETURN $l AS l", Map.of("l", batch)).get(0).get("l");
                assertThat(back).isEqualTo(batch);
                for (int i = 0; i < 5; i++) {
                    String s = batch.get(i);
                    assertThat(graph.query(g, "RETURN $s AS s", Map.of("s", s)).get(0).getString("s")).isEqualTo(s);
                }
            }
            List<NodeRecord> nodes = new ArrayList<>();
            for (int i = 0; i < strings.size(); i++) {
                nodes.add(NodeRecord.of("n" + i, Map.of("text", strings.get(i))));
            }
            graph.upsertNodes(g, "Doc", nodes);
            List<GraphRow> rows = graph.query(g, "MATCH (d:Doc) RETURN d.id AS id, d.text AS text", Map.of());
            assertThat(rows).hasSize(strings.size());
            for (GraphRow row : rows) {
                int i = Integer.parseInt(row.getString("id").substring(1));
                assertThat(row.getString("text")).as("string %d", i).isEqualTo(strings.get(i));
            }
        } finally {
            graph.dropGraph(g);
        }
    }

    @Test
    void upsertsOfManyShapesAndChunksKeepEveryValueAndNullRemoves() {
        String g = newGraph();
        try (FalkorGraph small = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port()).batchSize(7).build())) {
            // 3 shapes (key lists), 40 rows: several chunks per shape, sent while the next is encoded
            List<NodeRecord> few = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> p = new java.util.LinkedHashMap<>();
                p.put("n", (long) i);
                if (i % 3 > 0) {
                    p.put("s", "v" + i);
                }
                if (i % 3 > 1) {
                    p.put("l", List.of(i, "x"));
                }
                few.add(NodeRecord.of("k" + i, p));
            }
            assertThat(small.upsertNodes(g, "Shape", few)).isEqualTo(40);
            // 30 shapes: one map-row statement; nulls remove, absent keys stay
            List<NodeRecord> many = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Map<String, Object> p = new java.util.HashMap<>();
                p.put("p" + i, (long) i);
                p.put("s", null);
                many.add(NodeRecord.of("k" + i, p));
            }
            small.upsertNodes(g, "Shape", many);
            List<GraphRow> rows = small.query(g, "MATCH (n:Shape) RETURN n.id AS id, n.n AS n, n.s AS s, n.l AS l, "
                    + "n.p3 AS p3 ORDER BY n.n", Map.of());
            assertThat(rows).hasSize(40);
            for (GraphRow row : rows) {
                long i = row.getLong("n");
                assertThat(row.getString("id")).isEqualTo("k" + i);
                assertThat(row.get("s")).isEqualTo(i >= 30 && i % 3 > 0 ? "v" + i : null);
                assertThat(row.get("l")).isEqualTo(i % 3 > 1 ? List.of(i, "x") : null);
                assertThat(row.get("p3")).isEqualTo(i == 3 ? 3L : null);
            }
            // edges in chunks, with properties of two shapes, one missing endpoint, a duplicate
            List<dev.hybriddb.graph.EdgeRecord> edges = new ArrayList<>();
            for (int i = 1; i < 40; i++) {
                edges.add(new dev.hybriddb.graph.EdgeRecord("k" + i, "k" + (i - 1),
                        i % 2 == 0 ? Map.of("w", (long) i) : Map.of("w", (long) i, "t", "e" + i)));
            }
            edges.add(dev.hybriddb.graph.EdgeRecord.of("k1", "missing"));
            edges.add(new dev.hybriddb.graph.EdgeRecord("k2", "k1", Map.of("w", 99L)));
            dev.hybriddb.graph.EdgeType next = dev.hybriddb.graph.EdgeType.of("Shape", "NEXT", "Shape");
            assertThat(small.upsertEdges(g, next, edges)).isEqualTo(40);
            List<GraphRow> e = small.query(g, "MATCH (a:Shape)-[e:NEXT]->(b:Shape) RETURN a.n AS n, e.w AS w, e.t AS t "
                    + "ORDER BY a.n", Map.of());
            assertThat(e).hasSize(39);
            for (GraphRow row : e) {
                long i = row.getLong("n");
                assertThat(row.getLong("w")).isEqualTo(i == 2 ? 99L : i);
                assertThat(row.get("t")).isEqualTo(i % 2 == 0 ? null : "e" + i);
            }
        } finally {
            graph.dropGraph(g);
        }
    }

    @Test
    void aServerSideTimeoutIsATimeoutOfAReachableServer() {
        try (FalkorGraph quick = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port())
                .queryTimeout(Duration.ofMillis(20)).build())) {
            String g = newGraph();
            try {
                assertThatThrownBy(() -> quick.query(g, SLOW, Map.of()))
                        .isInstanceOf(GraphTimeoutException.class)
                        .hasMessageContaining("timed out after 20 ms (server reachable");
                assertThat(quick.query(g, "RETURN 1 AS one", Map.of()).get(0).getLong("one")).isEqualTo(1L);
            } finally {
                graph.dropGraph(g);
            }
        }
    }

    /** FalkorDB does not apply its query timeout to writes: the socket timeout ends the wait, and PING says why. */
    @Test
    void aSlowWriteTimesOutOnTheSocketAndTheMessageSaysTheServerIsReachable() {
        try (FalkorGraph quick = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port())
                .socketTimeout(Duration.ofMillis(100)).queryTimeout(Duration.ofMillis(100)).build())) {
            String g = newGraph();
            try {
                assertThatThrownBy(() -> quick.execute(g, "UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 "
                        + "CREATE (:Slow {x: x}) RETURN count(x)", Map.of()))
                        .isInstanceOf(GraphTimeoutException.class)
                        .hasMessageContaining("statement timed out after 100 ms (server reachable")
                        .satisfies(e -> assertThat(((GraphTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(100)));
                assertThat(quick.health().up()).isTrue();
            } finally {
                graph.dropGraph(g);
            }
        }
    }

    /** A server that accepts connections and never replies: the timeout is no slow statement, and the message says so. */
    @Test
    void aServerThatNeverRepliesIsUnreachableNotSlow() throws IOException {
        try (ServerSocket mute = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             FalkorGraph nowhere = FalkorGraph.connect(FalkorConfig.builder("127.0.0.1", mute.getLocalPort())
                     .socketTimeout(Duration.ofMillis(200)).queryTimeout(Duration.ofMillis(200)).build())) {
            assertThatThrownBy(() -> nowhere.execute("some_graph", "RETURN 1", Map.of()))
                    .isInstanceOf(UnavailableException.class).isNotInstanceOf(GraphTimeoutException.class)
                    .hasMessageContaining("unreachable").hasMessageContaining("no answer to PING");
        }
    }

    @Test
    void nobodyListeningIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FalkorGraph nowhere = FalkorGraph.connect(FalkorConfig.builder("127.0.0.1", port)
                .connectTimeout(Duration.ofMillis(300)).build())) {
            assertThatThrownBy(() -> nowhere.query("some_graph", "RETURN 1", Map.of())).isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> nowhere.upsertNodes("some_graph", "Agent", List.of(NodeRecord.of("a", Map.of()))))
                    .isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> nowhere.graphExists("some_graph")).isInstanceOf(UnavailableException.class);
            GraphHealth h = nowhere.health();
            assertThat(h.up()).isFalse();
            assertThat(h.detail()).contains("unreachable");
        }
    }

    @Test
    void aSmallPoolServesManyThreads() throws Exception {
        try (FalkorGraph small = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port()).poolSize(2).build())) {
            String g = newGraph();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    long n = i;
                    results.add(pool.submit(() -> small.query(g, "RETURN $n AS n", Map.of("n", n)).get(0).getLong("n")));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo((long) i);
                }
                assertThat(small.poolStatus()).contains("active=0");
            } finally {
                pool.shutdownNow();
                graph.dropGraph(g);
            }
        }
    }

    @Test
    void anExhaustedPoolIsUnavailableAfterTheBorrowTimeout() throws Exception {
        try (FalkorGraph one = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port()).poolSize(1)
                .borrowTimeout(Duration.ofMillis(50)).build())) {
            String g = newGraph();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<List<GraphRow>> slow = pool.submit(() -> one.query(g, SLOW, Map.of()));
                while (!one.poolStatus().contains("active=1")) {
                    Thread.sleep(5);
                }
                assertThatThrownBy(() -> one.query(g, "RETURN 1", Map.of())).isInstanceOf(UnavailableException.class)
                        .hasMessageContaining("pool");
                assertThat(slow.get().get(0).get(0)).isNotNull();
                assertThat(one.query(g, "RETURN 1 AS one", Map.of()).get(0).getLong("one")).isEqualTo(1L);
            } finally {
                pool.shutdownNow();
                graph.dropGraph(g);
            }
        }
    }

    @Test
    void killedServerIsUnavailableAndTheSameInstanceRecoversAfterRestart() {
        FalkorService own = TestServices.privateFalkor();
        try (FalkorGraph g = FalkorGraph.connect(FalkorConfig.builder(own.host(), own.port())
                .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(5)).queryTimeout(Duration.ofSeconds(5))
                .build())) {
            g.upsertNodes("fault_graph", "Agent", List.of(NodeRecord.of("a1", Map.of("name", "x"))));
            assertThat(g.health().up()).isTrue();

            own.kill9();
            assertThatThrownBy(() -> g.query("fault_graph", "MATCH (n) RETURN count(n)", Map.of()))
                    .isInstanceOf(UnavailableException.class);
            assertThat(g.health().up()).isFalse();

            own.start();
            assertThat(g.health().up()).isTrue();
            // the server kept nothing (no persistence): the graph is written again through the same pool
            g.upsertNodes("fault_graph", "Agent", List.of(NodeRecord.of("a1", Map.of("name", "y"))));
            assertThat(g.query("fault_graph", "MATCH (n:Agent) RETURN n.name AS name", Map.of()))
                    .extracting(r -> r.getString("name")).containsExactly("y");
        } finally {
            own.stop();
        }
    }

    @Test
    void passwordsAreUsedAndNeverShown() {
        FalkorService own = TestServices.privateFalkor();
        String password = "s3cr3t-Pass-42";
        String wrong = "wrong-Pass-77";
        try {
            try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis(own.host(), own.port())) {
                admin.configSet("requirepass", password);
            }
            FalkorConfig base = FalkorConfig.builder(own.host(), own.port()).connectTimeout(Duration.ofSeconds(1)).build();
            try (FalkorGraph ok = FalkorGraph.connect(base.toBuilder().password(password).build())) {
                assertThat(ok.health().up()).isTrue();
                ok.upsertNodes("auth_graph", "Agent", List.of(NodeRecord.of("a1", Map.of())));
                assertThat(ok.query("auth_graph", "MATCH (n:Agent) RETURN n.id AS id", Map.of())).hasSize(1);
                assertThat(ok.toString()).doesNotContain(password);
            }
            for (FalkorConfig bad : List.of(base.toBuilder().password(wrong).build(), base)) {
                try (FalkorGraph g = FalkorGraph.connect(bad)) {
                    assertThatThrownBy(() -> g.query("auth_graph", "RETURN 1", Map.of()))
                            .isInstanceOf(dev.hybriddb.ConfigurationException.class)
                            .hasMessageNotContaining(wrong).hasMessageNotContaining(password);
                    GraphHealth h = g.health();
                    assertThat(h.up()).isFalse();
                    assertThat(h.detail()).doesNotContain(wrong).doesNotContain(password);
                }
            }
        } finally {
            own.stop();
        }
    }

    @Test
    void configNeverShowsThePassword() {
        FalkorConfig c = FalkorConfig.builder("h", 1).password("s3cr3t-pw").build();
        assertThat(c.toString()).doesNotContain("s3cr3t-pw").contains("****");
        try (FalkorGraph g = FalkorGraph.connect(c)) {
            assertThat(g.toString()).doesNotContain("s3cr3t-pw");
        }
    }
}
