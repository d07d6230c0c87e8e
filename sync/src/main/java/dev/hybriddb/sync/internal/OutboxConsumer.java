package dev.hybriddb.sync.internal;

import dev.hybriddb.sync.Projection;
import dev.hybriddb.sync.SyncListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claiming round, in one transaction on {@code c}: claim a batch (FOR UPDATE SKIP LOCKED),
 * per tenant take its sync lock (tenants another writer holds stay for a later round), read the
 * current rows, apply them to the graph, delete the applied outbox rows. A TRUNCATE row rebuilds
 * every registered tenant graph. The caller commits after this returns (the graph has
 * acknowledged) and calls {@link #committed()}, or rolls back and calls {@link #rolledBack()}.
 */
public final class OutboxConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);
    private static final char TRUNCATE = 'T';
    private static final int REBUILD_PAGE_SIZE = 5000;

    private final Projection projection;
    private final ChangeApplier applier;
    private final GraphWriter writer;
    private final Function<UUID, String> graphNames;
    private final Rebuilder rebuilder;
    private final Set<UUID> written = ConcurrentHashMap.newKeySet();
    private final GraphTenantRegistry registry = new GraphTenantRegistry();
    private final List<UUID> registeredThisRound = new ArrayList<>();

    public OutboxConsumer(Projection projection, GraphWriter writer, Function<UUID, String> graphNames) {
        this.projection = projection;
        this.writer = writer;
        this.applier = new ChangeApplier(projection, writer);
        this.rebuilder = new Rebuilder(projection, writer, REBUILD_PAGE_SIZE);
        this.graphNames = graphNames;
    }

    public RoundResult round(Connection c, int batchSize, Set<UUID> busy) throws SQLException {
        List<OutboxRow> rows = Outbox.claim(c, batchSize, busy);
        ApplyStats stats = new ApplyStats();
        Set<UUID> deferredTenants = new HashSet<>();
        if (rows.isEmpty()) {
            return new RoundResult(0, 0, 0, deferredTenants, -1, stats);
        }
        Map<UUID, List<OutboxRow>> byTenant = new LinkedHashMap<>();
        List<OutboxRow> truncates = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (OutboxRow r : rows) {
            if (!projection.projects(r.table())) {
                LOG.warn("dropping outbox row {} of table {}: table not projected", r.id(), r.table());
                done.add(r.id());
            } else if (r.op() == TRUNCATE) {
                truncates.add(r);
            } else if (r.tenantId() == null) {
                LOG.warn("dropping outbox row {} of table {}: no tenant", r.id(), r.table());
                done.add(r.id());
            } else {
                byTenant.computeIfAbsent(r.tenantId(), t -> new ArrayList<>()).add(r);
            }
        }
        if (!truncates.isEmpty()) {
            rebuildAfterTruncate(c, truncates, done, stats);
        }
        int deferred = 0;
        for (Map.Entry<UUID, List<OutboxRow>> e : byTenant.entrySet()) {
            UUID tenant = e.getKey();
            if (!Tenants.tryLock(c, tenant)) {
                deferred += e.getValue().size();
                deferredTenants.add(tenant);
                continue;
            }
            Tenants.setTenant(c, tenant);
            String graph = graphNames.apply(tenant);
            if (!Tenants.exists(c, tenant) && !writer.backend().graphExists(graph)) {
                LOG.info("{} change(s) of tenant {}, which no longer exists and has no graph: nothing to project",
                        e.getValue().size(), tenant);
                e.getValue().forEach(r -> done.add(r.id()));
                continue;
            }
            ChangeSet cs = new ChangeSet();
            e.getValue().forEach(r -> Outbox.addTo(cs, projection, r));
            writer.backend().ensureGraph(graph);
            stats.add(applier.apply(c, tenant, graph, cs));
            written.add(tenant);
            registry.register(c, tenant);
            registeredThisRound.add(tenant);
            e.getValue().forEach(r -> done.add(r.id()));
        }
        long lag = Outbox.delete(c, done);
        return new RoundResult(rows.size(), done.size(), deferred, deferredTenants, lag, stats);
    }

    /**
     * A projected table was truncated: TRUNCATE ignores row-level security, so whose rows went is
     * unknown. Every registered tenant's graph that exists (and every graph this consumer wrote) is
     * rebuilt from PostgreSQL in this transaction, then the 'T' rows are done. The tenants' sync locks are
     * waited for (a busy tenant would otherwise make every retry rebuild them all again), in the
     * order of their lock keys, so two consumers rebuilding at once cannot deadlock; no other
     * path waits for a second tenant's lock while holding one.
     */
    private void rebuildAfterTruncate(Connection c, List<OutboxRow> truncates, List<Long> done, ApplyStats stats)
            throws SQLException {
        Set<UUID> tenants = new TreeSet<>(Comparator.comparingInt(UUID::hashCode).thenComparing(Comparator.naturalOrder()));
        tenants.addAll(tenantsToRebuild(c));
        LOG.info("TRUNCATE of {}: rebuilding {} tenant graph(s) from PostgreSQL",
                truncates.stream().map(OutboxRow::table).distinct().toList(), tenants.size());
        for (UUID tenant : tenants) {
            String graph = graphNames.apply(tenant);
            if (!writer.backend().graphExists(graph)) {
                continue;                       // nothing a TRUNCATE could have left stale (and no empty graph made)
            }
            Tenants.lock(c, tenant);
            Tenants.setTenant(c, tenant);
            stats.add(rebuilder.rebuild(c, tenant, graph, SyncListener.none()));
        }
        truncates.forEach(r -> done.add(r.id()));
    }

    /** Whose graphs a TRUNCATE or a graph server restart rebuilds: every registered tenant, and every one this consumer wrote. */
    public Set<UUID> tenantsToRebuild(Connection c) throws SQLException {
        Set<UUID> out = new LinkedHashSet<>(Outbox.graphTenants(c));
        out.addAll(written);
        return out;
    }

    /** The round's transaction committed: its registrations hold. */
    public void committed() {
        registeredThisRound.forEach(registry::committed);
        registeredThisRound.clear();
    }

    /** The round's transaction rolled back: its registrations are repeated next time. */
    public void rolledBack() {
        registeredThisRound.clear();
    }
}
