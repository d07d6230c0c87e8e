package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Recovery of lost tenant graphs with consumers in their own JVMs (SIGKILLed, never stopped
 * gracefully), writers in this one: a graph lost while no consumer runs, and a consumer killed
 * in the middle of the rebuild that follows a loss. Each ends with PostgreSQL and the graph equal
 * row by row and edge by edge ({@link Reconciler#check(UUID)} compares; nothing here repairs),
 * within a bounded time, and prints the recovery time. One subclass per graph backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRecoveryFaultIT {
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);

    protected SyncTestDb db;
    protected GraphBackend graph;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final List<Process> consumers = new ArrayList<>();
    protected Function<UUID, String> names;
    private String prefix;
    private Path log;

    /** The backend for this test (the parent's own connection). */
    protected abstract GraphBackend openGraph();

    /** How a consumer JVM reaches the graph: {@code age} or {@code falkor:host:port}. */
    protected abstract String graphSpec();

    /** Loses the tenants' graphs: the graph server restarts empty, or the graphs are dropped. */
    protected abstract void loseGraphs(List<UUID> tenants);

    /** True when a running consumer notices the loss by itself (a graph server restart). */
    protected abstract boolean lossNoticedWhileRunning();

    /** Tasks of the big tenant: enough that its rebuild takes well over 2 s. */
    protected abstract int bigTenantTasks();

    @BeforeAll
    void setUpDatabase() {
        db = SyncTestDb.create("sync_recovery_" + getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("recoveryfaultit", ""));
    }

    @AfterAll
    void tearDownDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void setUp(TestInfo info) throws Exception {
        db.owner.inTransaction(c -> {                   // the other test's tenants: its graph names differ
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_graph_tenants");
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        graph = openGraph();
        String kind = info.getTestMethod().orElseThrow().getName().startsWith("graphLost") ? "lost" : "kill";
        prefix = "rec" + kind + "_" + run + "_";
        names = ConsumerProcess.names(prefix);
        Path dir = Path.of("target", "recovery-fault-logs");
        Files.createDirectories(dir);
        log = dir.resolve(getClass().getSimpleName() + "-" + kind + "-" + run + ".log");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : consumers) {
            ConsumerProcess.kill9(p);
        }
        consumers.clear();
        if (graph != null) {
            graph.close();
        }
    }

    /** Order 2: the graphs are lost while no consumer runs; the next consumer repairs them unasked. */
    @Test
    void graphLostWhileNoConsumerRunsIsRepairedByTheNextConsumer() throws Exception {
        Workspace big = bigTenant();
        Workspace small = new Workspace(db.app).seed(40);
        Writer writer = new Writer(big, small);
        Process first = consumer();
        writer.start();
        Thread.sleep(2000);
        writer.stop();
        awaitDrained();
        assertEqual(big, small);                        // the steady state is exact
        ConsumerProcess.kill9(first);

        writer.writeFor(Duration.ofSeconds(1));         // waits in the outbox
        loseGraphs(List.of(big.tenant, small.tenant));
        assertThat(graph.graphExists(names.apply(big.tenant))).as("the graph is gone").isFalse();
        writer.writeFor(Duration.ofSeconds(1));

        long t0 = System.nanoTime();
        consumer();
        writer.start();
        awaitRecovered(t0, writer, big, small, "graph lost while no consumer ran");
    }

    /**
     * Order 1: a consumer starts rebuilding the lost graphs and is SIGKILLed 2 s into the big
     * tenant's rebuild; the consumer started after it finishes the rebuild.
     */
    @Test
    void consumerKilledDuringARebuildLeavesItToTheNextConsumer() throws Exception {
        Workspace big = bigTenant();
        Workspace small = new Workspace(db.app).seed(40);
        Writer writer = new Writer(big, small);
        Process first;
        if (lossNoticedWhileRunning()) {
            first = consumer();
            small.addTasks(1);
            awaitDrained();                              // it runs and has seen the server's instance
            writer.start();
            loseGraphs(List.of(big.tenant, small.tenant));
        } else {
            loseGraphs(List.of(big.tenant, small.tenant));
            first = consumer();
            writer.start();
        }
        await(Duration.ofSeconds(90), "the rebuild of the big tenant to start", () -> rebuildRunning(big.tenant));
        killWhileRebuilding(first, big);
        assertThat(requested(big.tenant)).as("the big tenant's rebuild was still running when its consumer was killed").isTrue();

        long t0 = System.nanoTime();
        consumer();
        awaitRecovered(t0, writer, big, small, "consumer killed 2 s into a rebuild");
    }

    // ------------------------------------------------------------------ helpers

    /** A tenant with thousands of tasks, built into the graph by a manual rebuild (which registers it). */
    private Workspace bigTenant() throws SQLException {
        Workspace w = new Workspace(db.app).seed(10);
        for (int done = 0; done < bigTenantTasks(); done += 5000) {
            w.addTasksBulk(Math.min(5000, bigTenantTasks() - done));
        }
        PostgresSync.builder(db.app, graph).graphNames(names).build().rebuild(w.tenant);
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox WHERE tenant_id = ?", w.tenant);
            return null;
        });
        return w;
    }

    private Process consumer() throws Exception {
        Process p = ConsumerProcess.start(db, graphSpec(), prefix, log);
        consumers.add(p);
        return p;
    }

    /**
     * Waits until no rebuild is requested, then stops the writers, waits for the outbox and
     * compares both tenants row by row and edge by edge; prints the recovery time.
     */
    private void awaitRecovered(long t0, Writer writer, Workspace big, Workspace small, String scenario) throws Exception {
        await(RECOVERY_LIMIT, "the rebuilds to finish", () -> requestedCount() == 0
                && graph.graphExists(names.apply(big.tenant)) && graph.graphExists(names.apply(small.tenant)));
        long rebuilt = System.nanoTime();
        writer.stop();
        awaitDrained();
        assertEqual(big, small);
        long equal = System.nanoTime();
        System.out.printf(Locale.ROOT, "recovery (%s, %s): rebuilds done %d ms after the replacement consumer started;"
                        + " graph equal to PostgreSQL (writers stopped, outbox drained) after %d ms; %d writes during the test%n",
                graph.name(), scenario, (rebuilt - t0) / 1_000_000, (equal - t0) / 1_000_000, writer.writes.get());
        assertThat(PostgresSync.registeredTenants(db.owner)).contains(big.tenant, small.tenant);
    }

    private void assertEqual(Workspace... tenants) throws SQLException {
        Reconciler rec = Reconciler.builder(db.owner, graph).graphNames(names).build();
        for (Workspace w : tenants) {
            DriftReport r = rec.check(w.tenant);
            assertThat(r.isClean()).as("tenant %s: %s", w.tenant, r).isTrue();
        }
    }

    private void awaitDrained() throws Exception {
        await(RECOVERY_LIMIT, "the outbox to drain", () -> {
            try {
                return db.outboxCount() == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void await(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private long requestedCount() {
        return db.owner.inTransaction(c -> Workspace.count(c,
                "SELECT count(*) FROM hybriddb_sync.hybriddb_graph_tenants WHERE rebuild_requested_at IS NOT NULL"));
    }

    private boolean requested(UUID tenant) {
        return db.owner.inTransaction(c -> Workspace.count(c, "SELECT count(*) FROM hybriddb_sync.hybriddb_graph_tenants "
                + "WHERE tenant_id = ? AND rebuild_requested_at IS NOT NULL", tenant)) > 0;
    }

    /** A rebuild of the tenant is requested, its sync lock is held, and its graph is being written. */
    /**
     * SIGKILLs the consumer 2 s into the big tenant's rebuild, or earlier once half of its tasks are
     * back in the graph (a quiet machine rebuilds fast), so that the kill lands inside the rebuild.
     */
    private void killWhileRebuilding(Process consumer, Workspace big) throws InterruptedException {
        String g = names.apply(big.tenant);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline
                && graph.query(g, "MATCH (n:Task) RETURN count(n) AS c", Map.of()).get(0).getLong("c") < bigTenantTasks() / 2) {
            Thread.sleep(50);
        }
        ConsumerProcess.kill9(consumer);
    }

    private boolean rebuildRunning(UUID tenant) {
        if (!requested(tenant)) {
            return false;
        }
        long held = db.owner.inTransaction(c -> Workspace.count(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2",
                (long) Tenants.LOCK_CLASS, tenant.hashCode() & 0xffffffffL));
        String g = names.apply(tenant);
        return held > 0 && graph.graphExists(g)
                && graph.query(g, "MATCH (n:Task) RETURN count(n) AS c", Map.of()).get(0).getLong("c") > 0;
    }

    /** A mixed stream of inserts, updates and deletes into both tenants, on a thread of this JVM. */
    private static final class Writer {
        private static final long PAUSE_MS = 200;
        final AtomicInteger writes = new AtomicInteger();
        private final Workspace[] tenants;
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;

        Writer(Workspace... tenants) {
            this.tenants = tenants;
        }

        void start() {
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    writeOnce();
                    sleep(PAUSE_MS);
                }
            }, "recovery-writer");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
        }

        void writeFor(Duration d) {
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end) {
                writeOnce();
                sleep(PAUSE_MS);
            }
        }

        private void writeOnce() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (Workspace w : tenants) {
                w.addTasks(1);
                UUID task = w.tasks.get(r.nextInt(w.tasks.size()));
                w.exec("UPDATE tasks SET title = ?, priority = ? WHERE id = ?", "renamed " + r.nextInt(), r.nextInt(5), task);
                if (w.taskDependencies.size() > 1) {
                    UUID dep = w.taskDependencies.remove(r.nextInt(w.taskDependencies.size()));
                    w.exec("DELETE FROM task_dependencies WHERE id = ?", dep);
                }
                writes.addAndGet(3);
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
