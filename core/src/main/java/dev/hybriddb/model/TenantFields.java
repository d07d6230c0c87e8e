package dev.hybriddb.model;

import java.util.UUID;

/**
 * Writable tenant fields; {@code name} and {@code slug} are required to create. Unset fields keep
 * their value on update and take the defaults on create (plan {@code FREE}, status {@code PENDING},
 * the plan's quotas for every quota not given). Prefer the lifecycle operations of
 * {@link dev.hybriddb.repository.TenantRepository} (suspend, reactivate, change plan) to setting
 * {@code status} or {@code type} here: they say what they do in the audit log as well.
 */
public record TenantFields(String name, String slug, TenantType type, TenantStatus status, UUID ownerUserId,
        String ownerEmail, String ownerName, TenantSettings settings, TenantQuotas quotas, String stripeCustomerId,
        String subscriptionId) {
    /** A tenant with a name and a unique slug. */
    public static TenantFields of(String name, String slug) {
        return new TenantFields(name, slug, null, null, null, null, null, null, null, null, null);
    }

    /** The same fields with {@code name} set to {@code v}. */
    public TenantFields withName(String v) {
        return new TenantFields(v, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code slug} set to {@code v}. */
    public TenantFields withSlug(String v) {
        return new TenantFields(name, v, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code type} set to {@code v}. */
    public TenantFields withType(TenantType v) {
        return new TenantFields(name, slug, v, status, ownerUserId, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code status} set to {@code v}. */
    public TenantFields withStatus(TenantStatus v) {
        return new TenantFields(name, slug, type, v, ownerUserId, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code ownerUserId} set to {@code v}. */
    public TenantFields withOwnerUserId(UUID v) {
        return new TenantFields(name, slug, type, status, v, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code ownerEmail} set to {@code v}. */
    public TenantFields withOwnerEmail(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, v, ownerName, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code ownerName} set to {@code v}. */
    public TenantFields withOwnerName(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, v, settings, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code settings} set to {@code v}. */
    public TenantFields withSettings(TenantSettings v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, v, quotas,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code quotas} set to {@code v}. */
    public TenantFields withQuotas(TenantQuotas v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, v,
                stripeCustomerId, subscriptionId);
    }

    /** The same fields with {@code stripeCustomerId} set to {@code v}. */
    public TenantFields withStripeCustomerId(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas,
                v, subscriptionId);
    }

    /** The same fields with {@code subscriptionId} set to {@code v}. */
    public TenantFields withSubscriptionId(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas,
                stripeCustomerId, v);
    }
}
