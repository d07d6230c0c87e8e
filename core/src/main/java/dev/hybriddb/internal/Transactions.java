package dev.hybriddb.internal;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.RetryPolicy;
import dev.hybriddb.SqlFunction;
import dev.hybriddb.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one transaction per attempt, with the tenant setting transaction-local, and retries
 * transient failures. A connection lost during COMMIT is not retried: its outcome is unknown.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final String SET_TENANT = "select set_config('hybriddb.tenant_id', ?, true)";

    private final DataSource dataSource;
    private final RetryPolicy policy;

    public Transactions(DataSource dataSource, RetryPolicy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code work} (scoped to {@code tenantId} unless null) with retry; see the class comment. */
    public <T> T run(UUID tenantId, SqlFunction<Connection, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(tenantId, work);
            } catch (CommitUncertain e) {
                throw new UnavailableException("connection lost during COMMIT, outcome unknown ("
                        + SqlErrors.describe(e.cause) + ")", e.cause);
            } catch (HybridDBException e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                SQLException sql = SqlErrors.sqlCause(e);
                if (sql == null) {
                    throw (RuntimeException) e;
                }
                if (!SqlErrors.isTransient(sql) || attempt > policy.maxRetries()) {
                    throw SqlErrors.translate(sql, attempt);
                }
                pause(attempt, sql);
            }
        }
    }

    private void pause(int attempt, SQLException cause) {
        Duration wait = Backoff.delay(policy, attempt);
        LOG.warn("transient database failure ({}), retry {} of {} in {} ms",
                SqlErrors.describe(cause), attempt, policy.maxRetries(), wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to retry (" + SqlErrors.describe(cause) + ")", cause);
        }
    }

    private <T> T once(UUID tenantId, SqlFunction<Connection, T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                if (tenantId != null) {
                    setTenant(c, tenantId);
                }
                result = work.apply(c);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            commit(c);
            return result;
        }
    }

    private static void setTenant(Connection c, UUID tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SET_TENANT)) {
            ps.setString(1, tenantId.toString());
            ps.execute();
        }
    }

    private static void commit(Connection c) throws SQLException {
        try {
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            String state = e.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01"))) {
                throw new CommitUncertain(e);
            }
            throw e;
        }
    }

    private static void rollbackQuietly(Connection c, Throwable primary) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** Marks a commit whose outcome is unknown; never retried. */
    private static final class CommitUncertain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        CommitUncertain(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
