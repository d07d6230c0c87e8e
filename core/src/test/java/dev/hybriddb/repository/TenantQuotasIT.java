package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDB;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.QuotaExceededException;
import dev.hybriddb.TenantContext;
import dev.hybriddb.TenantScope;
import dev.hybriddb.TenantSuspendedException;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.Budget;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.DataResidency;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.TenantQuotas;
import dev.hybriddb.model.TenantSettings;
import dev.hybriddb.model.TenantStatus;
import dev.hybriddb.model.TenantType;
import dev.hybriddb.model.TenantUsage;
import dev.hybriddb.model.UserFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plans, quotas, usage and lifecycle of tenants, enforced by the database in the writing
 * transaction: the write over a quota fails as a whole (also among 32 concurrent writers), a
 * suspended tenant cannot write, and new tenants get their plan's quotas.
 */
@ExtendWith(MigratedDb.Cleanup.class)
class TenantQuotasIT {
    private static HybridDB db;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(12);
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static <T> T in(UUID t, java.util.function.Function<TenantScope, T> work) {
        return db.withTenant(t, work::apply);
    }

    private static <T> T inContext(TenantContext c, java.util.function.Function<TenantScope, T> work) {
        return db.withContext(c, work::apply);
    }

    private static UUID tenantWithQuotas(TenantQuotas quotas) {
        return db.createTenant(MigratedDb.fields().withQuotas(quotas)).id();
    }

    private static Agent agent(UUID tenant, String name) {
        return db.withTenant(tenant, s -> s.agents().create(AgentFields.of(name, null, null, null)));
    }

    @Test
    void newTenantsGetTheDefaultsOfTheirPlan() {
        Tenant free = db.createTenant(MigratedDb.fields());
        assertThat(free.type()).isEqualTo(TenantType.FREE);
        assertThat(free.status()).isEqualTo(TenantStatus.PENDING);
        assertThat(free.quotas()).isEqualTo(new TenantQuotas(5L, 10L, 100_000L, 10L, 5L));
        assertThat(free.usage()).isEqualTo(TenantUsage.none());
        assertThat(free.settings()).isEqualTo(TenantSettings.empty());
        assertThat(free.suspendedAt()).isNull();

        assertThat(db.createTenant(MigratedDb.fields().withType(TenantType.STARTER)).quotas())
                .isEqualTo(new TenantQuotas(10L, 50L, 1_000_000L, 100L, 15L));
        assertThat(db.createTenant(MigratedDb.fields().withType(TenantType.PROFESSIONAL)).quotas())
                .isEqualTo(new TenantQuotas(50L, 250L, 10_000_000L, 1000L, 50L));
        assertThat(db.createTenant(MigratedDb.fields().withType(TenantType.ENTERPRISE)).quotas())
                .isEqualTo(TenantQuotas.unlimited());
        // a quota given at creation replaces its plan default, the others stay
        assertThat(db.createTenant(MigratedDb.fields().withQuotas(TenantQuotas.unlimited().withMaxUsers(2))).quotas())
                .isEqualTo(new TenantQuotas(2L, 10L, 100_000L, 10L, 5L));
    }

    @Test
    void settingsBillingAndPlanChangesAreTyped() {
        UUID t = db.createTenant(MigratedDb.fields()).id();
        // tag::tenant-settings[]
        Tenant updated = db.withTenant(t, scope -> scope.tenant().update(TenantFields.of(null, null)
                .withSettings(TenantSettings.empty().withDefaultModel("claude-sonnet")
                        .withAllowedModels(List.of("claude-sonnet", "claude-haiku")).withDataResidency(DataResidency.EU))
                .withStripeCustomerId("cus_123").withSubscriptionId("sub_456")));
        Tenant upgraded = db.withTenant(t, scope -> scope.tenant().changePlan(TenantType.PROFESSIONAL));
        // end::tenant-settings[]
        assertThat(updated.settings().dataResidency()).isEqualTo(DataResidency.EU);
        assertThat(updated.settings().allowedModels()).containsExactly("claude-sonnet", "claude-haiku");
        assertThat(updated.stripeCustomerId()).isEqualTo("cus_123");
        assertThat(updated.subscriptionId()).isEqualTo("sub_456");
        assertThat(upgraded.type()).isEqualTo(TenantType.PROFESSIONAL);
        assertThat(upgraded.quotas().maxConcurrentAgents()).isEqualTo(50L);
        assertThat(upgraded.settings()).isEqualTo(updated.settings());
        assertThatThrownBy(() -> TenantQuotas.unlimited().withMaxProjects(-1))
                .isInstanceOf(dev.hybriddb.InvalidInputException.class).hasMessageContaining("maxProjects");
    }

    @Test
    void theWriteOverAQuotaFailsNamingQuotaLimitAndUsage() {
        UUID t = tenantWithQuotas(TenantQuotas.unlimited().withMaxConcurrentAgents(2).withMaxProjects(1).withMaxUsers(1));
        agent(t, "a1");
        Agent a2 = agent(t, "a2");
        // tag::quota-exceeded[]
        try {
            db.withTenant(t, scope -> scope.agents().create(AgentFields.of("one too many", null, null, null)));
        } catch (QuotaExceededException e) {
            assertThat(e.quota()).isEqualTo("maxConcurrentAgents");
            assertThat(e.limit()).isEqualTo(2);
            assertThat(e.usage()).isEqualTo(2);
        }
        // end::quota-exceeded[]
        assertThatThrownBy(() -> agent(t, "a3")).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("maxConcurrentAgents").hasMessageContaining("limit 2").hasMessageContaining("usage 2");
        assertThat(in(t, (TenantScope s) -> s.agents().count())).isEqualTo(2);
        assertThat(in(t, (TenantScope s) -> s.tenant().usage().currentAgents())).isEqualTo(2);

        db.useTenant(t, s -> s.agents().delete(a2.id())); // a deleted agent frees its place
        agent(t, "a3");
        assertThat(in(t, (TenantScope s) -> s.tenant().usage().currentAgents())).isEqualTo(2);

        db.useTenant(t, s -> s.projects().create(ProjectFields.of("p1", null)));
        assertThatThrownBy(() -> db.useTenant(t, s -> s.projects().create(ProjectFields.of("p2", null))))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxProjects"));
        db.useTenant(t, s -> s.users().create(UserFields.of("u1", "u1@example.com")));
        assertThatThrownBy(() -> db.useTenant(t, s -> s.users().create(UserFields.of("u2", "u2@example.com"))))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxUsers"));
        assertThat(in(t, (TenantScope s) -> s.tenant().usage())).isEqualTo(new TenantUsage(1, 1, 2, 0));
    }

    @Test
    void aStatementOverTheQuotaWritesNothingAndTheTransactionKeepsNothing() {
        UUID t = tenantWithQuotas(TenantQuotas.unlimited().withMaxConcurrentAgents(3));
        agent(t, "existing");
        // one statement inserting three rows where two fit: none is written
        assertThatThrownBy(() -> db.useTenant(t, s -> s.dsl().execute(
                "insert into agents (tenant_id, name) values (?, 'x1'), (?, 'x2'), (?, 'x3')", t, t, t)))
                .isInstanceOf(QuotaExceededException.class);
        // a transaction whose second write is refused keeps nothing of the first
        assertThatThrownBy(() -> db.useTenant(t, s -> {
            s.agents().create(AgentFields.of("y1", null, null, null));
            s.agents().create(AgentFields.of("y2", null, null, null));
            s.agents().create(AgentFields.of("y3", null, null, null));
        })).isInstanceOf(QuotaExceededException.class);
        assertThat(in(t, (TenantScope s) -> s.agents().count())).isEqualTo(1);
        assertThat(in(t, (TenantScope s) -> s.tenant().usage().currentAgents())).isEqualTo(1);
    }

    @Test
    void thirtyTwoConcurrentWritersGetExactlyTheQuota() throws Exception {
        int quota = 7;
        int writers = 32;
        UUID t = tenantWithQuotas(TenantQuotas.unlimited().withMaxConcurrentAgents(quota));
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "writer-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        agent(t, name);
                    } catch (QuotaExceededException e) {
                        refused.incrementAndGet();
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).isEmpty();
        assertThat(refused.get()).isEqualTo(writers - quota);
        assertThat(in(t, (TenantScope s) -> s.agents().count())).isEqualTo(quota);
        assertThat(in(t, (TenantScope s) -> s.tenant().usage().currentAgents())).isEqualTo(quota);
    }

    @Test
    void tokensPerMonthAreCountedWhenABudgetIsConsumed() {
        UUID t = tenantWithQuotas(TenantQuotas.unlimited().withMaxTokensPerMonth(100));
        UUID swarm = db.withTenant(t, s -> s.swarms().create(SwarmFields.of("s", null)).id());
        Budget b = db.withTenant(t, s -> s.budgets().create(BudgetFields.forSwarm(swarm, new BigDecimal("1000"), "USD", null)));
        assertThat(in(t, (TenantScope s) -> s.budgets().consumeBudget(b.id(), 60, BigDecimal.ONE))).isTrue();
        assertThatThrownBy(() -> db.withTenant(t, s -> s.budgets().consumeBudget(b.id(), 50, BigDecimal.ONE)))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo("maxTokensPerMonth");
                    assertThat(e.limit()).isEqualTo(100);
                    assertThat(e.usage()).isEqualTo(60);
                });
        assertThat(in(t, (TenantScope s) -> s.budgets().get(b.id()).consumedTokens())).isEqualTo(60);
        assertThat(in(t, (TenantScope s) -> s.tenant().usage().tokensThisMonth())).isEqualTo(60);
    }

    @Test
    void aSuspendedTenantCannotWriteUntilReactivated() {
        UUID t = db.createTenant(MigratedDb.fields()).id();
        Agent a = agent(t, "before");
        // tag::suspend[]
        Tenant suspended = db.withTenant(t, scope -> scope.tenant().suspend());
        // end::suspend[]
        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.suspendedAt()).isNotNull();
        assertThat(suspended.canWrite()).isFalse();
        assertThatThrownBy(() -> agent(t, "during")).isInstanceOfSatisfying(TenantSuspendedException.class, e -> {
            assertThat(e.tenantId()).isEqualTo(t);
            assertThat(e.status()).isEqualTo("suspended");
        }).hasMessageContaining("cannot write");
        assertThatThrownBy(() -> db.useTenant(t, s -> s.agents().pause(a.id(), "x"))).isInstanceOf(TenantSuspendedException.class);
        assertThatThrownBy(() -> db.useTenant(t, s -> s.agents().delete(a.id()))).isInstanceOf(TenantSuspendedException.class);
        assertThatThrownBy(() -> db.useTenant(t, s -> s.projects().create(ProjectFields.of("p", null))))
                .isInstanceOf(TenantSuspendedException.class);
        assertThat(in(t, (TenantScope s) -> s.agents().get(a.id()).name())).isEqualTo("before"); // reads still work

        Tenant back = db.withTenant(t, scope -> scope.tenant().reactivate());
        assertThat(back.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(back.suspendedAt()).isNull();
        agent(t, "after");

        db.useTenant(t, s -> s.tenant().markDeleted());
        assertThatThrownBy(() -> agent(t, "deleted")).isInstanceOfSatisfying(TenantSuspendedException.class,
                e -> assertThat(e.status()).isEqualTo("deleted"));
        assertThat(in(t, (TenantScope s) -> s.tenant().current().deletedAt())).isNotNull();
    }

    @Test
    void theApplicationRoleCannotRewriteItsCounters() {
        UUID t = tenantWithQuotas(TenantQuotas.unlimited().withMaxConcurrentAgents(1));
        agent(t, "only");
        assertThatThrownBy(() -> db.useTenant(t, s -> s.dsl().execute("update tenant_usage set agents = 0")))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.useTenant(t, s -> s.dsl().execute(
                "select hybriddb_usage_add(?, 'agents', -1, 'maxConcurrentAgents')", t)))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> agent(t, "second")).isInstanceOf(QuotaExceededException.class);
    }
}
