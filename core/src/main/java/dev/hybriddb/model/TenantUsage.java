package dev.hybriddb.model;

/**
 * What a tenant uses of its {@link TenantQuotas}, counted by the database in each writing
 * transaction: its users, projects and agents now, and the tokens its budgets consumed this
 * calendar month (UTC of the database server's clock).
 */
public record TenantUsage(long currentUsers, long currentProjects, long currentAgents, long tokensThisMonth) {
    /** Nothing used. */
    public static TenantUsage none() {
        return new TenantUsage(0, 0, 0, 0);
    }
}
