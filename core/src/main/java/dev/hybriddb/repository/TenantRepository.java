package dev.hybriddb.repository;

import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.TenantQuotas;
import dev.hybriddb.model.TenantType;
import dev.hybriddb.model.TenantUsage;

/**
 * The scope's own tenant row: settings, plan and quotas, usage, billing references and lifecycle.
 * Tenants are created with {@link dev.hybriddb.HybridDB#createTenant}. Every change is written to
 * the audit log by the database, in the same transaction, with the acting user
 * ({@link dev.hybriddb.TenantContext#asUser}).
 *
 * <p>Lifecycle: a new tenant is {@code PENDING}; {@link #activate()} makes it {@code ACTIVE};
 * {@link #suspend()} stops all its writes (a {@link dev.hybriddb.TenantSuspendedException}) until
 * {@link #reactivate()}; {@link #markDeleted()} stops them for good (the rows stay until the
 * tenant row is deleted). The tenant row itself stays writable in every state.
 */
public interface TenantRepository {
    /** The scope's tenant, with its current usage. */
    Tenant current();

    /** What the tenant uses of its quotas now. */
    TenantUsage usage();

    /** Writes the non-null fields of the scope's tenant and returns it. */
    Tenant update(TenantFields changes);

    /** {@code PENDING} to {@code ACTIVE} (audited as {@code tenant.activated}). */
    Tenant activate();

    /** Status {@code SUSPENDED}, {@code suspendedAt} now: the tenant's data can be read but not written. */
    Tenant suspend();

    /** Status {@code ACTIVE} again, {@code suspendedAt} cleared: the tenant can write again. */
    Tenant reactivate();

    /** Status {@code DELETED}, {@code deletedAt} now: a soft delete; the tenant cannot write. */
    Tenant markDeleted();

    /** A new plan; the quotas become the new plan's defaults. */
    Tenant changePlan(TenantType plan);

    /** Replaces all quotas (a null component is unlimited). */
    Tenant setQuotas(TenantQuotas quotas);
}
