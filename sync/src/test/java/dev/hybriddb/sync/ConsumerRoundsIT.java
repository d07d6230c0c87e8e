package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.outbox.OutboxConsumer;
import dev.hybriddb.sync.internal.outbox.RoundResult;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How rounds choose their tenants: under a backlog a round takes the sync locks of as few tenants
 * as fill it and claims only their rows, so a second consumer, running at the same time, applies
 * another tenant instead of claiming rows it cannot apply; a short backlog is applied for every
 * tenant in one round. Two consumers are driven round by round on two connections, with the
 * first round's transaction still open while the second runs.
 */
class ConsumerRoundsIT {
    private static final int CHANGES_PER_TENANT = 20;

    private SyncTestDb db;
    private GraphBackend graph;
    private Workspace a;
    private Workspace b;
    private final String prefix = "rounds_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final Function<UUID, String> names =
            t -> Identifiers.graph(prefix + t.toString().replace("-", "").substring(0, 12));

    @BeforeEach
    void setUp() {
        db = SyncTestDb.create("sync_rounds");
        FalkorService falkor = TestServices.falkor();
        graph = FalkorGraph.connect(falkor.host(), falkor.port());
        a = new Workspace(db.app).seed(5);
        b = new Workspace(db.app).seed(5);
        PostgresSync sync = PostgresSync.builder(db.owner, graph).graphNames(names).build();
        sync.syncWorkspace(a.tenant);
        sync.syncWorkspace(b.tenant);
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        for (int i = 0; i < CHANGES_PER_TENANT; i++) {          // interleaved: a's row is the oldest
            a.exec("UPDATE tasks SET priority = ? WHERE id = ?", 100 + i, a.tasks.get(i % a.tasks.size()));
            b.exec("UPDATE tasks SET priority = ? WHERE id = ?", 200 + i, b.tasks.get(i % b.tasks.size()));
        }
    }

    @AfterEach
    void tearDown() {
        if (graph != null) {
            for (Workspace w : new Workspace[] {a, b}) {
                if (w != null) {
                    graph.dropGraph(names.apply(w.tenant));
                }
            }
            graph.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void underABacklogTwoConsumersTakeOneTenantEachInsteadOfContending() throws Exception {
        OutboxConsumer first = consumer();
        OutboxConsumer second = consumer();
        try (Connection c1 = db.ownerPool.getConnection(); Connection c2 = db.ownerPool.getConnection()) {
            c1.setAutoCommit(false);
            c2.setAutoCommit(false);
            RoundResult r1 = first.round(c1, CHANGES_PER_TENANT, Set.of());
            RoundResult r2 = second.round(c2, CHANGES_PER_TENANT, Set.of());       // while the first still holds a
            assertThat(r1.succeeded()).containsExactly(a.tenant);
            assertThat(r1.claimed()).isEqualTo(CHANGES_PER_TENANT);
            assertThat(r2.succeeded()).containsExactly(b.tenant);
            assertThat(r2.claimed()).isEqualTo(CHANGES_PER_TENANT);
            assertThat(r2.deferred()).isZero();
            assertThat(r2.busyTenants()).containsExactly(a.tenant);
            c1.commit();
            c2.commit();
        }
        assertThat(db.outboxCount()).isZero();
        assertGraphsEqualPostgres();
    }

    @Test
    void aShortBacklogIsAppliedForEveryTenantInOneRound() throws Exception {
        try (Connection c = db.ownerPool.getConnection()) {
            c.setAutoCommit(false);
            RoundResult r = consumer().round(c, 1000, Set.of());
            c.commit();
            assertThat(r.succeeded()).containsExactlyInAnyOrder(a.tenant, b.tenant);
            assertThat(r.claimed()).isEqualTo(2 * CHANGES_PER_TENANT);
        }
        assertThat(db.outboxCount()).isZero();
        assertGraphsEqualPostgres();
    }

    @Test
    void aTenantHeldElsewhereIsLeftForItsHolderEvenWhenItsRowsAreOldest() throws Exception {
        try (Connection holder = db.ownerPool.getConnection(); Connection c = db.ownerPool.getConnection()) {
            holder.setAutoCommit(false);
            c.setAutoCommit(false);
            dev.hybriddb.sync.internal.Tenants.lock(holder, a.tenant);           // a rebuild, a manual sync
            RoundResult r = consumer().round(c, 1000, Set.of());
            c.commit();
            assertThat(r.succeeded()).containsExactly(b.tenant);
            assertThat(r.busyTenants()).containsExactly(a.tenant);
            assertThat(r.claimed()).isEqualTo(CHANGES_PER_TENANT);
            holder.rollback();
        }
        assertThat(db.outboxCount()).isEqualTo(CHANGES_PER_TENANT);
    }

    @Test
    void withTwoRoundsInFlightARealtimeConsumerRunsRoundsOfTwoTenantsAtOnce() throws Exception {
        assertThat(drainWithRoundsInFlight(2)).as("node upserts of two rounds at once").isEqualTo(2);
        assertGraphsEqualPostgres();
    }

    @Test
    void withOneRoundInFlightRoundsRunOneAfterAnother() throws Exception {
        assertThat(drainWithRoundsInFlight(1)).as("node upserts of two rounds at once").isEqualTo(1);
        assertGraphsEqualPostgres();
    }

    /** Drains the backlog with a RealtimeSync of small rounds; returns how many node upserts ran at once at most. */
    private int drainWithRoundsInFlight(int rounds) throws Exception {
        SlowGraph slow = new SlowGraph(graph, 300);
        try (RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), slow).graphNames(names)
                .batchSize(CHANGES_PER_TENANT / 4).roundsInFlight(rounds).build()) {
            rt.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (db.outboxCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(db.outboxCount()).isZero();
        return slow.mostInside.get();
    }

    private OutboxConsumer consumer() {
        return new OutboxConsumer(Projection.defaults(), new GraphWriter(graph, 1000), names);
    }

    private void assertGraphsEqualPostgres() {
        Reconciler r = Reconciler.builder(db.owner, graph).graphNames(names).build();
        assertThat(r.check(a.tenant).isClean()).isTrue();
        assertThat(r.check(b.tenant).isClean()).isTrue();
        for (Workspace w : new Workspace[] {a, b}) {
            long moved = (long) graph.query(names.apply(w.tenant), "MATCH (t:Task) WHERE t.priority >= 100 RETURN count(t) AS n",
                    Map.of()).get(0).getLong("n");
            assertThat(moved).as("tasks whose update reached the graph").isEqualTo(Math.min(CHANGES_PER_TENANT, w.tasks.size()));
        }
    }
}
