package dev.hybriddb.sync.internal;

import dev.hybriddb.Database;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.SqlFunction;
import dev.hybriddb.internal.SdkWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Tenant scope and the per-tenant sync lock. Every graph write of a tenant happens while its
 * transaction holds the transaction-level advisory lock {@code (HYBD, hash(tenant))}: real-time
 * rounds, manual syncs, rebuilds and repairs of one tenant never interleave, so a slow writer
 * can never overwrite a newer state with an older one.
 */
public final class Tenants {
    /** 'HYBD': the advisory lock class of HybridDB sync. */
    public static final int LOCK_CLASS = 0x48594244;

    private Tenants() {}

    /** Sets the transaction-local tenant (row-level security). */
    public static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('hybriddb.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }

    /**
     * True if the tenant's row exists. Run in the tenant's transaction (tenant set): under the
     * tenants table's forced row-level security a transaction sees its own tenant's row only.
     */
    public static boolean exists(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM public.tenants WHERE id = ?)")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Refuses a tenant without a row (before anything, a graph included, is made for it). */
    public static void requireExists(Connection c, UUID tenant) throws SQLException {
        if (!exists(c, tenant)) {
            throw new NotFoundException("tenant", tenant);
        }
    }

    /** Waits for the tenant's sync lock (held until the transaction ends). */
    public static void lock(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, tenant.hashCode());
            ps.execute();
        }
    }

    /** Takes the tenant's sync lock if free. */
    public static boolean tryLock(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, tenant.hashCode());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Takes the sync locks of those of {@code tenants} that are free, in one statement; returns them. */
    public static java.util.Set<UUID> tryLockAll(Connection c, java.util.Collection<UUID> tenants) throws SQLException {
        java.util.Set<UUID> locked = new java.util.LinkedHashSet<>();
        if (tenants.isEmpty()) {
            return locked;
        }
        Integer[] keys = tenants.stream().map(UUID::hashCode).toArray(Integer[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT x.t FROM unnest(?::uuid[], ?::int[]) WITH ORDINALITY AS x(t, k, o)"
                + " WHERE pg_try_advisory_xact_lock(?, x.k) ORDER BY x.o")) {
            ps.setArray(1, c.createArrayOf("uuid", tenants.toArray()));
            ps.setArray(2, c.createArrayOf("int4", keys));
            ps.setInt(3, LOCK_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return locked;
    }

    /**
     * One transaction of {@code db} with the tenant set and its sync lock held; committed when
     * {@code work} returns (after the graph acknowledged). Retried by {@code db} on transient
     * failures, which is harmless: graph writes are idempotent.
     */
    public static <T> T inTenant(Database db, UUID tenant, SqlFunction<Connection, T> work) {
        return db.inTenant(tenant, SdkWork.of(c -> {
            lock(c, tenant);
            return work.apply(c);
        }));
    }

    public static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back on its own
        }
    }

}
