package dev.hybriddb.model;

/**
 * A tenant's limits. The database enforces them in the writing transaction: users, projects and
 * agents (rows the tenant has at once) are checked when one is created, tokens per month when a
 * budget is consumed; a write over a limit fails with {@link dev.hybriddb.QuotaExceededException}.
 * {@code maxStorageGB} is kept for the application's billing and not measured by HybridDB. A null
 * component is unlimited.
 *
 * <p>New tenants get their plan's defaults ({@link TenantType}) for every quota not given:
 * <table>
 *   <caption>Default quotas per plan</caption>
 *   <tr><th>plan</th><th>users</th><th>projects</th><th>agents</th><th>tokens / month</th><th>storage GB</th></tr>
 *   <tr><td>free</td><td>5</td><td>10</td><td>5</td><td>100,000</td><td>10</td></tr>
 *   <tr><td>starter</td><td>10</td><td>50</td><td>15</td><td>1,000,000</td><td>100</td></tr>
 *   <tr><td>professional</td><td>50</td><td>250</td><td>50</td><td>10,000,000</td><td>1,000</td></tr>
 *   <tr><td>enterprise</td><td colspan="5">unlimited</td></tr>
 * </table>
 */
public record TenantQuotas(Long maxUsers, Long maxProjects, Long maxTokensPerMonth, Long maxStorageGB,
        Long maxConcurrentAgents) {
    /** The quota names as stored and as reported by {@link dev.hybriddb.QuotaExceededException#quota()}. */
    public static final String MAX_USERS = "maxUsers";
    public static final String MAX_PROJECTS = "maxProjects";
    public static final String MAX_TOKENS_PER_MONTH = "maxTokensPerMonth";
    public static final String MAX_STORAGE_GB = "maxStorageGB";
    public static final String MAX_CONCURRENT_AGENTS = "maxConcurrentAgents";

    public TenantQuotas {
        check(MAX_USERS, maxUsers);
        check(MAX_PROJECTS, maxProjects);
        check(MAX_TOKENS_PER_MONTH, maxTokensPerMonth);
        check(MAX_STORAGE_GB, maxStorageGB);
        check(MAX_CONCURRENT_AGENTS, maxConcurrentAgents);
    }

    private static void check(String name, Long v) {
        if (v != null && v < 0) {
            throw new dev.hybriddb.InvalidInputException(name, v, "must not be negative");
        }
    }

    /** No limit at all. */
    public static TenantQuotas unlimited() {
        return new TenantQuotas(null, null, null, null, null);
    }

    /** The same quotas with at most {@code v} users. */
    public TenantQuotas withMaxUsers(long v) {
        return new TenantQuotas(v, maxProjects, maxTokensPerMonth, maxStorageGB, maxConcurrentAgents);
    }

    /** The same quotas with at most {@code v} projects. */
    public TenantQuotas withMaxProjects(long v) {
        return new TenantQuotas(maxUsers, v, maxTokensPerMonth, maxStorageGB, maxConcurrentAgents);
    }

    /** The same quotas with at most {@code v} tokens consumed per calendar month. */
    public TenantQuotas withMaxTokensPerMonth(long v) {
        return new TenantQuotas(maxUsers, maxProjects, v, maxStorageGB, maxConcurrentAgents);
    }

    /** The same quotas with {@code v} GB of storage. */
    public TenantQuotas withMaxStorageGB(long v) {
        return new TenantQuotas(maxUsers, maxProjects, maxTokensPerMonth, v, maxConcurrentAgents);
    }

    /** The same quotas with at most {@code v} agents at once. */
    public TenantQuotas withMaxConcurrentAgents(long v) {
        return new TenantQuotas(maxUsers, maxProjects, maxTokensPerMonth, maxStorageGB, v);
    }
}
