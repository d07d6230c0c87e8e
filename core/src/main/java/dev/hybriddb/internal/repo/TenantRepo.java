package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TENANTS;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.jooq.tables.records.TenantsRecord;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.repository.TenantRepository;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/** {@link TenantRepository} on {@code tenants} (row-level security: id = the scope's tenant). */
public final class TenantRepo implements TenantRepository {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final Scope scope;

    public TenantRepo(Scope scope) {
        this.scope = scope;
    }

    /** Inserts the scope's tenant row (id = the scope's tenant). */
    public Tenant create(TenantFields f) {
        Values.require("fields", f);
        Values.requireText("name", f.name());
        Values.requireText("slug", f.slug());
        return map(scope.dsl().insertInto(TENANTS).set(values(f).put(TENANTS.ID, scope.tenantId()).map())
                .returning().fetchSingle());
    }

    @Override
    public Tenant current() {
        DSLContext dsl = scope.dsl();
        return dsl.selectFrom(TENANTS).where(TENANTS.ID.eq(scope.tenantId())).fetchOptional().map(TenantRepo::map)
                .orElseThrow(() -> new NotFoundException("tenant", scope.tenantId()));
    }

    @Override
    public Tenant update(TenantFields changes) {
        Values v = values(Values.require("changes", changes));
        if (v.isEmpty()) {
            return current();
        }
        return scope.dsl().update(TENANTS).set(v.map()).where(TENANTS.ID.eq(scope.tenantId())).returning()
                .fetchOptional().map(TenantRepo::map).orElseThrow(() -> new NotFoundException("tenant", scope.tenantId()));
    }

    private static Values values(TenantFields f) {
        if (f.slug() != null && !SLUG.matcher(f.slug()).matches()) {
            throw new dev.hybriddb.InvalidInputException("slug", f.slug(), "must be lower-case letters, digits and '-'");
        }
        return new Values().put(TENANTS.NAME, Values.optionalText("name", f.name())).put(TENANTS.SLUG, f.slug())
                .put(TENANTS.TYPE, f.type()).put(TENANTS.STATUS, f.status()).put(TENANTS.OWNER_USER_ID, f.ownerUserId())
                .put(TENANTS.OWNER_EMAIL, f.ownerEmail()).put(TENANTS.OWNER_NAME, f.ownerName())
                .json(TENANTS.SETTINGS, f.settings()).json(TENANTS.QUOTAS, f.quotas());
    }

    private static Tenant map(TenantsRecord r) {
        return new Tenant(r.getId(), r.getName(), r.getSlug(), r.getType(), r.getStatus(), r.getOwnerUserId(),
                r.getOwnerEmail(), r.getOwnerName(), Json.map(r.getSettings()), Json.map(r.getQuotas()),
                Json.map(r.getUsage()), r.getCreatedAt(), r.getUpdatedAt());
    }
}
