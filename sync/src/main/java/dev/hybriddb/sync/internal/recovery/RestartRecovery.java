package dev.hybriddb.sync.internal.recovery;

import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.apply.ApplyStats;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.apply.Rebuilder;
import dev.hybriddb.sync.internal.outbox.Outbox;
import dev.hybriddb.sync.projection.Projection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time consumer's graph recovery. Every registered tenant graph
 * ({@code hybriddb_graph_tenants}) is checked ({@link GraphCheck}) when the consumer starts and
 * after it reconnected ({@link #recheck()}); a graph server restart ({@link ServerRestartWatch})
 * requests a rebuild of every registered tenant. A needed rebuild is first recorded in
 * PostgreSQL ({@link RebuildRequests}, committed), then done one tenant per transaction under the
 * tenant's sync lock, and the request is cleared in that transaction; requests any consumer made
 * (one that died mid-rebuild included) are polled at most once a second. A tenant whose sync lock
 * is busy is tried again later; a registered tenant that no longer exists loses its registration
 * instead. Used by the sync worker thread only.
 */
public final class RestartRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RestartRecovery.class);
    private static final int PAGE_SIZE = 5000;
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private enum Outcome { DONE, BUSY, WAITING, GONE, REQUESTED }

    private final Database database;
    private final ServerRestartWatch watch;
    private final Rebuilder rebuilder;
    private final GraphCheck check;
    private final Function<UUID, String> graphNames;
    private final Set<UUID> toCheck = new LinkedHashSet<>();
    private final AtomicLong recovered = new AtomicLong();
    private boolean listToCheck = true;
    private boolean pollNow = true;
    private long nextPoll;
    private long nextCheck;
    private boolean restartToRecord;
    private boolean restartNoticed;

    public RestartRecovery(Database database, GraphBackend graph, Projection projection, GraphWriter writer,
                           Function<UUID, String> graphNames) {
        this.database = database;
        this.watch = new ServerRestartWatch(graph, INTERVAL);
        this.rebuilder = new Rebuilder(projection, writer, PAGE_SIZE);
        this.check = new GraphCheck(projection, graph);
        this.graphNames = graphNames;
    }

    /**
     * Notices a restart, checks the graphs due for a check and rebuilds what is requested. Throws
     * what PostgreSQL or the graph throws; the state stays, so the next call carries on.
     */
    public void run() {
        if (watch.restarted()) {
            restartToRecord = true;
        }
        if (restartToRecord) {                  // a separate step: recording may fail and is then retried
            int n = database.inTransaction(c -> RebuildRequests.requestAll(c, "graph server restarted"));
            restartToRecord = false;
            restartNoticed = true;
            pollNow = true;
            LOG.warn("the graph server restarted (new instance id) and may have lost acknowledged writes;"
                    + " rebuilding {} tenant graph(s) from PostgreSQL", n);
        }
        if (listToCheck) {
            toCheck.addAll(database.inTransaction(Outbox::graphTenants));
            listToCheck = false;
            nextCheck = System.nanoTime();
        }
        if (!toCheck.isEmpty() && System.nanoTime() - nextCheck >= 0) {
            checkGraphs();
            nextCheck = System.nanoTime() + INTERVAL.toNanos();
        }
        if (pollNow || System.nanoTime() - nextPoll >= 0) {
            rebuildRequested();
        }
    }

    /** After a reconnect (to PostgreSQL or the graph): every registered graph is checked again. */
    public void recheck() {
        listToCheck = true;
        pollNow = true;
    }

    /** Restarts of the graph server recovered from (every rebuild they requested done). */
    public long recovered() {
        return recovered.get();
    }

    private void checkGraphs() {
        for (Iterator<UUID> it = toCheck.iterator(); it.hasNext(); ) {
            UUID tenant = it.next();
            String graph = graphNames.apply(tenant);
            Outcome o = database.inTenant(tenant, c -> {
                if (!Tenants.tryLock(c, tenant)) {
                    return Outcome.BUSY;
                }
                if (Outbox.forgetIfDeleted(c, tenant)) {
                    return Outcome.GONE;
                }
                if (RebuildRequests.requestedAt(c, tenant) != null) {
                    return Outcome.DONE;            // already requested: rebuildRequested() does it
                }
                GraphCheck.Result r = check.check(c, tenant, graph);
                if (r.verdict() == GraphCheck.Verdict.DIFFERS) {
                    RebuildRequests.request(c, tenant, r.detail());
                    LOG.warn("tenant {}: {}; rebuilding it from PostgreSQL", tenant, r.detail());
                    return Outcome.REQUESTED;
                }
                return r.verdict() == GraphCheck.Verdict.MATCHES ? Outcome.DONE : Outcome.WAITING;
            });
            if (o == Outcome.REQUESTED) {
                pollNow = true;
            }
            if (o != Outcome.BUSY && o != Outcome.WAITING) {
                it.remove();
            }
        }
    }

    private void rebuildRequested() {
        List<UUID> pending = database.inTransaction(RebuildRequests::pending);
        boolean busy = false;
        for (UUID tenant : pending) {
            busy |= rebuild(tenant) == Outcome.BUSY;
        }
        pollNow = false;
        nextPoll = System.nanoTime() + INTERVAL.toNanos();
        if (restartNoticed && !busy) {
            restartNoticed = false;
            recovered.incrementAndGet();
        }
    }

    private Outcome rebuild(UUID tenant) {
        String graph = graphNames.apply(tenant);
        long start = System.nanoTime();
        Object r = database.inTenant(tenant, c -> {
            if (!Tenants.tryLock(c, tenant)) {
                return Outcome.BUSY;                // another consumer rebuilds it, or a round holds it: later
            }
            OffsetDateTime seen = RebuildRequests.requestedAt(c, tenant);
            if (seen == null) {
                return Outcome.DONE;                // another consumer finished it
            }
            if (Outbox.forgetIfDeleted(c, tenant)) {
                return Outcome.GONE;
            }
            ApplyStats s = rebuilder.rebuild(c, tenant, graph, SyncListener.none());
            RebuildRequests.clear(c, tenant, seen);
            return s;
        });
        if (r == Outcome.GONE) {
            LOG.info("tenant {} no longer exists: its registration is removed and no graph {} is made", tenant, graph);
        } else if (r instanceof ApplyStats s) {
            LOG.info("rebuilt graph {} from PostgreSQL: {} nodes, {} edges in {} ms", graph, s.nodesUpserted, s.edgesWritten,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return r instanceof Outcome o ? o : Outcome.DONE;
    }
}
