package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TENANTS;
import static dev.hybriddb.jooq.Tables.TENANT_USAGE;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.jooq.tables.records.TenantsRecord;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.TenantQuotas;
import dev.hybriddb.model.TenantStatus;
import dev.hybriddb.model.TenantType;
import dev.hybriddb.model.TenantUsage;
import dev.hybriddb.repository.TenantRepository;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@link TenantRepository} on {@code tenants} (row-level security: id = the scope's tenant) and its
 * usage counters in {@code tenant_usage}. Plan defaults, quota checks, status timestamps and the
 * audit entries are the database's (triggers).
 */
public final class TenantRepo implements TenantRepository {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The monthly counter reads 0 once its month is over (the next counted write restarts it). */
    private static final Field<Long> TOKENS_THIS_MONTH = DSL.when(TENANT_USAGE.PERIOD_START.eq(
            DSL.field("date_trunc('month', now())::date", LocalDate.class)), TENANT_USAGE.TOKENS_THIS_MONTH).otherwise(0L);
    private final Scope scope;

    public TenantRepo(Scope scope) {
        this.scope = scope;
    }

    /** Inserts the scope's tenant row (id = the scope's tenant). */
    public Tenant create(TenantFields f) {
        Values.require("fields", f);
        Values.requireText("name", f.name());
        Values.requireText("slug", f.slug());
        scope.dsl().insertInto(TENANTS).set(values(f).put(TENANTS.ID, scope.tenantId()).map()).execute();
        return current();
    }

    @Override
    public Tenant current() {
        DSLContext dsl = scope.dsl();
        TenantsRecord r = dsl.selectFrom(TENANTS).where(TENANTS.ID.eq(scope.tenantId())).fetchOptional()
                .orElseThrow(() -> new NotFoundException("tenant", scope.tenantId()));
        return map(r, usage());
    }

    @Override
    public TenantUsage usage() {
        return scope.dsl().select(TENANT_USAGE.USERS, TENANT_USAGE.PROJECTS, TENANT_USAGE.AGENTS, TOKENS_THIS_MONTH)
                .from(TENANT_USAGE).where(TENANT_USAGE.TENANT_ID.eq(scope.tenantId())).fetchOptional()
                .map(u -> new TenantUsage(u.value1(), u.value2(), u.value3(), u.value4())).orElse(TenantUsage.none());
    }

    @Override
    public Tenant update(TenantFields changes) {
        return write(values(Values.require("changes", changes)));
    }

    @Override
    public Tenant activate() {
        return status(TenantStatus.ACTIVE);
    }

    @Override
    public Tenant suspend() {
        return status(TenantStatus.SUSPENDED);
    }

    @Override
    public Tenant reactivate() {
        return status(TenantStatus.ACTIVE);
    }

    @Override
    public Tenant markDeleted() {
        return status(TenantStatus.DELETED);
    }

    @Override
    public Tenant changePlan(TenantType plan) {
        return write(new Values().put(TENANTS.TYPE, Values.require("plan", plan)));
    }

    @Override
    public Tenant setQuotas(TenantQuotas quotas) {
        return write(new Values().json(TENANTS.QUOTAS, TenantDocuments.quotas(Values.require("quotas", quotas))));
    }

    private Tenant status(TenantStatus status) {
        return write(new Values().put(TENANTS.STATUS, status));
    }

    private Tenant write(Values v) {
        if (!v.isEmpty() && scope.dsl().update(TENANTS).set(v.map()).where(TENANTS.ID.eq(scope.tenantId())).execute() == 0) {
            throw new NotFoundException("tenant", scope.tenantId());
        }
        return current();
    }

    private static Values values(TenantFields f) {
        if (f.slug() != null && !SLUG.matcher(f.slug()).matches()) {
            throw new InvalidInputException("slug", f.slug(), "must be lower-case letters, digits and '-'");
        }
        Values v = new Values().put(TENANTS.NAME, Values.optionalText("name", f.name())).put(TENANTS.SLUG, f.slug())
                .put(TENANTS.TYPE, f.type()).put(TENANTS.STATUS, f.status()).put(TENANTS.OWNER_USER_ID, f.ownerUserId())
                .put(TENANTS.OWNER_EMAIL, f.ownerEmail()).put(TENANTS.OWNER_NAME, f.ownerName())
                .put(TENANTS.STRIPE_CUSTOMER_ID, Values.optionalText("stripeCustomerId", f.stripeCustomerId()))
                .put(TENANTS.SUBSCRIPTION_ID, Values.optionalText("subscriptionId", f.subscriptionId()));
        if (f.settings() != null) {
            v.json(TENANTS.SETTINGS, TenantDocuments.settings(f.settings()));
        }
        if (f.quotas() != null) {
            v.json(TENANTS.QUOTAS, TenantDocuments.quotas(f.quotas()));
        }
        return v;
    }

    private static Tenant map(TenantsRecord r, TenantUsage usage) {
        return new Tenant(r.getId(), r.getName(), r.getSlug(), r.getType(), r.getStatus(), r.getOwnerUserId(),
                r.getOwnerEmail(), r.getOwnerName(), TenantDocuments.settings(Json.map(r.getSettings())),
                TenantDocuments.quotas(Json.map(r.getQuotas())), usage, r.getStripeCustomerId(), r.getSubscriptionId(),
                r.getCreatedAt(), r.getUpdatedAt(), r.getSuspendedAt(), r.getDeletedAt());
    }
}
