package dev.hybriddb.repository;

import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;

/**
 * The scope's own tenant row. Tenants are created with {@link dev.hybriddb.HybridDB#createTenant}.
 */
public interface TenantRepository {
    /** The scope's tenant. */
    Tenant current();

    /** Writes the non-null fields of the scope's tenant. */
    Tenant update(TenantFields changes);
}
