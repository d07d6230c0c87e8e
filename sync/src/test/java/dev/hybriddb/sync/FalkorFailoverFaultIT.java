package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorSentinelGroup;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The graph server fails under a running real-time sync and a stream of writes, and comes back
 * with no manual step: the FalkorDB master is SIGKILLed under Sentinel (its replica promoted, once
 * in step and once missing acknowledged writes), or the server is frozen with SIGSTOP for longer
 * than the client's timeouts and resumed. Each ends with the outbox empty, every committed write
 * in PostgreSQL, and the graph equal to PostgreSQL row by row and edge by edge
 * ({@link Reconciler#check(UUID)}; nothing here repairs), within a bounded time, which is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FalkorFailoverFaultIT {
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private SyncTestDb db;
    private Function<UUID, String> names;

    @BeforeAll
    void setUpDatabase() {
        db = SyncTestDb.create("sync_falkor_failover");
    }

    @AfterAll
    void tearDownDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void clean() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_graph_tenants");
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        names = ConsumerProcess.names("fo" + UUID.randomUUID().toString().substring(0, 6) + "_");
    }

    @Test
    void masterKilledUnderSentinelDuringAWriteStream() throws Exception {
        try (FalkorSentinelGroup group = TestServices.privateFalkorSentinel(1, 2, 1);
             FalkorGraph graph = FalkorGraph.connect(sentinelConfig(group))) {
            Run run = startRun(graph);
            FalkorService old = group.currentMaster();
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            old.kill9();
            FalkorService promoted = group.awaitFailoverFrom(old, Duration.ofSeconds(60));
            long failedOver = System.nanoTime();
            Thread.sleep(1500);                               // writes go on after the failover
            run.finish(t0, String.format(Locale.ROOT, "FalkorDB master killed under Sentinel; replica promoted after %d ms",
                    (failedOver - t0) / 1_000_000));
            assertThat(group.currentMaster().port()).isEqualTo(promoted.port());
            assertThat(run.sync.metrics().graphRestarts()).as("the new master is a new server instance").isPositive();
        }
    }

    /**
     * The replica differs from the master in what the master acknowledged (written on the replica
     * directly, made writable for the purpose: the state a replica is in when the master dies
     * before its last writes were replicated), and is promoted when the master dies. Node counts
     * agree, so only the new server instance tells the sync; it rebuilds the tenants from
     * PostgreSQL.
     */
    @Test
    void replicaPromotedWithoutAcknowledgedWritesIsRebuilt() throws Exception {
        try (FalkorSentinelGroup group = TestServices.privateFalkorSentinel(1, 2, 1);
             FalkorGraph graph = FalkorGraph.connect(sentinelConfig(group))) {
            Run run = startRun(graph);
            FalkorService master = group.currentMaster();
            FalkorService replica = group.servers().stream().filter(s -> s.port() != master.port()).findFirst().orElseThrow();
            replica.command("CONFIG", "SET", "replica-read-only", "no");
            String g = names.apply(run.tenants.get(0).tenant);
            replica.command("GRAPH.QUERY", g, "MATCH (t:Task) SET t.title = 'lost update'");
            List<?> stale = (List<?>) replica.command("GRAPH.RO_QUERY", g, "MATCH (t:Task {title: 'lost update'}) RETURN count(t)");
            assertThat(stale.toString()).as("the replica misses updates the master acknowledged").doesNotContain("[[0]]");
            Thread.sleep(500);
            long t0 = System.nanoTime();
            master.kill9();
            group.awaitFailoverFrom(master, Duration.ofSeconds(60));
            long failedOver = System.nanoTime();
            Thread.sleep(1000);
            run.finish(t0, String.format(Locale.ROOT, "replica with lost updates promoted %d ms after the master was killed",
                    (failedOver - t0) / 1_000_000));
            assertThat(run.sync.metrics().graphRestarts()).isPositive();
        }
    }

    @Test
    void graphFrozenLongerThanTheTimeoutsThenResumed() throws Exception {
        FalkorService server = TestServices.privateFalkor();
        try (FalkorGraph graph = FalkorGraph.connect(timeouts(FalkorConfig.builder(server.host(), server.port())).build())) {
            Run run = startRun(graph);
            Thread.sleep(1000);
            server.sigstop();
            Thread.sleep(TIMEOUT.toMillis() * 3);             // every client timeout passes while frozen
            long t0 = System.nanoTime();
            server.sigcont();
            Thread.sleep(1000);
            run.finish(t0, "FalkorDB frozen (SIGSTOP) for " + TIMEOUT.toMillis() * 3 + " ms, socket timeout "
                    + TIMEOUT.toMillis() + " ms; times from SIGCONT");
            assertThat(run.sync.metrics().graphRestarts()).as("the same server instance: nothing to rebuild").isZero();
            assertThat(run.sync.metrics().errors()).as("the stall was noticed").isPositive();
        } finally {
            server.sigcont();
            server.stop();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static FalkorConfig sentinelConfig(FalkorSentinelGroup group) {
        List<FalkorConfig.Address> sentinels = group.sentinels().stream()
                .map(s -> new FalkorConfig.Address(s.host(), s.port())).toList();
        return timeouts(FalkorConfig.sentinel(FalkorSentinelGroup.MASTER_NAME, sentinels)).build();
    }

    private static FalkorConfig.Builder timeouts(FalkorConfig.Builder b) {
        return b.connectTimeout(Duration.ofMillis(500)).socketTimeout(TIMEOUT).queryTimeout(TIMEOUT)
                .borrowTimeout(Duration.ofSeconds(2));
    }

    /** Two seeded tenants, a running sync that has caught up, and a writer streaming into both. */
    private Run startRun(GraphBackend graph) throws Exception {
        List<Workspace> tenants = List.of(new Workspace(db.app).seed(20), new Workspace(db.app).seed(20));
        RealtimeSync sync = RealtimeSync.builder(db.owner, db.listen(), graph).graphNames(names)
                .pollInterval(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1)).batchSize(200).build();
        sync.start();
        Run run = new Run(graph, sync, tenants, new StreamWriter(tenants, 100));
        await(RECOVERY_LIMIT, "the first sync", () -> outboxCount() == 0);
        run.assertEqual();
        run.writer.start();
        return run;
    }

    private final class Run {
        final GraphBackend graph;
        final RealtimeSync sync;
        final List<Workspace> tenants;
        final StreamWriter writer;
        final int seededTasks;

        Run(GraphBackend graph, RealtimeSync sync, List<Workspace> tenants, StreamWriter writer) {
            this.graph = graph;
            this.sync = sync;
            this.tenants = tenants;
            this.writer = writer;
            this.seededTasks = tenants.stream().mapToInt(w -> w.tasks.size()).sum();
        }

        /** Stops the writer, waits for the outbox and the rebuilds, compares, prints the recovery time. */
        void finish(long t0, String scenario) throws Exception {
            try {
                writer.stop();
                long stopped = System.nanoTime();
                await(RECOVERY_LIMIT, "the outbox to drain and the rebuilds to finish", () -> outboxCount() == 0 && rebuildsPending() == 0);
                long drained = System.nanoTime();
                assertEqual();
                long equal = System.nanoTime();
                assertThat(tasksInPostgres()).as("every committed insert is in PostgreSQL")
                        .isEqualTo(seededTasks + writer.tasksInserted.get());
                System.out.printf(Locale.ROOT, "recovery (falkordb, %s): outbox empty and rebuilds done %d ms after the fault"
                                + " (%d ms after the writers stopped); graph equal to PostgreSQL after %d ms; %d write steps, %d tasks inserted%n",
                        scenario, (drained - t0) / 1_000_000, (drained - stopped) / 1_000_000, (equal - t0) / 1_000_000,
                        writer.steps.get(), writer.tasksInserted.get());
            } finally {
                sync.close();
            }
        }

        void assertEqual() {
            Reconciler rec = Reconciler.builder(db.owner, graph).graphNames(names).build();
            for (Workspace w : tenants) {
                DriftReport r = rec.check(w.tenant);
                assertThat(r.isClean()).as("tenant %s: %s", w.tenant, r).isTrue();
            }
        }

        private long tasksInPostgres() {
            long n = 0;
            for (Workspace w : tenants) {
                n += db.app.inTenant(w.tenant, c -> Workspace.count(c, "SELECT count(*) FROM tasks WHERE tenant_id = ?", w.tenant));
            }
            return n;
        }
    }

    private long outboxCount() {
        try {
            return db.outboxCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rebuildsPending() {
        return db.owner.inTransaction(c -> Workspace.count(c,
                "SELECT count(*) FROM hybriddb_sync.hybriddb_graph_tenants WHERE rebuild_requested_at IS NOT NULL"));
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
}
