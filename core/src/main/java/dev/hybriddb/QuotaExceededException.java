package dev.hybriddb;

/**
 * A write would take a tenant over one of its quotas (for example {@code maxConcurrentAgents}).
 * The database checks quotas in the writing transaction, serialising a tenant's concurrent writers,
 * and refuses the statement as a whole: nothing of it was written. Never retried.
 */
public class QuotaExceededException extends HybridDBException {
    private static final long serialVersionUID = 1L;
    private final String quota;
    private final long limit;
    private final long usage;

    public QuotaExceededException(String quota, long limit, long usage, String message, Throwable cause) {
        super(message, cause);
        this.quota = quota;
        this.limit = limit;
        this.usage = usage;
    }

    /** The quota's name as in {@code TenantQuotas} (for example {@code maxConcurrentAgents}). */
    public String quota() {
        return quota;
    }

    /** The tenant's limit for this quota. */
    public long limit() {
        return limit;
    }

    /** The tenant's usage before the refused write. */
    public long usage() {
        return usage;
    }
}
