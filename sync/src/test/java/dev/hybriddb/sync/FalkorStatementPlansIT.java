package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * Every statement the real-time consumer sends to FalkorDB, checked by the server's own planner:
 * a private FalkorDB's {@code MONITOR} records what the consumer sends while it applies a mixed
 * change set (inserts, updates that move foreign keys, deletes, dependencies and executions added
 * and removed) to a graph where every agent holds hundreds of ASSIGNED_TO edges. Each distinct
 * statement shape is then run through {@code GRAPH.EXPLAIN} (no label or full scans: every start
 * is an index seek) and {@code GRAPH.PROFILE} (no operator produces many more records than the
 * statement has rows, so the cost follows the change, not the graph). The statements are
 * idempotent, so profiling (which executes them) leaves the graph as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FalkorStatementPlansIT {
    private static final int TASKS = 3000;
    private static final Pattern RECORDS = Pattern.compile("Records produced: (\\d+)");

    private SyncTestDb db;
    private FalkorService server;
    private FalkorGraph graph;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_plans");
        server = TestServices.privateFalkor();
        graph = FalkorGraph.connect(server.host(), server.port());
    }

    @AfterAll
    void tearDown() {
        if (graph != null) {
            graph.close();
        }
        if (server != null) {
            server.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyStatementTheConsumerSendsStartsFromIndexedKeysAndTouchesOnlyTheNeighbourhood() throws Exception {
        Workspace w = new Workspace(db.app).seed(0);
        w.addTasksBulk(TASKS);
        String g = "plans_" + w.tenant.toString().replace("-", "").substring(0, 12);
        clearOutbox();
        PostgresSync.builder(db.owner, graph).graphNames(t -> g).build().syncWorkspace(w.tenant);

        List<String> sent = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong monitorId = new java.util.concurrent.atomic.AtomicLong();
        Thread monitor = monitor(g, sent, monitorId);
        try (RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), graph).graphNames(t -> g)
                .pollInterval(Duration.ofMillis(200)).build()) {
            rt.start();
            mixedChanges(w);
            awaitDrained();
            rt.stop();
        } finally {
            try (Jedis j = new Jedis(server.host(), server.port())) {
                j.clientKill(new redis.clients.jedis.params.ClientKillParams().id(Long.toString(monitorId.get())));
            } catch (RuntimeException ignored) {
                // already gone
            }
            monitor.join(5000);
        }

        // checked before the statements are profiled below: GRAPH.PROFILE runs each one again, with
        // the values it first carried (an agent's open task count as it was then, for instance)
        assertThat(Reconciler.builder(db.owner, graph).graphNames(t -> g).build().check(w.tenant).isClean()).isTrue();
        Map<String, String> shapes = new TreeMap<>();
        for (String text : sent) {
            shapes.putIfAbsent(shape(text), text);
        }
        assertThat(shapes.keySet()).as("statement shapes the consumer sent")
                .anyMatch(s -> s.contains("DELETE e"))
                .anyMatch(s -> s.contains("MERGE (a)-[e:`ASSIGNED_TO`]->(b)"))
                .anyMatch(s -> s.contains("DETACH DELETE"))
                .anyMatch(s -> s.contains("MERGE (n:`Task`"));
        try (Jedis j = new Jedis(server.host(), server.port())) {
            for (Map.Entry<String, String> e : shapes.entrySet()) {
                List<String> plan = lines(j.sendCommand(() -> "GRAPH.EXPLAIN".getBytes(StandardCharsets.UTF_8),
                        g, e.getValue()));
                List<String> profile = lines(j.sendCommand(() -> "GRAPH.PROFILE".getBytes(StandardCharsets.UTF_8),
                        g, e.getValue()));
                long rows = unwound(profile);
                long most = profile.stream().mapToLong(FalkorStatementPlansIT::records).max().orElse(0);
                System.out.printf(Locale.ROOT, "[plans] %d rows, at most %d records per operator: %s%n  %s%n", rows, most,
                        e.getKey(), String.join("\n  ", profile));
                assertThat(plan).as("plan of %s", e.getKey())
                        .noneMatch(l -> l.contains("All Node Scan"))
                        .noneMatch(l -> l.contains("Label Scan"));
                assertThat(plan).as("plan of %s", e.getKey()).anyMatch(l -> l.contains("Node By Index Scan"));
                assertThat(most).as("records per operator of %s (%d rows sent)", e.getKey(), rows)
                        .isLessThanOrEqualTo(Math.max(50, 4 * rows));
            }
        }
    }

    /** Updates that move every foreign key, inserts, deletes, dependency and execution changes. */
    private static void mixedChanges(Workspace w) {
        List<UUID> some = w.tasks.subList(0, 200);
        w.exec("UPDATE tasks SET assigned_agent_id = ?, coordinator_id = ?, task_state_id = ?, board_id = ?, app_id = ?, "
                        + "project_id = ?, user_id = ?, title = title || ' moved' WHERE id = ANY(?)",
                w.agents.get(3), w.agents.get(2), w.states.get(4), w.boards.get(1), w.apps.get(1), w.projects.get(2),
                w.users.get(3), some.toArray(new UUID[0]));
        w.addTasks(50);
        w.exec("DELETE FROM task_dependencies WHERE task_id = ANY(?)", (Object) w.tasks.subList(200, 260).toArray(new UUID[0]));
        w.exec("DELETE FROM tasks WHERE id = ANY(?)", (Object) w.tasks.subList(300, 340).toArray(new UUID[0]));
        w.exec("UPDATE agents SET name = name || ' renamed', manager_id = ? WHERE id = ?", w.agents.get(0), w.agents.get(4));
        w.exec("UPDATE agent_executions SET result = 'success' WHERE task_id = ANY(?)",
                (Object) w.tasks.subList(400, 460).toArray(new UUID[0]));
    }

    /** The statement without its parameter header: what the planner caches. */
    private static String shape(String text) {
        if (!text.startsWith("CYPHER ")) {
            return text;
        }
        int i = text.indexOf(" UNWIND ");
        return i < 0 ? text : text.substring(i + 1);
    }

    private Thread monitor(String g, List<String> sent, java.util.concurrent.atomic.AtomicLong id) throws InterruptedException {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (Jedis j = new Jedis(server.host(), server.port(), 0)) {
                id.set(j.clientId());
                j.monitor(new JedisMonitor() {
                    @Override
                    public void proceed(redis.clients.jedis.Connection client) {
                        started.countDown();
                        super.proceed(client);
                    }

                    @Override
                    public void onCommand(String command) {
                        List<String> args = arguments(command);
                        if (args.size() >= 3 && args.get(0).equalsIgnoreCase("GRAPH.QUERY") && args.get(1).equals(g)
                                && args.get(2).contains("UNWIND")) {
                            sent.add(args.get(2));
                        }
                    }
                });
            } catch (RuntimeException e) {
                // closed at the end of the test
            }
        }, "falkor-monitor");
        t.setDaemon(true);
        t.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        return t;
    }

    /** The quoted arguments of a MONITOR line, unescaped (Redis writes them with sdscatrepr). */
    static List<String> arguments(String line) {
        List<String> out = new ArrayList<>();
        int i = line.indexOf(']');
        while (i >= 0 && i < line.length()) {
            int q = line.indexOf('"', i + 1);
            if (q < 0) {
                break;
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int k = q + 1;
            while (k < line.length() && line.charAt(k) != '"') {
                char ch = line.charAt(k);
                if (ch == '\\' && k + 1 < line.length()) {
                    char n = line.charAt(k + 1);
                    switch (n) {
                        case 'n' -> buf.write('\n');
                        case 'r' -> buf.write('\r');
                        case 't' -> buf.write('\t');
                        case 'a' -> buf.write(7);
                        case 'b' -> buf.write('\b');
                        case 'x' -> {
                            buf.write(Integer.parseInt(line.substring(k + 2, k + 4), 16));
                            k += 2;
                        }
                        default -> buf.write(n);
                    }
                    k += 2;
                } else {
                    byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                    buf.write(b, 0, b.length);
                    k++;
                }
            }
            out.add(buf.toString(StandardCharsets.UTF_8));
            i = k;
        }
        return out;
    }

    private static List<String> lines(Object reply) {
        List<String> out = new ArrayList<>();
        if (reply instanceof List<?> l) {
            for (Object o : l) {
                out.addAll(lines(o));
            }
        } else if (reply instanceof byte[] b) {
            out.add(new String(b, StandardCharsets.UTF_8));
        } else if (reply != null) {
            out.add(reply.toString());
        }
        return out;
    }

    private static long records(String profileLine) {
        Matcher m = RECORDS.matcher(profileLine);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The rows of the statement: what its Unwind produced. */
    private static long unwound(List<String> profile) {
        return profile.stream().filter(l -> l.trim().startsWith("Unwind")).mapToLong(FalkorStatementPlansIT::records)
                .max().orElse(1);
    }

    private void clearOutbox() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }

    private void awaitDrained() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (db.outboxCount() > 0) {
            assertThat(System.nanoTime()).as("outbox drained within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
