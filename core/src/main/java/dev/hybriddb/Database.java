package dev.hybriddb;

import dev.hybriddb.internal.GuardedConnection;
import dev.hybriddb.internal.SdkWork;
import dev.hybriddb.internal.Transactions;
import java.sql.Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
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
 *
 * <p>Every transaction sets its own context first (tenant, or none; {@code search_path};
 * {@code row_security} on), so no session or role setting can redirect it. The connection handed
 * to the work cannot be committed, rolled back or closed by it; whatever session state the work
 * leaves (settings, temporary tables, prepared statements, locks) is discarded before the
 * connection serves anyone else.
 */
public final class Database {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DataSource dataSource;
    private final Transactions transactions;
    /** SQL rendered by jOOQ names HybridDB's schema: the generated classes live in the default schema, mapped to public. */
    private final Settings settings = new Settings().withExecuteLogging(false)
            .withRenderMapping(new RenderMapping().withSchemata(new MappedSchema().withInput("").withOutput("public")));

    private Database(DataSource dataSource, RetryPolicy retry, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = new Transactions(dataSource, Objects.requireNonNull(retry, "retry"), statementTimeout);
    }

    /** HybridDB's own database: every transaction also sets {@code statement_timeout} (zero: none). */
    static Database of(DataSource dataSource, RetryPolicy retry, Duration statementTimeout) {
        return new Database(dataSource, retry, Objects.requireNonNull(statementTimeout, "statementTimeout"));
    }

    /** A database over {@code dataSource} with {@link RetryPolicy#defaults()}. */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource, RetryPolicy.defaults(), null);
    }

    /** A database over {@code dataSource} retrying by {@code retry}. */
    public static Database of(DataSource dataSource, RetryPolicy retry) {
        return new Database(dataSource, retry, null);
    }

    /**
     * Runs {@code work} in one transaction scoped to {@code tenantId}, commits, and returns its
     * result. The work may run more than once (retry), so it must not have outside side effects.
     */
    public <T> T inTenant(UUID tenantId, SqlFunction<Connection, T> work) {
        if (tenantId == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        return transactions.run(tenantId, guarded(work));
    }

    /**
     * As {@link #inTenant(UUID, SqlFunction)} for a {@link TenantContext}: the transaction also
     * carries the context's acting user ({@code hybriddb.user_id}, transaction-local).
     */
    public <T> T inContext(TenantContext context, SqlFunction<Connection, T> work) {
        if (context == null) {
            throw new InvalidInputException("context", null, "must not be null");
        }
        return transactions.run(context.tenantId(), context.userId().orElse(null), hygiene(work), guarded(work));
    }

    private static Transactions.Hygiene hygiene(SqlFunction<?, ?> work) {
        return work instanceof SdkWork ? () -> false : Transactions.Hygiene.ALWAYS;
    }

    /** Runs {@code work} in one transaction without a tenant (row-level security then hides all tenant rows). */
    public <T> T inTransaction(SqlFunction<Connection, T> work) {
        return transactions.run(null, guarded(work));
    }

    /** Work from outside the SDK gets a connection it cannot commit, roll back or close. */
    private static <T> SqlFunction<Connection, T> guarded(SqlFunction<Connection, T> work) {
        Objects.requireNonNull(work, "work");
        return work instanceof SdkWork ? work : c -> work.apply(GuardedConnection.wrap(c));
    }

    /** As {@link #inTenant}, resetting the connection afterwards only if {@code hygiene} asks. */
    <T> T inTenant(UUID tenantId, Transactions.Hygiene hygiene, SqlFunction<Connection, T> work) {
        return transactions.run(tenantId, hygiene, work);
    }

    /** As {@link #inContext(TenantContext, SqlFunction)}, resetting the connection afterwards only if {@code hygiene} asks. */
    <T> T inContext(TenantContext context, Transactions.Hygiene hygiene, SqlFunction<Connection, T> work) {
        return transactions.run(context.tenantId(), context.userId().orElse(null), hygiene, work);
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
