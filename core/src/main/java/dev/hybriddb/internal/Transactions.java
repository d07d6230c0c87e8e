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
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one transaction per attempt and retries transient failures. A connection lost
 * during COMMIT is not retried: its outcome is unknown.
 *
 * <p>Every transaction first sets its own context, transaction-locally and in one round trip: the
 * tenant and the acting user ({@code hybriddb.tenant_id}, {@code hybriddb.user_id}; empty without
 * one), {@code search_path} ({@value #SEARCH_PATH}: temporary tables never shadow HybridDB's),
 * {@code row_security} on and, when configured, {@code statement_timeout}. So nothing a session or
 * role setting says can redirect the SDK's work. The {@link LocalSettings} that {@link SdkWork}
 * carries (a search's index settings, for example) are made in that same statement, after the
 * context's own. A connection whose work was application code
 * ({@link Hygiene}) is reset ({@link ConnectionReset}) before it returns to the pool, and evicted
 * from the pool if the reset fails.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    /** The SDK's schema first; the session's temporary schema named last, so it is searched last. */
    public static final String SEARCH_PATH = "public, pg_temp";
    private static final String CONTEXT = "select set_config('hybriddb.tenant_id', ?, true),"
            + " set_config('hybriddb.user_id', ?, true), set_config('search_path', '" + SEARCH_PATH + "', true),"
            + " set_config('row_security', 'on', true)";

    /** Whether a transaction's connection must be reset before it goes back to the pool. */
    @FunctionalInterface
    public interface Hygiene {
        /** Application code had the connection: always reset. */
        Hygiene ALWAYS = () -> true;

        /** Asked after the work ran (and failed or not). */
        boolean resetNeeded();
    }

    /** A {@link Hygiene} that asks for the reset once {@link #mark} is called (the connection was handed out). */
    public static final class Exposure implements Hygiene {
        private volatile boolean exposed;

        public void mark() {
            exposed = true;
        }

        @Override
        public boolean resetNeeded() {
            return exposed;
        }
    }

    private final DataSource dataSource;
    private final RetryPolicy policy;
    private final String context;
    private final String statementTimeout;
    /** The context statement with 1, 2, ... extra settings, rendered once each. */
    private final AtomicReferenceArray<String> contextWith = new AtomicReferenceArray<>(24);

    /** Transactions on {@code dataSource} that leave {@code statement_timeout} as the session has it. */
    public Transactions(DataSource dataSource, RetryPolicy policy) {
        this(dataSource, policy, null);
    }

    /** As above, with every transaction's {@code statement_timeout} set to {@code statementTimeout} (zero: none). */
    public Transactions(DataSource dataSource, RetryPolicy policy, Duration statementTimeout) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.statementTimeout = statementTimeout == null ? null : Long.toString(statementTimeout.toMillis());
        this.context = statementTimeout == null ? CONTEXT : CONTEXT + ", set_config('statement_timeout', ?, true)";
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code work} (scoped to {@code tenantId} unless null) with retry; see the class comment.
     * The connection is reset afterwards unless {@code work} is {@link SdkWork}.
     */
    public <T> T run(UUID tenantId, SqlFunction<Connection, T> work) {
        return run(tenantId, work instanceof SdkWork ? () -> false : Hygiene.ALWAYS, work);
    }

    /** As {@link #run(UUID, SqlFunction)}, resetting the connection when {@code hygiene} asks for it. */
    public <T> T run(UUID tenantId, Hygiene hygiene, SqlFunction<Connection, T> work) {
        return run(tenantId, null, hygiene, work);
    }

    /** As {@link #run(UUID, Hygiene, SqlFunction)}, with {@code userId} (unless null) as the transaction's acting user. */
    public <T> T run(UUID tenantId, UUID userId, Hygiene hygiene, SqlFunction<Connection, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(tenantId, userId, hygiene, work);
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

    private <T> T once(UUID tenantId, UUID userId, Hygiene hygiene, SqlFunction<Connection, T> work) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            T result;
            try {
                setContext(c, tenantId, userId, work instanceof SdkWork<?> sdk ? sdk.settings() : LocalSettings.NONE);
                result = work.apply(c);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            commit(c);
            return result;
        } finally {
            release(c, hygiene.resetNeeded());
        }
    }

    /**
     * For a transaction on a pool connection that does not go through {@link #run}: pins
     * {@code search_path} and {@code row_security} for it (the tenant is the caller's business).
     */
    public static void pinSearchPath(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', '" + SEARCH_PATH + "', true),"
                + " set_config('row_security', 'on', true)")) {
            ps.execute();
        }
    }

    private void setContext(Connection c, UUID tenantId, UUID userId, LocalSettings extra) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(contextSql(extra.size()))) {
            int p = 1;
            ps.setString(p++, tenantId == null ? "" : tenantId.toString());
            ps.setString(p++, userId == null ? "" : userId.toString());
            if (statementTimeout != null) {
                ps.setString(p++, statementTimeout);
            }
            for (int i = 0; i < extra.size(); i++) {
                ps.setString(p++, extra.name(i));
                ps.setString(p++, extra.value(i));
            }
            ps.execute();
        }
    }

    /** The context statement followed by {@code extra} {@code set_config(?, ?, true)} calls. */
    private String contextSql(int extra) {
        if (extra == 0) {
            return context;
        }
        String sql = extra < contextWith.length() ? contextWith.get(extra) : null;
        if (sql == null) {
            sql = context + ", set_config(?, ?, true)".repeat(extra);
            if (extra < contextWith.length()) {
                contextWith.set(extra, sql);
            }
        }
        return sql;
    }

    /** Returns {@code c} to the pool, after {@link ConnectionReset} when asked; a connection that cannot be reset is evicted. */
    private void release(Connection c, boolean reset) throws SQLException {
        if (reset) {
            ConnectionReset.resetOrEvict(dataSource, c);
        }
        c.close();
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
