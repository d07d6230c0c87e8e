package dev.hybriddb.sync.internal.outbox;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphTimeoutException;
import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.apply.ApplyStats;
import dev.hybriddb.sync.internal.apply.ChangeApplier;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.apply.Rebuilder;
import dev.hybriddb.sync.internal.projection.ChangeSet;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * One claiming round, in one transaction on {@code c}: take the sync locks of the tenants whose
 * rows are oldest (tenants another writer holds stay for a later round, or for that writer),
 * claim a batch of their rows (FOR UPDATE SKIP LOCKED), read the current rows, apply them to the
 * graph, delete the applied outbox rows. Each tenant's step runs
 * under its own savepoint, so one tenant's failure leaves the others' rows applied. A TRUNCATE row rebuilds
 * every registered tenant graph. The caller commits after this returns (the graph has
 * acknowledged) and calls {@link #committed()}, or rolls back and calls {@link #rolledBack()}, on
 * the thread that ran the round. Rounds may run on several threads at once (each on its own
 * connection); the tenants' sync locks keep them on different tenants.
 */
public final class OutboxConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);
    private static final char TRUNCATE = 'T';
    private static final int REBUILD_PAGE_SIZE = 5000;
    /** How many of the oldest rows, in batches, a round looks at to choose its tenants. */
    static final int PEEK_FACTOR = 2;

    private final Projection projection;
    private final ChangeApplier applier;
    private final GraphWriter writer;
    private final Function<UUID, String> graphNames;
    private final Rebuilder rebuilder;
    private final Set<UUID> written = ConcurrentHashMap.newKeySet();
    private final GraphTenantRegistry registry = new GraphTenantRegistry();
    /** Registrations of the round running on the current thread (a consumer may run rounds on several threads). */
    private final ThreadLocal<List<UUID>> registeredThisRound = ThreadLocal.withInitial(ArrayList::new);
    /** Graphs this consumer made sure exist; forgotten when a step or round fails (the graph may be gone). */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public OutboxConsumer(Projection projection, GraphWriter writer, Function<UUID, String> graphNames) {
        this.projection = projection;
        this.writer = writer;
        this.applier = new ChangeApplier(projection, writer);
        this.rebuilder = new Rebuilder(projection, writer, REBUILD_PAGE_SIZE);
        this.graphNames = graphNames;
    }

    public RoundResult round(Connection c, int batchSize, Set<UUID> busy) throws SQLException {
        return round(c, batchSize, busy, Map.of());
    }

    /**
     * One round. {@code busy} tenants are skipped; {@code limited} tenants (which failed lately)
     * contribute at most their limit of rows, claimed after the others' so that their step comes
     * last. Each tenant's step runs under a savepoint: a step that fails for that tenant alone (a
     * statement that timed out, a query the graph refused, an SQL error of its rows) is rolled back
     * to the savepoint and reported in {@link RoundResult#failed()}, and the round goes on with
     * the other tenants. A graph server that cannot be reached, or a lost PostgreSQL connection,
     * fails the round as a whole.
     */
    public RoundResult round(Connection c, int batchSize, Set<UUID> busy, Map<UUID, Integer> limited) throws SQLException {
        Set<UUID> skip = new HashSet<>(busy);
        skip.addAll(limited.keySet());
        Set<UUID> deferredTenants = new HashSet<>();
        Set<UUID> locked = lockTenants(c, batchSize, skip, deferredTenants);
        List<OutboxRow> rows = new ArrayList<>(Outbox.claimTenants(c, batchSize, locked));
        for (Map.Entry<UUID, Integer> l : limited.entrySet()) {
            if (!busy.contains(l.getKey())) {
                rows.addAll(Outbox.claimTenant(c, l.getKey(), l.getValue()));
            }
        }
        ApplyStats stats = new ApplyStats();
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
        Set<UUID> succeeded = new HashSet<>();
        Map<UUID, RoundResult.TenantFailure> failed = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<OutboxRow>> e : byTenant.entrySet()) {
            UUID tenant = e.getKey();
            if (!locked.contains(tenant) && !Tenants.tryLock(c, tenant)) {
                deferred += e.getValue().size();
                deferredTenants.add(tenant);
                continue;
            }
            Tenants.setTenant(c, tenant);
            if (!Tenants.exists(c, tenant) && !writer.backend().graphExists(graphNames.apply(tenant))) {
                LOG.info("{} change(s) of tenant {}, which no longer exists and has no graph: nothing to project",
                        e.getValue().size(), tenant);
                e.getValue().forEach(r -> done.add(r.id()));
                continue;
            }
            RoundResult.TenantFailure failure = applyTenant(c, tenant, e.getValue(), stats);
            if (failure == null) {
                succeeded.add(tenant);
                e.getValue().forEach(r -> done.add(r.id()));
            } else {
                failed.put(tenant, failure);
                deferred += e.getValue().size();
            }
        }
        long lag = Outbox.delete(c, done);
        return new RoundResult(rows.size(), done.size(), deferred, deferredTenants, lag, stats, succeeded, failed);
    }

    /**
     * Takes the sync locks of the tenants whose rows come first (the tenant of the oldest row
     * first) until the locked tenants hold {@code batchSize} of the oldest {@value #PEEK_FACTOR} x
     * {@code batchSize} rows; tenants whose lock another writer holds go to {@code busyOut}. A round
     * under a backlog thus works on as few tenants as fill it, and a second consumer finds the
     * other tenants free instead of claiming rows it cannot apply. When rows without a tenant
     * (TRUNCATE markers) are among the oldest, no lock is taken: the round claims those rows
     * alone, since their rebuild waits for every tenant's lock in a fixed order.
     */
    private static Set<UUID> lockTenants(Connection c, int batchSize, Set<UUID> skip, Set<UUID> busyOut)
            throws SQLException {
        List<Outbox.TenantRows> peeked = Outbox.peekTenants(c, PEEK_FACTOR * batchSize, skip);
        if (peeked.stream().anyMatch(t -> t.tenant() == null)) {
            return new LinkedHashSet<>();       // rows without a tenant first (a TRUNCATE's rebuild), holding no tenant's lock
        }
        if (peeked.stream().mapToLong(Outbox.TenantRows::rows).sum() <= batchSize) {
            List<UUID> all = peeked.stream().map(Outbox.TenantRows::tenant).toList();
            Set<UUID> locked = Tenants.tryLockAll(c, all);     // a short backlog: every tenant, in one statement
            all.stream().filter(t -> !locked.contains(t)).forEach(busyOut::add);
            return locked;
        }
        Set<UUID> locked = new LinkedHashSet<>();
        long covered = 0;
        for (Outbox.TenantRows t : peeked) {
            if (covered >= batchSize) {
                break;
            }
            if (Tenants.tryLock(c, t.tenant())) {
                locked.add(t.tenant());
                covered += t.rows();
            } else {
                busyOut.add(t.tenant());
            }
        }
        return locked;
    }

    /** One tenant's step under a savepoint (the tenant already set); null when it succeeded, else what failed for this tenant alone. */
    private RoundResult.TenantFailure applyTenant(Connection c, UUID tenant, List<OutboxRow> rows, ApplyStats stats)
            throws SQLException {
        Savepoint sp = c.setSavepoint();
        long start = System.nanoTime();
        String graph = graphNames.apply(tenant);
        try {
            ChangeSet cs = new ChangeSet();
            rows.forEach(r -> Outbox.addTo(cs, projection, r));
            if (!ensured.contains(graph)) {
                writer.backend().ensureGraph(graph);
                ensured.add(graph);
            }
            ApplyStats s = applier.apply(c, tenant, graph, cs);
            written.add(tenant);
            registry.register(c, tenant);
            c.releaseSavepoint(sp);
            stats.add(s);
            registeredThisRound.get().add(tenant);
            return null;
        } catch (SQLException | RuntimeException e) {
            ensured.remove(graph);
            if (!failsTenantOnly(e)) {
                throw e;
            }
            c.rollback(sp);                     // throws when the connection is gone: the round fails
            return new RoundResult.TenantFailure(e, rows.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * True for failures of one tenant's step: a graph statement that timed out while the server
     * stayed reachable, a refused query, an SQL error that left the connection usable. False for
     * a graph server that cannot be reached and a lost PostgreSQL connection, which fail every
     * tenant alike.
     */
    static boolean failsTenantOnly(Exception e) {
        if (e instanceof GraphTimeoutException) {
            return true;
        }
        if (e instanceof UnavailableException) {
            return false;
        }
        if (e instanceof SQLException s) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            return !(state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
        }
        return true;
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
        registeredThisRound.get().forEach(registry::committed);
        registeredThisRound.get().clear();
    }

    /** The round's transaction rolled back: its registrations are repeated next time. */
    public void rolledBack() {
        registeredThisRound.get().clear();
        ensured.clear();
    }
}
