package dev.hybriddb.sync.internal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the tenants whose graphs a sync path (real-time rounds, manual, batch or repair) writes in
 * {@code hybriddb_sync.hybriddb_graph_tenants} (changelog 0960), so that a TRUNCATE or a graph
 * server restart rebuilds them too. Works for the application role (a SECURITY DEFINER function
 * that registers the transaction's own tenant); once per tenant per instance, counted only after
 * the registering transaction committed.
 */
public final class GraphTenantRegistry {
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    /** In {@code tenant}'s transaction (tenant set): registers it unless this instance already did. */
    public void register(Connection c, UUID tenant) throws SQLException {
        if (known.contains(tenant)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT public.hybriddb_graph_tenant_register()")) {
            ps.execute();
        }
    }

    /** The transaction that registered {@code tenant} committed. */
    public void committed(UUID tenant) {
        known.add(tenant);
    }
}
