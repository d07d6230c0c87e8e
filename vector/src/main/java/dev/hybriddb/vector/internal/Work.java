package dev.hybriddb.vector.internal;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.SqlFunction;
import dev.hybriddb.TenantScope;
import dev.hybriddb.internal.SdkWork;
import dev.hybriddb.internal.SqlErrors;
import dev.hybriddb.vector.SearchOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a store's work runs: in a transaction of its own per call ({@link Database#inTenant}), or
 * on the connection of an enclosing {@link TenantScope}, so that it commits or rolls back with the
 * rest of that tenant's work. A scoped store refuses any tenant but the scope's.
 */
public final class Work {
    private final Database db;
    private final Database readDb;
    private final TenantScope scope;

    private Work(Database db, Database readDb, TenantScope scope) {
        this.db = db;
        this.readDb = readDb;
        this.scope = scope;
    }

    /** Each call in its own tenant transaction of {@code db}. */
    public static Work perCall(Database db) {
        return perCall(db, db);
    }

    /**
     * Each call in its own tenant transaction of {@code db}; read-only searches that tolerate
     * replication lag ({@link #lagTolerantSearch}) in one of {@code readDb} (a replica, or {@code db}).
     */
    public static Work perCall(Database db, Database readDb) {
        return new Work(Objects.requireNonNull(db, "db"), Objects.requireNonNull(readDb, "readDb"), null);
    }

    /** Every call in {@code scope}'s transaction. */
    public static Work in(TenantScope scope) {
        return new Work(null, null, Objects.requireNonNull(scope, "scope"));
    }

    /** True when the work runs in an enclosing tenant scope. */
    public boolean scoped() {
        return scope != null;
    }

    /** Runs {@code work} for {@code tenant}; SQL errors surface as HybridDB exceptions. */
    public <T> T run(UUID tenant, SqlFunction<Connection, T> work) {
        checkTenant(tenant);
        if (db != null) {
            return db.inTenant(tenant, SdkWork.of(work));
        }
        Connection c = scope.connection();
        try {
            if (c.isClosed()) {
                throw new IllegalStateException("the tenant scope has ended: use a scoped store only inside the work of withTenant");
            }
            return work.apply(c);
        } catch (SQLException e) {
            // Transient failures stay unchecked SQL causes so that withTenant retries the whole work.
            throw SqlErrors.isTransient(e) ? new TransientInScope(e) : SqlErrors.translate(e, 1);
        }
    }

    /**
     * Runs a search with {@code options}' planner and index settings in force. They are
     * transaction-local: per call they are made in the statement that sets the tenant context (no
     * round trip of their own); in a scope they are put back afterwards so the scope's other
     * queries do not inherit them.
     */
    public <T> T search(UUID tenant, SearchOptions options, SqlFunction<Connection, T> work) {
        if (db != null) {
            return searchIn(db, tenant, options, work);
        }
        return run(tenant, c -> {
            String[][] previous = QuerySettings.apply(c, options, scoped());
            T result = work.apply(c);
            if (previous != null) {
                QuerySettings.restore(c, previous);
            }
            return result;
        });
    }

    /**
     * As {@link #search}, for a search that only reads: per call it runs on the read database (a
     * replica when one is configured, so it may miss the latest commits); in a scope, on the
     * scope's connection like any other work.
     */
    public <T> T lagTolerantSearch(UUID tenant, SearchOptions options, SqlFunction<Connection, T> work) {
        return scope != null ? search(tenant, options, work) : searchIn(readDb, tenant, options, work);
    }

    /** One transaction of {@code database} whose context statement also makes the search's settings. */
    private <T> T searchIn(Database database, UUID tenant, SearchOptions options, SqlFunction<Connection, T> work) {
        checkTenant(tenant);
        return database.inTenant(tenant, SdkWork.withSettings(QuerySettings.local(options), work));
    }

    /** Rejects a null tenant and, in a scope, any tenant but the scope's. */
    public void checkTenant(UUID tenant) {
        if (tenant == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        if (scope != null && !tenant.equals(scope.tenantId())) {
            throw new InvalidInputException("tenantId", tenant, "must be the tenant of the enclosing scope ("
                    + scope.tenantId() + ")");
        }
    }

    /** A transient SQL failure inside a scope, left for the scope's transaction to retry. */
    private static final class TransientInScope extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransientInScope(SQLException cause) {
            super(SqlErrors.describe(cause), cause);
        }
    }
}
