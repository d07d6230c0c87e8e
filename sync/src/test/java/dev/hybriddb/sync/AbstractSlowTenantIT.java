package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One slow tenant must not stall the others. Tenant A's graph holds tens of thousands of
 * ASSIGNED_TO edges (loaded through the batch sync); one transaction updates 1,000 of A's tasks,
 * moving their assignment and giving each a 20 KB description, so A's batch is 20 MB of
 * statements: the consumer's graph client, with a short statement timeout, times out on it while
 * the server stays reachable. Meanwhile tenant B writes a task every 200 ms. B's rows must
 * reach B's graph within a bounded time while A is still struggling, and A's batch, split by
 * halves, must end equal to PostgreSQL with no manual repair. The consumer runs in its own JVM, as
 * an adopter runs it; what it did is read from its log, the outbox and the graphs. The times are
 * printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSlowTenantIT {
    private static final int A_TASKS = 30_000;
    private static final int A_UPDATED = 1_000;
    protected SyncTestDb db;
    private GraphBackend loader;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

    /** How long a graph statement of the consumer may take before it times out. */
    protected abstract Duration timeout();

    /** The words the consumer logs for a statement that timed out while the server stayed reachable. */
    protected abstract String timeoutMessage();

    /** Opens the graph the test loads and checks (not the consumer's). */
    protected abstract GraphBackend openLoader();

    /** The consumer JVM's graph argument (see {@link ConsumerProcess}). */
    protected abstract String consumerGraph();

    protected void stopServices() {
    }

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_iso");
        loader = openLoader();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (loader != null) {
            loader.close();
        }
        stopServices();
        if (db != null) {
            db.close();
        }
    }

    private final Function<UUID, String> names = ConsumerProcess.names("iso_" + run + "_");

    @Test
    void aTenantWhoseBatchTimesOutHoldsUpNoOtherTenant() throws Exception {
        long t0 = System.nanoTime();
        Workspace a = new Workspace(db.app).seed(0);
        for (int i = 0; i < A_TASKS; i += 10_000) {
            a.addTasksBulk(10_000);
        }
        Workspace b = new Workspace(db.app).seed(2);
        clearOutbox();
        PostgresSync batch = PostgresSync.builder(db.owner, loader).graphNames(names).build();
        batch.syncWorkspace(a.tenant);
        batch.syncWorkspace(b.tenant);
        long assigned = loader.query(names.apply(a.tenant), "MATCH (:Agent)-[e:ASSIGNED_TO]->(:Task) RETURN count(e) AS c",
                Map.of()).get(0).getLong("c");
        assertThat(assigned).isEqualTo(A_TASKS);
        System.out.printf(Locale.ROOT, "[isolation] tenant A loaded: %,d tasks, %,d ASSIGNED_TO edges in %d ms%n",
                A_TASKS, assigned, ms(t0));

        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        long aBacklogWhenBFirstArrived = -1;
        int aFailures = 0;
        String aError = null;
        long aDrained = -1;
        Path log = Files.createTempFile("hybriddb-isolation-consumer", ".log");
        Process consumer = ConsumerProcess.start(db, consumerGraph(), "iso_" + run + "_", log);
        try {
            awaitConsumerUp(log);
            long updating = System.nanoTime();
            a.exec("UPDATE tasks SET assigned_agent_id = ?, description = repeat(md5(id::text), 625) WHERE id = ANY(?)",
                    a.agents.get(2), a.tasks.subList(0, A_UPDATED).toArray(new UUID[0]));
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "[isolation] A's transaction updating %d tasks (20 MB) committed in %d ms%n",
                    A_UPDATED, ms(updating));
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread bWriter = new Thread(() -> {
                while (writing.get()) {
                    UUID id = b.addTasks(1).get(0);
                    committed.put(id, System.nanoTime());
                    pause(200);
                }
            }, "tenant-b-writer");
            bWriter.start();
            long deadline = start + TimeUnit.SECONDS.toNanos(240);
            while (System.nanoTime() < deadline) {
                markArrivals(b.tenant, committed, arrived);
                List<String> failed = failuresOf(log, a.tenant);
                if (!failed.isEmpty()) {
                    aFailures = failed.size();
                    aError = failed.get(failed.size() - 1);
                }
                long aBacklog = outboxRowsOf(a.tenant);
                if (aBacklogWhenBFirstArrived < 0 && !arrived.isEmpty()) {
                    aBacklogWhenBFirstArrived = aBacklog;
                    System.out.printf(Locale.ROOT, "[isolation] B's first row reached B's graph %d ms after A's commit; "
                            + "A then had %d rows waiting, %d failed step(s): %s%n", ms(start), aBacklog, aFailures, aError);
                }
                if (aBacklog == 0 && aDrained < 0) {
                    aDrained = ms(start);
                }
                if (aDrained >= 0 && arrived.size() >= 10) {
                    break;
                }
                Thread.sleep(50);
            }
            writing.set(false);
            bWriter.join();
            awaitDrained();
            markArrivals(b.tenant, committed, arrived);
            ConsumerProcess.kill9(consumer);
            List<Long> lags = new ArrayList<>();
            committed.forEach((id, at) -> lags.add(TimeUnit.NANOSECONDS.toMillis(arrived.getOrDefault(id, System.nanoTime()) - at)));
            lags.sort(null);
            System.out.printf(Locale.ROOT, "[isolation] A's %d updated rows drained %d ms after its commit, after %d failed "
                            + "step(s); B wrote %d tasks, commit-to-graph lag p50 %d ms, max %d ms%n", A_UPDATED, aDrained,
                    aFailures, lags.size(), lags.get(lags.size() / 2), lags.get(lags.size() - 1));
            System.out.println("[isolation] A's last failure in the consumer's log: " + aError);
            assertThat(aFailures).as("A's 20 MB batch timed out at least once").isPositive();
            assertThat(aError).contains(timeoutMessage());
            assertThat(aBacklogWhenBFirstArrived).as("B's rows arrived while A was still struggling").isPositive();
            assertThat(lags.get(lags.size() - 1)).as("every B row reached B's graph within 60 s").isLessThan(60_000L);
            assertThat(aDrained).as("A drained without help").isNotNegative();
        } finally {
            consumer.destroyForcibly();
            Files.deleteIfExists(log);
        }
        assertEqual(a);
        assertEqual(b);
    }

    /** PostgreSQL and the graph, row by row and edge by edge (the reconciler's check, and our own counts). */
    private void assertEqual(Workspace w) throws Exception {
        DriftReport report = Reconciler.builder(db.owner, loader).graphNames(names).build().check(w.tenant);
        assertThat(report.isClean()).as("%s", report).isTrue();
        Map<String, Long> sql = new HashMap<>();
        db.owner.inTenant(w.tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT assigned_agent_id::text, count(*) FROM tasks WHERE assigned_agent_id IS NOT NULL GROUP BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sql.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        Map<String, Long> graph = new HashMap<>();
        for (GraphRow r : loader.query(names.apply(w.tenant),
                "MATCH (a:Agent)-[:ASSIGNED_TO]->(:Task) RETURN a.id AS agent, count(*) AS c", Map.of())) {
            graph.put(r.getString("agent"), r.getLong("c"));
        }
        assertThat(graph).as("ASSIGNED_TO edges per agent").isEqualTo(sql);
    }

    private void markArrivals(UUID tenant, Map<UUID, Long> committed, Map<UUID, Long> arrived) {
        List<String> pending = new ArrayList<>();
        committed.keySet().stream().filter(id -> !arrived.containsKey(id)).forEach(id -> pending.add(id.toString()));
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (GraphRow r : loader.query(names.apply(tenant), "MATCH (n:Task) WHERE n.id IN $ids RETURN n.id AS id",
                Map.of("ids", pending))) {
            arrived.putIfAbsent(UUID.fromString(r.getString("id")), now);
        }
    }

    /** The consumer JVM's log lines that report a failed step of {@code tenant}. */
    private static List<String> failuresOf(Path log, UUID tenant) throws java.io.IOException {
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains("tenant " + tenant + ":") && l.contains("outbox rows failed")).toList();
    }

    /** Waits until the consumer JVM has opened its LISTEN connection (it logs nothing until then, so: a round ran). */
    private void awaitConsumerUp(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.owner.inTransaction(c -> Workspace.count(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'hybriddb-realtime-sync'")) == 0) {
            assertThat(System.nanoTime()).as("the consumer JVM connected within 60 s; its log: %s", log).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long outboxRowsOf(UUID tenant) {
        return db.owner.inTransaction(c -> Workspace.count(c,
                "SELECT count(*) FROM hybriddb_sync.hybriddb_outbox WHERE tenant_id = ?", tenant));
    }

    private void clearOutbox() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }

    private void awaitDrained() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (db.outboxCount() > 0) {
            assertThat(System.nanoTime()).as("outbox drained within 180 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
