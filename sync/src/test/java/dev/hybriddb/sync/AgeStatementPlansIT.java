package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every SQL statement the real-time consumer sends to Apache AGE's label tables, checked by
 * PostgreSQL's planner: the AGE backend's connections record each statement with its parameters
 * while the consumer applies a small mixed change set to a graph of a few thousand tasks; each distinct
 * statement is then run through {@code EXPLAIN} with the same parameters. No plan may scan a label
 * table of that graph holding a thousand rows or more: every start is an index seek from the
 * changed keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgeStatementPlansIT {
    private static final int TASKS = 3000;
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on \"?([A-Za-z_][A-Za-z0-9_]*)\"?");

    private SyncTestDb db;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_ageplans");
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    /** A statement as sent: its SQL and its parameters (arrays as their text form). */
    record Sent(String sql, Map<Integer, Object> params) {
    }

    @Test
    void everyStatementTheConsumerSendsToAgeSeeksByKey() throws Exception {
        Workspace w = new Workspace(db.app).seed(0);
        w.addTasksBulk(TASKS);
        String g = "ageplans_" + w.tenant.toString().replace("-", "").substring(0, 12);
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        List<Sent> sent = new CopyOnWriteArrayList<>();
        boolean[] recording = {false};
        AgeGraph age = AgeGraph.inDatabase(recording(db.ownerPool, g, sent, recording));
        try {
            PostgresSync.builder(db.owner, age).graphNames(t -> g).build().syncWorkspace(w.tenant);
            analyze(g);
            recording[0] = true;
            try (RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), age).graphNames(t -> g)
                    .pollInterval(Duration.ofMillis(200)).build()) {
                rt.start();
                mixedChanges(w);
                awaitDrained();
                rt.stop();
            }
            recording[0] = false;
            Map<String, Sent> shapes = new TreeMap<>();
            sent.forEach(s -> shapes.putIfAbsent(s.sql(), s));
            assertThat(shapes.keySet()).as("statements sent to the label tables")
                    .anyMatch(s -> s.startsWith("WITH o AS"))             // edge pruning
                    .anyMatch(s -> s.contains("LEFT JOIN LATERAL"))       // edge upserts
                    .anyMatch(s -> s.contains("FOR UPDATE"))              // node upserts
                    .anyMatch(s -> s.contains("_ag_label_edge"));         // node deletes
            Map<String, Long> big = bigLabels(g);
            List<String> edgeLabels = edgeLabels(g);
            assertThat(big).containsKey("Task");
            try (Connection c = db.ownerPool.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL search_path = ag_catalog, \"$user\", public");
                }
                for (Sent s : shapes.values()) {
                    List<String> plan = explain(c, s);
                    System.out.printf(Locale.ROOT, "[age plans] %s%n  %s%n", s.sql(), String.join("\n  ", plan));
                    boolean nodeDelete = s.sql().contains("._ag_label_edge");
                    for (String line : plan) {
                        Matcher m = SEQ_SCAN.matcher(line);
                        if (m.find() && !(nodeDelete && edgeLabels.contains(m.group(1)))) {
                            // Known gap: a node delete removes the node's edges of every type through the
                            // parent edge table, and PostgreSQL scans an edge table whose start (or end)
                            // ids have a single distinct value (one coordinator for all tasks) instead of
                            // using its index. Node labels stay checked for this statement too.
                            assertThat(big).as("sequential scan in the plan of %s:%n%s", s.sql(), String.join("\n", plan))
                                    .doesNotContainKey(m.group(1));
                        }
                    }
                }
                c.rollback();
            }
            assertThat(Reconciler.builder(db.owner, age).graphNames(t -> g).build().check(w.tenant).isClean()).isTrue();
        } finally {
            age.dropGraph(g);
            age.close();
        }
    }

    /**
     * A change small against the graph (tens of rows against thousands), as in steady real-time
     * sync: a plan that still reads a whole label table would cost the graph, not the change.
     */
    private static void mixedChanges(Workspace w) {
        List<UUID> some = w.tasks.subList(0, 20);
        w.exec("UPDATE tasks SET assigned_agent_id = ?, coordinator_id = ?, task_state_id = ?, title = title || ' moved' "
                + "WHERE id = ANY(?)", w.agents.get(3), w.agents.get(2), w.states.get(4), some.toArray(new UUID[0]));
        w.addTasks(10);
        w.exec("DELETE FROM task_dependencies WHERE task_id = ANY(?)", (Object) w.tasks.subList(200, 220).toArray(new UUID[0]));
        w.exec("DELETE FROM tasks WHERE id = ANY(?)", (Object) w.tasks.subList(300, 310).toArray(new UUID[0]));
        w.exec("UPDATE agents SET name = name || ' renamed', manager_id = ? WHERE id = ?", w.agents.get(0), w.agents.get(4));
    }

    /** Label tables of the graph with 1,000 rows or more (their plans must not scan them). */
    private Map<String, Long> bigLabels(String g) {
        return db.owner.inTransaction(c -> {
            Map<String, Long> out = new TreeMap<>();
            List<String> labels = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.name FROM ag_catalog.ag_label l JOIN ag_catalog.ag_graph g "
                    + "ON g.graphid = l.graph WHERE g.name = ?")) {
                ps.setString(1, g);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.add(rs.getString(1));
                    }
                }
            }
            for (String l : labels) {
                long n = Workspace.count(c, "SELECT count(*) FROM \"" + g + "\".\"" + l + "\"");
                if (n >= 1000) {
                    out.put(l, n);
                }
            }
            return out;
        });
    }

    private List<String> edgeLabels(String g) {
        return db.owner.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.name FROM ag_catalog.ag_label l JOIN ag_catalog.ag_graph g "
                    + "ON g.graphid = l.graph WHERE g.name = ? AND l.kind = 'e'")) {
                ps.setString(1, g);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private void analyze(String g) {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "ANALYZE");
            return null;
        });
    }

    private static List<String> explain(Connection c, Sent s) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + s.sql())) {
            for (Map.Entry<Integer, Object> p : s.params().entrySet()) {
                ps.setObject(p.getKey(), p.getValue(), Types.OTHER);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The pool, with every statement on the graph's label tables recorded while {@code on[0]}. */
    private static DataSource recording(DataSource real, String graph, List<Sent> sent, boolean[] on) {
        return proxy(DataSource.class, real, (m, args, result) -> {
            if (m.getName().equals("getConnection")) {
                return proxy(Connection.class, result, (cm, cargs, cresult) -> {
                    if (cm.getName().equals("prepareStatement") && cargs[0] instanceof String sql
                            && sql.contains("\"" + graph + "\".") && cresult instanceof PreparedStatement) {
                        Map<Integer, Object> params = new TreeMap<>();
                        return proxy(PreparedStatement.class, cresult, (pm, pargs, presult) -> {
                            if (pm.getName().startsWith("set") && pargs != null && pargs.length >= 2 && pargs[0] instanceof Integer i) {
                                params.put(i, pargs[1] instanceof Array a ? a.toString() : String.valueOf(pargs[1]));
                            } else if (pm.getName().startsWith("execute") && on[0]) {
                                sent.add(new Sent(sql, new TreeMap<>(params)));
                            }
                            return presult;
                        });
                    }
                    return cresult;
                });
            }
            return result;
        });
    }

    private interface After {
        Object apply(Method m, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler h = (p, m, args) -> {
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(m, args, result);
        };
        return (T) Proxy.newProxyInstance(AgeStatementPlansIT.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private void awaitDrained() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (db.outboxCount() > 0) {
            assertThat(System.nanoTime()).as("outbox drained within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
