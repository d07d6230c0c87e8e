package dev.hybriddb.sync.internal.recovery;

import dev.hybriddb.sync.internal.outbox.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Durable rebuild requests on the registry rows of {@code hybriddb_graph_tenants} (columns
 * {@code rebuild_requested_at}, {@code rebuild_reason}; owner or service role). A request is
 * committed before its rebuild starts and cleared by the transaction that completes the rebuild,
 * under the tenant's sync lock, only if it is still the same request: one made while the rebuild
 * ran (a second restart, say) stays pending. So whichever consumer runs next finishes what another
 * one began.
 */
public final class RebuildRequests {
    private static final int MAX_REASON = 500;

    private RebuildRequests() {}

    /** Requests a rebuild of every registered tenant graph; returns how many. */
    public static int requestAll(Connection c, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Outbox.GRAPH_TENANTS
                + " SET rebuild_requested_at = clock_timestamp(), rebuild_reason = ?")) {
            ps.setString(1, clip(reason));
            return ps.executeUpdate();
        }
    }

    /** Requests a rebuild of one registered tenant graph; false when the tenant is not registered. */
    public static boolean request(Connection c, UUID tenant, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Outbox.GRAPH_TENANTS
                + " SET rebuild_requested_at = clock_timestamp(), rebuild_reason = ? WHERE tenant_id = ?")) {
            ps.setString(1, clip(reason));
            ps.setObject(2, tenant);
            return ps.executeUpdate() > 0;
        }
    }

    /** The tenants with a pending request, oldest request first. */
    public static List<UUID> pending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM " + Outbox.GRAPH_TENANTS
                + " WHERE rebuild_requested_at IS NOT NULL ORDER BY rebuild_requested_at, tenant_id");
             ResultSet rs = ps.executeQuery()) {
            List<UUID> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
            return out;
        }
    }

    /** The tenant's pending request (its time), or null when none is pending. */
    public static OffsetDateTime requestedAt(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rebuild_requested_at FROM " + Outbox.GRAPH_TENANTS
                + " WHERE tenant_id = ?")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    /**
     * In the transaction that completes the rebuild: clears the request seen when it started
     * ({@code seen}); a newer one stays. True when it was cleared.
     */
    public static boolean clear(Connection c, UUID tenant, OffsetDateTime seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Outbox.GRAPH_TENANTS
                + " SET rebuild_requested_at = NULL, rebuild_reason = NULL WHERE tenant_id = ? AND rebuild_requested_at = ?")) {
            ps.setObject(1, tenant);
            ps.setObject(2, seen);
            return ps.executeUpdate() > 0;
        }
    }

    private static String clip(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
