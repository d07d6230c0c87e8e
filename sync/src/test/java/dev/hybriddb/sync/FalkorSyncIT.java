package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sync against FalkorDB: the shared server, and a private one for the kill -9 test. */
class FalkorSyncIT extends AbstractSyncIT {

    @Override
    protected GraphBackend openBackend(SyncTestDb db) {
        FalkorService f = TestServices.falkor();
        return FalkorGraph.connect(f.host(), f.port());
    }

    @Test
    void killNineFalkorDuringTenThousandWrites() throws Exception {
        FalkorService server = TestServices.privateFalkor();
        try (FalkorGraph privateGraph = FalkorGraph.connect(server.host(), server.port())) {
            Workspace w = new Workspace(db.app).seed(0);
            AtomicInteger batchesWritten = new AtomicInteger();
            try (RealtimeSync rt = realtime(privateGraph, "kill").batchSize(2000).build()) {
                rt.start();
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        w.addTasksBulk(100);
                        batchesWritten.incrementAndGet();
                        pause(20);
                    }
                });
                writer.start();
                while (batchesWritten.get() < 30) {
                    Thread.sleep(20);
                }
                server.kill9();
                Thread.sleep(1500);
                server.start();
                writer.join();
                awaitDrained();
                // The private server keeps no snapshot: what it had acknowledged before the kill is
                // gone with it. The consumer notices the new server instance and rebuilds the graph.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (rt.metrics().graphRestarts() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                awaitDrained();
                rt.stop();
                assertThat(rt.metrics().graphRestarts()).as("restart noticed and recovered from").isEqualTo(1);
                assertThat(rt.metrics().errors()).isPositive();
                assertThat(rt.metrics().applied()).isGreaterThanOrEqualTo(10_000L);
            }
            Reconciler rec = Reconciler.builder(db.owner, privateGraph).graphNames(names("kill")).build();
            DriftReport after = rec.check(w.tenant);
            assertThat(after.isClean()).as("no drift without a manual repair: %s", after).isTrue();
            assertThat(db.outboxCount()).isZero();
            assertThat(privateGraph.query(names("kill").apply(w.tenant), "MATCH (n:Task) RETURN count(n) AS c",
                    java.util.Map.of()).get(0).getLong("c")).isEqualTo(10_000L);
        } finally {
            server.stop();
        }
    }

    @Test
    void aRestartRebuildsRegisteredTenantsThisConsumerNeverWrote() throws Exception {
        FalkorService server = TestServices.privateFalkor();
        try (FalkorGraph privateGraph = FalkorGraph.connect(server.host(), server.port())) {
            Workspace w = new Workspace(db.app).seed(5);
            emptyOutbox();                              // the graph comes from a manual sync, which registers w
            PostgresSync.builder(db.app, privateGraph).graphNames(names("rst")).build().syncWorkspace(w.tenant);
            long tasks = count(privateGraph, "rst", w);
            UUID gone = UUID.randomUUID();              // registered while its deletion was uncommitted, say
            db.owner.inTransaction(c -> {
                Workspace.exec(c, "INSERT INTO hybriddb_sync.hybriddb_graph_tenants (tenant_id) VALUES (?)", gone);
                return null;
            });
            try (RealtimeSync rt = realtime(privateGraph, "rst").build()) {
                rt.start();
                Thread.sleep(1500);                     // it has seen the server's instance id
                server.kill9();                         // no snapshot: the graph is gone
                server.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (rt.metrics().graphRestarts() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(rt.metrics().graphRestarts()).isEqualTo(1);
            }
            assertThat(count(privateGraph, "rst", w)).isEqualTo(tasks).isPositive();
            assertConverged(privateGraph, "rst", w.tenant);
            assertThat(privateGraph.graphExists(names("rst").apply(gone))).as("no empty graph for a tenant that is gone").isFalse();
            assertThat(PostgresSync.registeredTenants(db.owner)).doesNotContain(gone);
        } finally {
            server.stop();
        }
    }

    private long count(GraphBackend g, String kind, Workspace w) {
        return g.query(names(kind).apply(w.tenant), "MATCH (n:Task) RETURN count(n) AS c", java.util.Map.of()).get(0).getLong("c");
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void graphDownKeepsChangesInTheOutbox() throws Exception {
        FalkorService server = TestServices.privateFalkor();
        try (FalkorGraph privateGraph = FalkorGraph.connect(server.host(), server.port())) {
            Workspace w = new Workspace(db.app).seed(5);
            server.stop();
            try (RealtimeSync rt = realtime(privateGraph, "down").build()) {
                rt.start();
                w.addTasks(10);
                Thread.sleep(1000);
                assertThat(db.outboxCount()).isPositive();
                assertThat(rt.metrics().errors()).isPositive();
                assertThat(rt.metrics().backlog()).isPositive();
                server.start();
                awaitDrained();
                rt.stop(Duration.ofSeconds(10));
            }
            assertConverged(privateGraph, "down", w.tenant);
        } finally {
            server.stop();
        }
    }
}
