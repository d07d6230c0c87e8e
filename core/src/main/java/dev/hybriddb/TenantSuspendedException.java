package dev.hybriddb;

import java.util.UUID;

/**
 * The transaction's tenant is suspended (or deleted) and cannot write: every insert, update and
 * delete of its data is refused by the database until the tenant is reactivated. Reads still work.
 * Never retried.
 */
public class TenantSuspendedException extends HybridDBException {
    private static final long serialVersionUID = 1L;
    private final UUID tenantId;
    private final String status;

    public TenantSuspendedException(UUID tenantId, String status, String message, Throwable cause) {
        super(message, cause);
        this.tenantId = tenantId;
        this.status = status;
    }

    /** The tenant, or null if the database did not name it. */
    public UUID tenantId() {
        return tenantId;
    }

    /** Its status as stored ({@code suspended} or {@code deleted}). */
    public String status() {
        return status;
    }
}
