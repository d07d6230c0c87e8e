package dev.hybriddb.sync.internal.capture;

import dev.hybriddb.Database;
import dev.hybriddb.sync.internal.recovery.RebuildRequests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAL capture's logical slot: created as a failover slot on PostgreSQL 17 and later (a
 * standby with {@code sync_replication_slots = on} keeps a copy that its promotion makes usable),
 * and, when it is missing or invalidated while the capture is in use (after a failover to a
 * standby without the synced slot, or a slot dropped by hand), recreated with a rebuild of every
 * registered tenant graph requested: the changes between the lost slot's position and the new
 * one are read from nowhere else. The requests are committed before the new slot exists and again
 * after it (a rebuild that ran in between read a state older than the slot).
 */
public final class CaptureSlot {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSlot.class);
    private static final String STATE = "SELECT hybriddb_capture_slot(), hybriddb_capture_mode(),"
            + " current_setting('server_version_num')::int,"
            + " (SELECT count(*) FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot()),"
            + " (SELECT count(*) FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot() AND wal_status = 'lost')";

    private CaptureSlot() {}

    /** Where the slot stands. */
    public enum Outcome { PRESENT, CREATED, RECREATED_WITH_REBUILD }

    /**
     * Makes sure the slot exists and is usable; a missing or lost slot while the capture mode is
     * {@code wal} is a gap, which requests a rebuild of every registered tenant.
     */
    public static Outcome ensure(Database owner) {
        State s = owner.inTransaction(CaptureSlot::state);
        if (s.exists && !s.lost) {
            return Outcome.PRESENT;
        }
        boolean gap = "wal".equals(s.mode);
        String reason = "WAL capture slot " + s.slot + (s.exists ? " was invalidated" : " was missing")
                + " (a failover to a standby without it?): changes may have been missed";
        if (gap) {
            owner.inTransaction(c -> RebuildRequests.requestAll(c, reason));
        }
        if (s.lost) {
            owner.inTransaction(c -> exec(c, "SELECT pg_drop_replication_slot(hybriddb_capture_slot())"));
        }
        owner.inTransaction(c -> exec(c, create(s.version)));
        if (!gap) {
            return Outcome.CREATED;
        }
        int n = owner.inTransaction(c -> RebuildRequests.requestAll(c, reason));
        LOG.warn("{}; slot recreated, rebuilding {} tenant graph(s) from PostgreSQL", reason, n);
        return Outcome.RECREATED_WITH_REBUILD;
    }

    /** The creation statement: a failover slot where the server has them (17+). */
    static String create(int serverVersion) {
        return serverVersion >= 170000
                ? "SELECT pg_create_logical_replication_slot(hybriddb_capture_slot(), 'pgoutput', false, false, true)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot())"
                : "SELECT pg_create_logical_replication_slot(hybriddb_capture_slot(), 'pgoutput')"
                        + " WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot())";
    }

    /**
     * On the replication connection, before streaming: a slot made before failover slots existed
     * (or by an older version of this library) becomes one, so that standbys sync it.
     */
    public static void enableFailover(Connection replication, String slot) throws SQLException {
        if (!slot.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalStateException("unexpected slot name " + slot);
        }
        try (PreparedStatement ps = replication.prepareStatement("SELECT current_setting('server_version_num')::int >= 170000"
                + " AND NOT failover FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return;
                }
            }
        }
        try (var st = replication.createStatement()) {
            st.execute("ALTER_REPLICATION_SLOT " + slot + " (FAILOVER true)");
        }
        LOG.info("WAL capture: slot {} is now a failover slot (standbys with sync_replication_slots keep it)", slot);
    }

    private static State state(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATE); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new State(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4) > 0, rs.getLong(5) > 0);
        }
    }

    private static Void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
        return null;
    }

    private record State(String slot, String mode, int version, boolean exists, boolean lost) {}
}
