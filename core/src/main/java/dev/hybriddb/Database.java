package dev.hybriddb;

import dev.hybriddb.internal.Transactions;
import java.sql.Connection;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The pooled PostgreSQL connection source of HybridDB, with transactions, tenant scope and retry.
 *
 * <p>{@link #inTenant} runs work in one transaction whose tenant setting
 * ({@code hybriddb.tenant_id}, read by row-level security) is transaction-local and so never
 * outlives it. Transient failures (lost connection, serialization failure, deadlock, too many
 * connections, administrator shutdown) are retried with exponential backoff and jitter; anything
 * else is not. {@link java.sql.SQLException}s surface as {@link HybridDBException}s:
 * {@link ConstraintViolationException} naming the constraint, {@link UnavailableException} for
 * transient failures that outlast the retries.
 */
public final class Database {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DataSource dataSource;
    private final Transactions transactions;
    private final Settings settings = new Settings().withExecuteLogging(false);

    private Database(DataSource dataSource, RetryPolicy retry) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = new Transactions(dataSource, Objects.requireNonNull(retry, "retry"));
    }

    /** A database over {@code dataSource} with {@link RetryPolicy#defaults()}. */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource, RetryPolicy.defaults());
    }

    /** A database over {@code dataSource} retrying by {@code retry}. */
    public static Database of(DataSource dataSource, RetryPolicy retry) {
        return new Database(dataSource, retry);
    }

    /**
     * Runs {@code work} in one transaction scoped to {@code tenantId}, commits, and returns its
     * result. The work may run more than once (retry), so it must not have outside side effects.
     */
    public <T> T inTenant(UUID tenantId, SqlFunction<Connection, T> work) {
        if (tenantId == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        return transactions.run(tenantId, Objects.requireNonNull(work, "work"));
    }

    /** Runs {@code work} in one transaction without a tenant (row-level security then hides all tenant rows). */
    public <T> T inTransaction(SqlFunction<Connection, T> work) {
        return transactions.run(null, Objects.requireNonNull(work, "work"));
    }

    /** The underlying (pooled) data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A jOOQ context for PostgreSQL bound to {@code connection} (the caller's transaction). */
    public DSLContext dsl(Connection connection) {
        return DSL.using(Objects.requireNonNull(connection, "connection"), SQLDialect.POSTGRES, settings);
    }

    /** The retry policy in force. */
    public RetryPolicy retryPolicy() {
        return transactions.policy();
    }
}
