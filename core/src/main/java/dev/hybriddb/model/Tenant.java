package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A tenant (table {@code tenants}); a tenant sees only its own row. {@code type} is its plan, which
 * sets its default {@link TenantQuotas}; {@code usage} is counted by the database. A
 * {@link TenantStatus#SUSPENDED suspended} (or deleted) tenant cannot write; {@code suspendedAt}
 * and {@code deletedAt} say since when. The billing references are the application's (a Stripe
 * customer and subscription).
 */
public record Tenant(UUID id, String name, String slug, TenantType type, TenantStatus status, UUID ownerUserId,
        String ownerEmail, String ownerName, TenantSettings settings, TenantQuotas quotas, TenantUsage usage,
        String stripeCustomerId, String subscriptionId, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime suspendedAt, OffsetDateTime deletedAt) {
    /** True unless the tenant is suspended or deleted. */
    public boolean canWrite() {
        return status != TenantStatus.SUSPENDED && status != TenantStatus.DELETED;
    }
}
