package dev.hybriddb.sync.internal.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The wake-up protocol between the outbox triggers and a consumer (changelog 0930). A sleeping
 * consumer holds the session advisory lock {@link #KEY} exclusively on its LISTEN connection; a
 * writer's trigger sends the NOTIFY only when it cannot take that lock shared. A writer that can
 * (no consumer asleep) skips the NOTIFY and keeps the shared lock until its commit, so
 * {@link #arm(Connection)} returns only after every such writer has committed: the claim that
 * follows it sees their rows. Nothing is lost, and writers pay for a NOTIFY (a database-wide lock
 * at commit) only for the first change after a consumer fell asleep.
 */
public final class WakeLock {
    /** {@code hybriddb_outbox_wake_key()}: 'hybriddb' in ASCII. */
    public static final long KEY = 7528156495660475490L;
    /** How long {@link #arm(Connection)} waits for writers in flight (set as lock_timeout on the connection). */
    public static final String ARM_TIMEOUT = "100ms";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private WakeLock() {}

    /** Prepares a LISTEN connection (autocommit) for {@link #arm(Connection)}. */
    public static void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '" + ARM_TIMEOUT + "'");
        }
    }

    /**
     * Takes the lock before sleeping: from now on writers notify. Returns false when it could not
     * within the lock timeout (another consumer sleeps with it, or a writer transaction is still
     * open); throws when the connection failed.
     */
    public static boolean arm(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + KEY + ")");
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Releases the lock on waking up: writers stop notifying while this consumer drains. */
    public static void disarm(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        }
    }

    /** Whether another session holds the lock exclusively (a consumer asleep, which writers wake). */
    public static boolean heldBySleeper(Connection c) throws SQLException {
        String sql = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND mode = 'ExclusiveLock' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid::bigint = " + (KEY >>> 32) + " AND objid::bigint = " + (KEY & 0xffffffffL) + " AND objsubid = 1)";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
