package dev.hybriddb.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a connection that application code had back in its initial state before the pool hands it
 * to anyone else: {@code DISCARD ALL} drops session settings (back to the connection's startup
 * values), temporary tables, prepared statements, cursors, advisory locks and LISTENs, and resets
 * the session role. pgjdbc sees the command tag and forgets its own prepared statements. A
 * connection that cannot be reset is evicted from the pool instead of being returned dirty.
 */
final class ConnectionReset {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReset.class);

    private ConnectionReset() {}

    /** Resets {@code c} (outside any transaction, so autocommit on) or evicts it; never throws. */
    static void resetOrEvict(DataSource dataSource, Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);      // DISCARD ALL cannot run inside a transaction block (already ended here)
            }
            try (Statement st = c.createStatement()) {
                st.execute("DISCARD ALL");
            }
        } catch (SQLException | RuntimeException e) {
            SQLException sql = SqlErrors.sqlCause(e);
            LOG.warn("could not reset a pooled connection after application work ({}); evicting it",
                    sql == null ? e.getClass().getSimpleName() : SqlErrors.describe(sql));
            evict(dataSource, c);
        }
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
