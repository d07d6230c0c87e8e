package dev.hybriddb.sync.internal.outbox;

import dev.hybriddb.sync.internal.Json;
import dev.hybriddb.sync.internal.apply.ChangeApplier;
import dev.hybriddb.sync.internal.projection.ChangeSet;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL on the outbox table {@code hybriddb_outbox} (owner or service role). */
public final class Outbox {
    public static final String TABLE = "hybriddb_sync.hybriddb_outbox";
    public static final String CHANNEL = "hybriddb_outbox";
    /** Tenants whose graphs HybridDB sync has written (changelog 0960). */
    public static final String GRAPH_TENANTS = "hybriddb_sync.hybriddb_graph_tenants";

    private Outbox() {}

    /**
     * The tenants of the oldest {@code window} rows (leaving out {@code skip}), the tenant of the
     * oldest row first, with how many of those rows each has; a null tenant stands for the rows
     * without one (TRUNCATE markers). Takes no locks: it tells a round which tenants' sync locks
     * to try.
     */
    public static List<TenantRows> peekTenants(Connection c, int window, Collection<UUID> skip) throws SQLException {
        String sql = "SELECT tenant_id, count(*) FROM (SELECT id, tenant_id FROM " + TABLE
                + (skip.isEmpty() ? "" : " WHERE tenant_id IS NULL OR NOT (tenant_id = ANY(?))")
                + " ORDER BY id LIMIT ?) w GROUP BY tenant_id ORDER BY min(id)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (!skip.isEmpty()) {
                ps.setArray(i++, c.createArrayOf("uuid", skip.toArray()));
            }
            ps.setInt(i, window);
            try (ResultSet rs = ps.executeQuery()) {
                List<TenantRows> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TenantRows(rs.getObject(1, UUID.class), rs.getLong(2)));
                }
                return out;
            }
        }
    }

    /** A tenant and a number of its outbox rows. */
    public record TenantRows(UUID tenant, long rows) {
    }

    /**
     * Claims up to {@code limit} rows of the {@code tenants} (whose sync locks this transaction
     * holds), oldest first, skipping rows other consumers hold; with no tenants, the rows without
     * a tenant (TRUNCATE markers, whose rebuild waits for tenants' locks and so must hold none).
     */
    public static List<OutboxRow> claimTenants(Connection c, int limit, Collection<UUID> tenants) throws SQLException {
        String sql = "SELECT id, tenant_id, table_name, op, row_key::text, old_row::text FROM " + TABLE
                + (tenants.isEmpty() ? " WHERE tenant_id IS NULL" : " WHERE tenant_id = ANY(?)")
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (!tenants.isEmpty()) {
                ps.setArray(i++, c.createArrayOf("uuid", tenants.toArray()));
            }
            ps.setInt(i, limit);
            return read(ps);
        }
    }

    /** Claims up to {@code limit} rows of one tenant, oldest first, skipping rows other consumers hold. */
    public static List<OutboxRow> claimTenant(Connection c, UUID tenant, int limit) throws SQLException {
        String sql = "SELECT id, tenant_id, table_name, op, row_key::text, old_row::text FROM " + TABLE
                + " WHERE tenant_id = ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    private static List<OutboxRow> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<OutboxRow> rows = new ArrayList<>();
            while (rs.next()) {
                String tenant = rs.getString(2);
                rows.add(new OutboxRow(rs.getLong(1), tenant == null ? null : UUID.fromString(tenant),
                        rs.getString(3), rs.getString(4).charAt(0), Json.readMap(rs.getString(5)),
                        Json.readMap(rs.getString(6))));
            }
            return rows;
        }
    }

    /**
     * Deletes applied rows and returns, in milliseconds, the longest time from a row's creation to
     * now (the graph has acknowledged), or -1 when none was deleted.
     */
    public static long delete(Connection c, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return -1;
        }
        String sql = "WITH d AS (DELETE FROM " + TABLE + " WHERE id = ANY(?) RETURNING created_at) "
                + "SELECT (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::bigint FROM d";
        Array arr = c.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, arr);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? -1 : v;
            } finally {
                arr.free();
            }
        }
    }

    /** Every registered tenant ({@code hybriddb_graph_tenants}), oldest first. */
    public static List<UUID> graphTenants(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM " + GRAPH_TENANTS + " ORDER BY registered_at, tenant_id");
             ResultSet rs = ps.executeQuery()) {
            List<UUID> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
            return out;
        }
    }

    /**
     * Removes {@code tenant}'s registration if its {@code tenants} row is gone (in the tenant's
     * transaction, where row-level security shows that row); true if it was removed. Deletions
     * remove registrations themselves (changelog 0970); this catches one made while the deletion was
     * still uncommitted.
     */
    public static boolean forgetIfDeleted(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + GRAPH_TENANTS
                + " g WHERE g.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = g.tenant_id)")) {
            ps.setObject(1, tenant);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Backlog per tenant, the most rows first, at most {@code limit} tenants: one {@code GROUP BY}
     * over the outbox. Rows without a tenant (TRUNCATE markers) are left out.
     */
    public static List<TenantBacklog> backlogByTenant(Connection c, int limit) throws SQLException {
        String sql = "SELECT tenant_id, count(*), (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::bigint FROM "
                + TABLE + " WHERE tenant_id IS NOT NULL GROUP BY tenant_id ORDER BY count(*) DESC, min(created_at) LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<TenantBacklog> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TenantBacklog(rs.getObject(1, UUID.class), rs.getLong(2), Math.max(0, rs.getLong(3))));
                }
                return out;
            }
        }
    }

    /** One tenant's waiting rows and the age of its oldest, in milliseconds. */
    public record TenantBacklog(UUID tenant, long rows, long oldestAgeMillis) {
    }

    public static long count(Connection c) throws SQLException {
        return countUpTo(c, Long.MAX_VALUE);
    }

    /** Rows waiting whose id is at most {@code id}. */
    public static long countUpTo(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + TABLE + " WHERE id <= ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest row's id, 0 when the outbox is empty. */
    public static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM " + TABLE);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Adds an outbox row to a tenant's change set. */
    public static void addTo(ChangeSet cs, Projection projection, OutboxRow r) {
        NodeMapping node = projection.node(r.table()).orElse(null);
        if (node != null) {
            String id = ChangeApplier.idOf(node.keyColumns(), r.rowKey());
            if (r.op() == 'I') {
                cs.addInsert(r.table(), r.rowKey(), id);
            } else {
                cs.add(r.table(), r.rowKey(), false, id, null);
            }
            if (r.op() == 'U' && r.oldRow() != null && hasKey(node.keyColumns(), r.oldRow())) {
                cs.add(r.table(), keyOf(node.keyColumns(), r.oldRow()), false, null, null);
            }
            return;
        }
        cs.add(r.table(), r.rowKey(), false, null, r.oldRow());
    }

    private static boolean hasKey(List<String> keyColumns, Map<String, Object> row) {
        return keyColumns.stream().allMatch(k -> row.get(k) != null);
    }

    private static Map<String, Object> keyOf(List<String> keyColumns, Map<String, Object> row) {
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        keyColumns.forEach(k -> key.put(k, row.get(k)));
        return key;
    }
}
