package dev.hybriddb.sync.internal;

import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.sync.Projection;
import dev.hybriddb.sync.SyncListener;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time consumer's answer to a graph server restart ({@link ServerRestartWatch}): every
 * tenant graph HybridDB sync has written (registered by any sync path, or written by this consumer) is
 * rebuilt from PostgreSQL, one tenant per transaction under its sync lock, before the next outbox
 * round; a registered tenant that no longer exists loses its registration instead. A rebuild that
 * fails stays pending and runs again on the next call. Used by the sync worker thread only.
 */
public final class RestartRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RestartRecovery.class);
    private static final int PAGE_SIZE = 5000;
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Database database;
    private final ServerRestartWatch watch;
    private final Rebuilder rebuilder;
    private final Function<UUID, String> graphNames;
    private final Supplier<Set<UUID>> tenants;
    private final Set<UUID> pending = new LinkedHashSet<>();
    private final AtomicLong recovered = new AtomicLong();
    private boolean restartNoticed;
    private boolean listPending;

    public RestartRecovery(Database database, GraphBackend graph, Projection projection, GraphWriter writer,
                           Function<UUID, String> graphNames, Supplier<Set<UUID>> tenants) {
        this.database = database;
        this.watch = new ServerRestartWatch(graph, CHECK_INTERVAL);
        this.rebuilder = new Rebuilder(projection, writer, PAGE_SIZE);
        this.graphNames = graphNames;
        this.tenants = tenants;
    }

    /** Checks for a restart (at most once a second) and rebuilds what is pending. */
    public void run() {
        if (watch.restarted()) {
            restartNoticed = true;
            listPending = true;
        }
        if (listPending) {                      // a separate step: listing may fail and is then retried
            pending.addAll(tenants.get());
            listPending = false;
            LOG.warn("the graph server restarted (new instance id) and may have lost acknowledged writes;"
                    + " rebuilding {} tenant graph(s) from PostgreSQL", pending.size());
        }
        for (Iterator<UUID> it = pending.iterator(); it.hasNext(); ) {
            UUID tenant = it.next();
            String graph = graphNames.apply(tenant);
            ApplyStats s = Tenants.inTenant(database, tenant,
                    c -> Outbox.forgetIfDeleted(c, tenant) ? null : rebuilder.rebuild(c, tenant, graph, SyncListener.none()));
            it.remove();
            if (s == null) {
                LOG.info("tenant {} no longer exists: its registration is removed and no graph {} is made", tenant, graph);
            } else {
                LOG.info("rebuilt graph {} after the graph server restarted: {} nodes, {} edges", graph, s.nodesUpserted,
                        s.edgesWritten);
            }
        }
        if (restartNoticed) {
            restartNoticed = false;
            recovered.incrementAndGet();
        }
    }

    /** Restarts of the graph server recovered from (every pending graph rebuilt). */
    public long recovered() {
        return recovered.get();
    }
}
