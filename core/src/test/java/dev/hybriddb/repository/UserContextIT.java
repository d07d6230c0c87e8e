package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.TenantContext;
import dev.hybriddb.TenantScope;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.ApiKey;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.AuditLog;
import dev.hybriddb.model.AuditLogFields;
import dev.hybriddb.model.Budget;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.TenantType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acting user of a transaction: set with {@link TenantContext#asUser}, read by the database
 * with {@code hybriddb_current_user()}, recorded in the audit entries that the database writes for
 * API keys, agent lifecycle, budget consumption and tenant changes, in the writing transaction.
 */
@ExtendWith(MigratedDb.Cleanup.class)
class UserContextIT {
    private static HybridDB db;
    private static UUID tenant;
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(1); // one connection: every transaction reuses the previous one's
        tenant = db.createTenant(MigratedDb.fields().withType(TenantType.ENTERPRISE), ALICE).id();
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

    private static TenantContext as(UUID user) {
        return TenantContext.of(tenant).asUser(user);
    }

    private static List<AuditLog> entries(String type, UUID id) {
        return db.withTenant(tenant, s -> s.auditLogs().findByResource(type, id.toString(), Page.first(50)));
    }

    @Test
    void theDatabaseReadsTheActingUser() {
        // tag::acting-user[]
        UUID user = db.withContext(TenantContext.of(tenant).asUser(ALICE),
                scope -> scope.dsl().resultQuery("select hybriddb_current_user()").fetchOne(0, UUID.class));
        // end::acting-user[]
        assertThat(user).isEqualTo(ALICE);
        assertThat(in(tenant, (TenantScope s) -> s.userId())).isEmpty();
        assertThat(inContext(as(BOB), (TenantScope s) -> s.userId())).contains(BOB);
    }

    @Test
    void agentLifecycleIsAuditedWithTheUser() {
        Agent a = db.withContext(as(ALICE), s -> s.agents().create(AgentFields.of("auditor", null, null, null)));
        db.useContext(as(BOB), s -> s.agents().pause(a.id(), "bob"));
        db.useContext(as(ALICE), s -> s.agents().resume(a.id()));
        db.useContext(as(BOB), s -> s.agents().updateLifecycleState(a.id(), "running"));
        db.useTenant(tenant, s -> s.agents().update(a.id(), AgentFields.of("renamed", null, null, null)));
        db.useContext(as(BOB), s -> s.agents().delete(a.id()));

        List<AuditLog> log = entries("agent", a.id());
        assertThat(log).extracting(AuditLog::action).containsExactlyInAnyOrder("agent.created", "agent.paused",
                "agent.resumed", "agent.lifecycle_changed", "agent.deleted");
        assertThat(log).filteredOn(e -> e.action().equals("agent.created")).singleElement()
                .satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(ALICE);
                    assertThat(e.actorType()).isEqualTo("user");
                    assertThat(e.actorId()).isEqualTo(ALICE.toString());
                });
        assertThat(log).filteredOn(e -> e.action().equals("agent.paused")).singleElement()
                .satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(BOB);
                    assertThat(e.details()).containsEntry("from", "idle").containsEntry("to", "paused").containsEntry("pausedBy", "bob");
                });
    }

    @Test
    void apiKeysAndBudgetConsumptionAreAudited() {
        ApiKey k = db.withContext(as(ALICE), s -> s.apiKeys().create(ApiKeyFields.of("openai", "sk-very-secret-1", null)));
        assertThat(inContext(as(BOB), (TenantScope s) -> s.apiKeys().decrypt(k.id()))).isEqualTo("sk-very-secret-1");
        db.useContext(as(ALICE), s -> s.apiKeys().update(k.id(), ApiKeyFields.of(null, "sk-very-secret-2", null)));
        db.useContext(as(BOB), s -> s.apiKeys().revoke(k.id()));
        List<AuditLog> keys = entries("api_key", k.id());
        assertThat(keys).extracting(AuditLog::action, AuditLog::userId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("api_key.created", ALICE), org.assertj.core.groups.Tuple.tuple("api_key.used", BOB),
                org.assertj.core.groups.Tuple.tuple("api_key.rotated", ALICE), org.assertj.core.groups.Tuple.tuple("api_key.revoked", BOB));
        assertThat(keys.toString()).doesNotContain("sk-very-secret");

        UUID swarm = db.withTenant(tenant, s -> s.swarms().create(SwarmFields.of("s", null)).id());
        Budget b = db.withTenant(tenant, s -> s.budgets().create(BudgetFields.forSwarm(swarm, new BigDecimal("10"), "USD", 1000L)));
        assertThat(inContext(as(BOB), (TenantScope s) -> s.budgets().consumeBudget(b.id(), 120, new BigDecimal("0.25")))).isTrue();
        assertThat(inContext(as(BOB), (TenantScope s) -> s.budgets().consumeBudget(b.id(), 5000, BigDecimal.ONE))).isFalse();
        assertThat(entries("budget", b.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("budget.consumed");
            assertThat(e.userId()).isEqualTo(BOB);
            assertThat(e.details()).containsEntry("tokens", 120).containsEntry("currency", "USD");
            assertThat(new BigDecimal(e.details().get("cost").toString())).isEqualByComparingTo("0.25");
        });
    }

    @Test
    void theEntryRollsBackWithTheTransaction() {
        UUID[] created = new UUID[1];
        assertThatThrownBy(() -> db.useContext(as(ALICE), s -> {
            created[0] = s.agents().create(AgentFields.of("doomed", null, null, null)).id();
            assertThat(s.auditLogs().findByResource("agent", created[0].toString(), Page.first(5))).hasSize(1);
            throw new IllegalStateException("the work fails after the write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entries("agent", created[0])).isEmpty();
        assertThat(in(tenant, (TenantScope s) -> s.agents().findById(created[0]))).isEmpty();
    }

    @Test
    void theUserDoesNotLeakToTheNextUserOfThePooledConnection() {
        db.useContext(as(ALICE), s -> s.agents().create(AgentFields.of("first", null, null, null)));
        // the work also tries to keep the user for the session, beyond its transaction
        db.useContext(as(ALICE), s -> s.dsl().fetch("select set_config('hybriddb.user_id', ?, false)", BOB.toString()));
        AuditLog next = db.withTenant(tenant, s -> s.auditLogs().append(AuditLogFields.of("system", null, "probe", "probe", "1")));
        assertThat(next.userId()).isNull();
        assertThat(in(tenant, (TenantScope s) -> s.dsl().resultQuery("select hybriddb_current_user()").fetchOne(0, UUID.class))).isNull();
        assertThat((String) db.database().inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("select current_setting('hybriddb.user_id', true)")) {
                rs.next();
                return rs.getString(1);
            }
        })).isEmpty();
    }

    @Test
    void anEntryCannotClaimAnotherUser() {
        UUID forged = db.withContext(as(ALICE), s -> s.dsl().resultQuery(
                "insert into audit_logs (tenant_id, action, user_id) values (?, 'forged', ?) returning user_id", tenant, BOB)
                .fetchOne(0, UUID.class));
        assertThat(forged).isEqualTo(ALICE);
    }

    @Test
    void aBadUserIdIsRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> TenantContext.parse(tenant.toString(), "alice'; drop table agents; --"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("userId"))
                .hasMessageContaining("userId").hasMessageContaining("alice'; drop table agents; --");
        assertThatThrownBy(() -> TenantContext.parse(tenant.toString(), "1-2-3-4-5")) // UUID.fromString would accept it
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'1-2-3-4-5'");
        assertThatThrownBy(() -> TenantContext.parse("nope", ALICE.toString()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
        assertThatThrownBy(() -> TenantContext.of(tenant).asUser(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> db.withContext(null, s -> 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("context"));
        assertThat(TenantContext.parse(tenant.toString(), ALICE.toString().toUpperCase()).userId()).contains(ALICE);
    }

    @Test
    void aBadUserSettingFromRawSqlFailsTheWriteClearly() {
        long before = db.withTenant(tenant, s -> s.agents().count());
        assertThatThrownBy(() -> db.useTenant(tenant, s -> {
            s.dsl().fetch("select set_config('hybriddb.user_id', 'mallory', true)");
            s.agents().create(AgentFields.of("written with a bad user", null, null, null));
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hybriddb.user_id"))
                .hasMessageContaining("mallory");
        assertThat(in(tenant, (TenantScope s) -> s.agents().count())).isEqualTo(before);
    }

    @Test
    void aTenantWithAuditedRowsCanStillBeDeleted() {
        UUID t = db.createTenant(MigratedDb.fields(), ALICE).id();
        db.useContext(TenantContext.of(t).asUser(ALICE), s -> {
            s.agents().create(AgentFields.of("a", null, null, null));
            s.apiKeys().create(ApiKeyFields.of("svc", "sk-1", null));
        });
        assertThat(in(t, (TenantScope s) -> s.dsl().execute("delete from tenants where id = ?", t))).isOne();
        assertThat(in(t, (TenantScope s) -> s.auditLogs().count())).isZero();
    }

    @Test
    void tenantChangesAreAuditedWithTheUser() {
        UUID t = db.createTenant(MigratedDb.fields(), ALICE).id();
        TenantContext bob = TenantContext.of(t).asUser(BOB);
        db.useContext(bob, s -> s.tenant().activate());
        db.useContext(bob, s -> s.tenant().suspend());
        db.useContext(TenantContext.of(t).asUser(ALICE), s -> s.tenant().reactivate());
        db.useContext(bob, s -> s.tenant().changePlan(TenantType.STARTER));
        List<AuditLog> log = db.withTenant(t, s -> s.auditLogs().findByResource("tenant", t.toString(), Page.first(20)));
        assertThat(log).extracting(AuditLog::action, AuditLog::userId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tenant.plan_changed", BOB),
                org.assertj.core.groups.Tuple.tuple("tenant.reactivated", ALICE),
                org.assertj.core.groups.Tuple.tuple("tenant.suspended", BOB),
                org.assertj.core.groups.Tuple.tuple("tenant.activated", BOB),
                org.assertj.core.groups.Tuple.tuple("tenant.created", ALICE));
        assertThat(log.get(0).details()).containsEntry("plan", java.util.Map.of("from", "free", "to", "starter"));
    }
}
