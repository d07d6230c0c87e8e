package dev.hybriddb.graph.age.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs work in one transaction on a connection where AGE is usable. On a pool of our own the
 * session is already prepared; on a caller's DataSource each transaction loads AGE and sets the
 * search path with {@code SET LOCAL}, so the caller's connections are returned unchanged.
 */
public final class AgeTransactions {
    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean sessionPrepared;
    private final AgeSession session;
    private final int queryTimeoutSeconds;

    public AgeTransactions(DataSource dataSource, boolean sessionPrepared, AgeSession session, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.sessionPrepared = sessionPrepared;
        this.session = session;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    /** Runs {@code work} in a transaction (read-only if asked), commits, and translates failures. */
    public <T> T run(String action, boolean readOnly, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            try {
                return inTransaction(c, readOnly, work);
            } finally {
                restoreAutoCommit(c, auto);
            }
        } catch (SQLException e) {
            throw AgeErrors.translate(action, e);
        }
    }

    /**
     * Runs {@code work}, which sends one read-only statement of SQL (not Cypher), in one round
     * trip: on the backend's own pool, whose sessions are prepared, in autocommit; on a caller's
     * DataSource, in a read-only transaction as {@link #run} does. The statement must be planned
     * for its values by itself (see {@link AgeWalks#prepare}).
     */
    public <T> T read(String action, Work<T> work) {
        if (!sessionPrepared) {
            return run(action, true, work);
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                return inTransaction(c, true, work);
            }
            return work.apply(c);
        } catch (SQLException e) {
            throw AgeErrors.translate(action, e);
        }
    }

    private <T> T inTransaction(Connection c, boolean readOnly, Work<T> work) throws SQLException {
        if (!sessionPrepared) {
            c.setAutoCommit(true);
            session.load(c);
        }
        c.setAutoCommit(false);
        try {
            // Reads plan every statement for its values: the walks and closures are prepared statements whose
            // generic plans (chosen after the fifth execution) lose the key's index seek on AGE's agtype
            // expressions (a task's dependencies took 24-29 ms instead of 1.6-1.8 on 5,000 tasks).
            String setup = (readOnly ? "SET TRANSACTION READ ONLY; SET LOCAL plan_cache_mode = force_custom_plan;" : "")
                    + (sessionPrepared ? "" : "SET LOCAL search_path = " + AgeSession.SEARCH_PATH + "; SET LOCAL " + AgeSession.NO_JIT);
            if (!setup.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute(setup);
                }
            }
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        }
    }

    /** Puts the connection back as it came; a connection the pool already closed is left alone. */
    private static void restoreAutoCommit(Connection c, boolean auto) {
        try {
            if (!c.isClosed() && c.getAutoCommit() != auto) {
                c.setAutoCommit(auto);
            }
        } catch (SQLException ignored) {
            // the pool evicts a broken connection; the failure that broke it is what the caller sees
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }
}
