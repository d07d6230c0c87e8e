package dev.hybriddb.sync.internal;

import dev.hybriddb.sync.Projection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claiming round, in one transaction on {@code c}: claim a batch (FOR UPDATE SKIP LOCKED),
 * per tenant take its sync lock (tenants another writer holds stay for a later round), read the
 * current rows, apply them to the graph, delete the applied outbox rows. The caller commits after
 * this returns (the graph has acknowledged), or rolls back when it throws.
 */
public final class OutboxConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);

    private final Projection projection;
    private final ChangeApplier applier;
    private final GraphWriter writer;
    private final Function<UUID, String> graphNames;
    private final Set<UUID> written = ConcurrentHashMap.newKeySet();

    public OutboxConsumer(Projection projection, GraphWriter writer, Function<UUID, String> graphNames) {
        this.projection = projection;
        this.writer = writer;
        this.applier = new ChangeApplier(projection, writer);
        this.graphNames = graphNames;
    }

    /** The tenants whose graphs this consumer has written since it was created. */
    public Set<UUID> tenantsWritten() {
        return Set.copyOf(written);
    }

    public RoundResult round(Connection c, int batchSize, Set<UUID> busy) throws SQLException {
        List<OutboxRow> rows = Outbox.claim(c, batchSize, busy);
        ApplyStats stats = new ApplyStats();
        Set<UUID> deferredTenants = new HashSet<>();
        if (rows.isEmpty()) {
            return new RoundResult(0, 0, 0, deferredTenants, -1, stats);
        }
        Map<UUID, List<OutboxRow>> byTenant = new LinkedHashMap<>();
        List<Long> done = new ArrayList<>();
        for (OutboxRow r : rows) {
            if (r.tenantId() == null || !projection.projects(r.table())) {
                LOG.warn("dropping outbox row {} of table {}: {}", r.id(), r.table(),
                        r.tenantId() == null ? "no tenant" : "table not projected");
                done.add(r.id());
            } else {
                byTenant.computeIfAbsent(r.tenantId(), t -> new ArrayList<>()).add(r);
            }
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
            ChangeSet cs = new ChangeSet();
            e.getValue().forEach(r -> Outbox.addTo(cs, projection, r));
            String graph = graphNames.apply(tenant);
            writer.backend().ensureGraph(graph);
            stats.add(applier.apply(c, tenant, graph, cs));
            written.add(tenant);
            e.getValue().forEach(r -> done.add(r.id()));
        }
        long lag = Outbox.delete(c, done);
        return new RoundResult(rows.size(), done.size(), deferred, deferredTenants, lag, stats);
    }
}
