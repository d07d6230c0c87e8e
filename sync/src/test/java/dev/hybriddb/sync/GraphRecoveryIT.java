package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.recovery.GraphCheck.Verdict;
import dev.hybriddb.sync.internal.recovery.GraphCheck;
import dev.hybriddb.sync.internal.recovery.RebuildRequests;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pieces of graph recovery on real servers: the check's verdicts and the requests' lifecycle. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphRecoveryIT {
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final Function<UUID, String> names = t -> Identifiers.graph("grc_" + run + "_" + t.toString().replace("-", "").substring(0, 12));
    private SyncTestDb db;
    private FalkorGraph graph;
    private Workspace w;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_graphrecovery");
        FalkorService f = TestServices.falkor();
        graph = FalkorGraph.connect(f.host(), f.port());
    }

    @AfterAll
    void tearDown() {
        if (graph != null) {
            graph.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void syncedTenant() {
        w = new Workspace(db.app).seed(6);
        PostgresSync.builder(db.app, graph).graphNames(names).build().rebuild(w.tenant);
        emptyOutbox();
    }

    @Test
    void theCheckSeesAMissingGraphAWrongNodeCountAndWaitsForOutboxRows() {
        assertThat(check().verdict()).isEqualTo(Verdict.MATCHES);
        graph.execute(names.apply(w.tenant), "MATCH (n:Task) WITH n LIMIT 1 DETACH DELETE n", java.util.Map.of());
        GraphCheck.Result r = check();
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(r.detail()).contains("Task").contains("6 rows");
        w.addTasks(1);                                  // an outbox row waits: counts cannot be compared
        assertThat(check().verdict()).isEqualTo(Verdict.UNKNOWN);
        graph.dropGraph(names.apply(w.tenant));         // ... but a missing graph is missing anyway
        assertThat(check().verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(check().detail()).contains("missing");
    }

    @Test
    void aTenantWithoutRowsNeedsNoGraph() {
        UUID empty = UUID.randomUUID();
        GraphCheck.Result r = db.owner.inTenant(empty, c -> new GraphCheck(Projection.defaults(), graph).check(c, empty, names.apply(empty)));
        assertThat(r.verdict()).isEqualTo(Verdict.MATCHES);
        assertThat(graph.graphExists(names.apply(empty))).isFalse();
    }

    @Test
    void aRequestMadeWhileItsRebuildRunsOutlivesThatRebuild() throws Exception {
        int requested = db.owner.inTransaction(c -> RebuildRequests.requestAll(c, "test restart"));
        assertThat(requested).isPositive();
        assertThat(db.owner.inTransaction(RebuildRequests::pending)).contains(w.tenant);
        try (Connection rebuild = db.ownerPool.getConnection()) {
            rebuild.setAutoCommit(false);
            Tenants.lock(rebuild, w.tenant);
            OffsetDateTime seen = RebuildRequests.requestedAt(rebuild, w.tenant);
            assertThat(seen).isNotNull();
            Thread.sleep(5);
            db.owner.inTransaction(c -> RebuildRequests.request(c, w.tenant, "a second restart"));
            assertThat(RebuildRequests.clear(rebuild, w.tenant, seen)).as("the newer request is not cleared").isFalse();
            rebuild.commit();
        }
        assertThat(db.owner.inTransaction(RebuildRequests::pending)).contains(w.tenant);
        OffsetDateTime now = db.owner.inTransaction(c -> RebuildRequests.requestedAt(c, w.tenant));
        boolean cleared = db.owner.inTransaction(c -> RebuildRequests.clear(c, w.tenant, now));
        assertThat(cleared).isTrue();
        assertThat(db.owner.inTransaction(RebuildRequests::pending)).doesNotContain(w.tenant);
    }

    @Test
    void aConsumerStartingWithARequestPendingRebuildsAndClearsIt() throws Exception {
        graph.dropGraph(names.apply(w.tenant));
        db.owner.inTransaction(c -> RebuildRequests.request(c, w.tenant, "left by a consumer that died"));
        try (RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), graph).graphNames(names).build()) {
            rt.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (db.owner.inTransaction(RebuildRequests::pending).contains(w.tenant) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(db.owner.inTransaction(RebuildRequests::pending)).doesNotContain(w.tenant);
        assertThat(Reconciler.builder(db.owner, graph).graphNames(names).build().check(w.tenant).isClean()).isTrue();
        assertThat(check().verdict()).isEqualTo(Verdict.MATCHES);
    }

    private GraphCheck.Result check() {
        return db.owner.inTenant(w.tenant, c -> {
            Tenants.lock(c, w.tenant);
            return new GraphCheck(Projection.defaults(), graph).check(c, w.tenant, names.apply(w.tenant));
        });
    }

    private void emptyOutbox() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }
}
