package dev.hybriddb;

import java.sql.Connection;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * One tenant's transaction, handed to the work of {@link HybridDB#withTenant}: everything done
 * through it (its repositories, its connection, its jOOQ context) commits or rolls back together,
 * and row-level security shows and accepts only this tenant's rows. Valid only inside that work.
 */
public final class TenantScope {
    private final UUID tenantId;
    private final Connection connection;
    private final DSLContext dsl;

    TenantScope(UUID tenantId, Connection connection, DSLContext dsl) {
        this.tenantId = tenantId;
        this.connection = connection;
        this.dsl = dsl;
    }

    /** The tenant this transaction is scoped to. */
    public UUID tenantId() {
        return tenantId;
    }

    /** The transaction's connection (do not commit, roll back or close it). */
    public Connection connection() {
        return connection;
    }

    /** A jOOQ context on the transaction's connection. */
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public String toString() {
        return "TenantScope[" + tenantId + "]";
    }
}
