package dev.hybriddb.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a connection that application code had back in its initial state before the pool hands it
 * to anyone else, in one round trip: session settings back to the connection's startup values
 * (role included), cursors closed, LISTENs and session advisory locks released, temporary tables
 * and sequence state dropped. This is {@code DISCARD ALL} without {@code DEALLOCATE ALL} and
 * {@code DISCARD PLANS}, so the driver's own prepared statements (and their plans) survive: they
 * hold no session state. Only when the work left SQL-level prepared statements ({@code PREPARE},
 * which could collide with the driver's names) does a second round trip run {@code DISCARD ALL}
 * itself; pgjdbc sees that command tag and forgets its statement cache. A connection that cannot
 * be reset is evicted from the pool instead of being returned dirty.
 */
final class ConnectionReset {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReset.class);
    private static final String RESET = "SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *;"
            + " SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES;"
            + " SELECT count(*) FROM pg_catalog.pg_prepared_statements WHERE from_sql";

    private ConnectionReset() {}

    /** Resets {@code c} (outside any transaction, so autocommit on) or evicts it; never throws. */
    static void resetOrEvict(DataSource dataSource, Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);      // DISCARD ALL cannot run inside a transaction block (already ended here)
            }
            boolean discardAll;
            try (PreparedStatement ps = c.prepareStatement(RESET)) {
                discardAll = sqlPreparedStatementsLeft(ps);
            }
            if (discardAll) {
                try (Statement st = c.createStatement()) {
                    st.execute("DISCARD ALL");
                }
            }
        } catch (SQLException | RuntimeException e) {
            SQLException sql = SqlErrors.sqlCause(e);
            LOG.warn("could not reset a pooled connection after application work ({}); evicting it",
                    sql == null ? e.getClass().getSimpleName() : SqlErrors.describe(sql));
            evict(dataSource, c);
        }
    }

    /**
     * Runs {@link #RESET} as a prepared statement (so the driver parses it once per connection and
     * the server plans its parts once); true if its last result, the count of SQL-level prepared
     * statements, is not zero.
     */
    private static boolean sqlPreparedStatementsLeft(PreparedStatement st) throws SQLException {
        boolean isResultSet = st.execute();
        String last = null;
        while (isResultSet || st.getUpdateCount() != -1) {
            if (isResultSet) {
                try (ResultSet rs = st.getResultSet()) {
                    last = rs.next() ? rs.getString(1) : null;
                }
            }
            isResultSet = st.getMoreResults();
        }
        return last == null || Long.parseLong(last) > 0;
    }

    /** Takes {@code c} out of its pool for good: HikariCP closes it on return; any other connection is aborted. */
    static void evict(DataSource dataSource, Connection c) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("no HikariCP pool to evict from ({})", e.getClass().getSimpleName());
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not abort a connection that failed its reset ({})", e.getClass().getSimpleName());
        }
    }
}
