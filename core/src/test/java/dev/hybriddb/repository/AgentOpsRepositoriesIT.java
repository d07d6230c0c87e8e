package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.CoordinationMode;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.SwarmStatus;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.ApiKey;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.Budget;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.BudgetUsage;
import dev.hybriddb.model.Event;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.EventStats;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Position;
import dev.hybriddb.model.Session;
import dev.hybriddb.model.SessionFields;
import dev.hybriddb.model.Swarm;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 001's repositories (swarms, agents, events, sessions, budgets) and API keys, as the app role. */
@ExtendWith(MigratedDb.Cleanup.class)
class AgentOpsRepositoriesIT {
    private static HybridDB db;
    private static UUID tenant;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(16);
        tenant = MigratedDb.newTenant(db).id();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static <T> T in(java.util.function.Function<TenantScope, T> work) {
        return db.withTenant(tenant, work::apply);
    }

    @Test
    void tenantRow() {
        Tenant t = in(s -> s.tenant().current());
        assertThat(t.id()).isEqualTo(tenant);
        Tenant renamed = in(s -> s.tenant().update(new TenantFields("Renamed", null, null, null, null, "a@b.c", null, null, null, null, null)));
        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(renamed.ownerEmail()).isEqualTo("a@b.c");
        assertThatThrownBy(() -> db.createTenant(TenantFields.of("Dup", t.slug())))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("tenants_slug_key"));
    }

    @Test
    void swarmCrud() {
        Swarm s = in(x -> x.swarms().create(SwarmFields.of("My Swarm", Map.of("maxAgents", 10))));
        assertThat(s.tenantId()).isEqualTo(tenant);
        assertThat(s.status()).isEqualTo(SwarmStatus.ACTIVE);
        assertThat(s.config()).containsEntry("maxAgents", 10);
        assertThat(in((TenantScope x) -> x.swarms().findById(s.id()))).contains(s);
        Swarm paused = in(x -> x.swarms().update(s.id(), SwarmFields.status(SwarmStatus.PAUSED)));
        assertThat(paused.status()).isEqualTo(SwarmStatus.PAUSED);
        assertThat(paused.name()).isEqualTo("My Swarm");
        assertThat(in((TenantScope x) -> x.swarms().list(Page.first(10)))).extracting(Swarm::id).contains(s.id());
        assertThat(in((TenantScope x) -> x.swarms().delete(s.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.swarms().delete(s.id()))).isFalse();
        assertThat(in((TenantScope x) -> x.swarms().findById(s.id()))).isEmpty();
        assertThatThrownBy(() -> in(x -> x.swarms().get(s.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> in(x -> x.swarms().update(s.id(), SwarmFields.status(SwarmStatus.ACTIVE))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> in(x -> x.swarms().create(SwarmFields.of(" ", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
    }

    @Test
    void pagingIsValidatedAndOrdered() {
        List<UUID> ids = in(x -> {
            List<UUID> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(x.swarms().create(SwarmFields.of("page-" + i, null)).id());
            }
            return made;
        });
        List<Swarm> first = in(x -> x.swarms().list(Page.first(2)));
        List<Swarm> second = in(x -> x.swarms().list(Page.first(2).next()));
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(in((TenantScope x) -> x.swarms().count())).isGreaterThanOrEqualTo(5L);
        assertThatThrownBy(() -> Page.of(0, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> Page.of(1001, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Page.of(10, -1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("offset");
        in(x -> ids.stream().map(x.swarms()::delete).toList());
    }

    @Test
    void agentOperations() {
        UUID swarm = in(x -> x.swarms().create(SwarmFields.of("agents", null)).id());
        Agent pm = in(x -> x.agents().create(AgentFields.of("PM", AgentRole.PROJECT_MANAGER, "kimi-k2.5", List.of("coordination"))
                .inSwarm(swarm)));
        Agent coder = in(x -> x.agents().create(AgentFields.of("Coder", AgentRole.CODER, "kimi-k2.5", List.of("java", "sql"))
                .inSwarm(swarm).at(new Position(1, 2, 3)).managedBy(pm.id())));
        assertThat(coder.capabilities()).containsExactly("java", "sql");
        assertThat(coder.position()).isEqualTo(new Position(1, 2, 3));
        assertThat(coder.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(in((TenantScope x) -> x.agents().updateStatus(coder.id(), AgentStatus.RUNNING)).status()).isEqualTo(AgentStatus.RUNNING);
        Agent paused = in(x -> x.agents().pause(coder.id(), "user-123"));
        assertThat(paused.status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(paused.pausedBy()).isEqualTo("user-123");
        assertThat(paused.pausedAt()).isNotNull();
        Agent resumed = in(x -> x.agents().resume(coder.id()));
        assertThat(resumed.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(resumed.pausedBy()).isNull();
        assertThat(resumed.pausedAt()).isNull();
        assertThat(in((TenantScope x) -> x.agents().updateLifecycleState(coder.id(), "running")).lifecycleState()).isEqualTo("running");
        assertThat(in((TenantScope x) -> x.agents().findBySwarm(swarm, Page.first(10)))).extracting(Agent::id).containsExactlyInAnyOrder(pm.id(), coder.id());
        assertThat(in((TenantScope x) -> x.agents().findByManager(pm.id(), Page.first(10)))).extracting(Agent::id).containsExactly(coder.id());
        Agent updated = in(x -> x.agents().update(coder.id(), new AgentFields(null, "Coder 2", null, null, "Build feature",
                List.of("java"), null, null, Map.of("k", "v"), null)));
        assertThat(updated.name()).isEqualTo("Coder 2");
        assertThat(updated.task()).isEqualTo("Build feature");
        assertThat(updated.capabilities()).containsExactly("java");
        assertThat(updated.role()).isEqualTo(AgentRole.CODER);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(coder.updatedAt());
        assertThatThrownBy(() -> in(x -> x.agents().pause(coder.id(), " "))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> in(x -> x.agents().updateStatus(UUID.randomUUID(), AgentStatus.IDLE)))
                .isInstanceOf(NotFoundException.class);
        assertThat(in((TenantScope x) -> x.agents().delete(coder.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.agents().findById(coder.id()))).isEmpty();
    }

    @Test
    void coordinatorWithoutGraphAnswersFromSql() {
        assertThat(db.coordinator()).isSameAs(db.coordinator());
        assertThat(db.coordinator().mode()).isEqualTo(CoordinationMode.SQL_ONLY);
        UUID own = MigratedDb.newTenant(db).id();
        Agent coder = db.withTenant(own, (TenantScope x) -> x.agents().create(
                AgentFields.of("Ranked", AgentRole.CODER, "kimi-k2.5", List.of("rust"))));
        UUID task = db.withTenant(own, (TenantScope x) -> x.tasks().create(TaskFields.of("Port the parser", List.of("rust"))).id());
        AgentAssignment best = db.coordinator().findOptimalAgentForTask(own, task).orElseThrow();
        assertThat(best.agentId()).isEqualTo(coder.id());
        assertThat(best.name()).isEqualTo("Ranked");
        assertThat(best.role()).isEqualTo(AgentRole.CODER);
        assertThat(best.status()).isEqualTo(coder.status());
    }

    @Test
    void constraintViolationsNameTheConstraint() {
        UUID missingSwarm = UUID.randomUUID();
        assertThatThrownBy(() -> in(x -> x.agents().create(AgentFields.of("orphan", AgentRole.WORKER, null, null).inSwarm(missingSwarm))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("agents_swarm_fk"));
        Agent a = in(x -> x.agents().create(AgentFields.of("self", AgentRole.WORKER, null, null)));
        assertThatThrownBy(() -> in(x -> x.agents().update(a.id(), AgentFields.of(null, null, null, null).managedBy(a.id()))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("agents_not_own_manager"));
        assertThat(in((TenantScope x) -> x.agents().get(a.id())).managerId()).as("nothing half written").isNull();
    }

    @Test
    void eventsFilterAndStats() {
        UUID swarm = in(x -> x.swarms().create(SwarmFields.of("events", null)).id());
        UUID agent = in(x -> x.agents().create(AgentFields.of("ev", AgentRole.WORKER, null, null).inSwarm(swarm)).id());
        OffsetDateTime before = in(x -> x.dsl().select(org.jooq.impl.DSL.currentOffsetDateTime()).fetchOne(0, OffsetDateTime.class));
        in(x -> {
            x.events().create(new EventFields("agent.spawned", swarm, agent, Map.of("model", "kimi-k2.5")));
            x.events().create(new EventFields("agent.completed", swarm, agent, Map.of()));
            x.events().create(new EventFields("agent.completed", swarm, null, null));
            return x.events().create(EventFields.of("other", null));
        });
        List<Event> both = in(x -> x.events().findByFilter(new EventFilter(swarm, null,
                List.of("agent.spawned", "agent.completed"), before.minusSeconds(60), 100)));
        assertThat(both).hasSize(3).allSatisfy(e -> assertThat(e.swarmId()).isEqualTo(swarm));
        assertThat(in((TenantScope x) -> x.events().findByFilter(new EventFilter(null, agent, null, null, 100)))).hasSize(2);
        assertThat(in((TenantScope x) -> x.events().findByFilter(new EventFilter(swarm, null, List.of("agent.spawned"), null, 10))))
                .singleElement().satisfies(e -> assertThat(e.payload()).containsEntry("model", "kimi-k2.5"));
        assertThat(in((TenantScope x) -> x.events().findByFilter(new EventFilter(swarm, null, null, OffsetDateTime.now().plusDays(1), 10)))).isEmpty();
        assertThat(in((TenantScope x) -> x.events().findByFilter(new EventFilter(swarm, null, null, null, 1)))).hasSize(1);
        EventStats stats = in(x -> x.events().getStats(24));
        assertThat(stats.countsByType()).containsEntry("agent.completed", 2L).containsEntry("agent.spawned", 1L);
        assertThat(stats.total()).isGreaterThanOrEqualTo(4);
        assertThat(stats.lastAt()).isNotNull();
        assertThatThrownBy(() -> in(x -> x.events().getStats(0))).isInstanceOf(InvalidInputException.class).hasMessageContaining("hours");
        assertThatThrownBy(() -> new EventFilter(null, null, null, null, 0)).isInstanceOf(InvalidInputException.class);
        Event e = in(x -> x.events().create(EventFields.of("tmp", null)));
        assertThat(in((TenantScope x) -> x.events().update(e.id(), EventFields.of("tmp2", Map.of("a", 1)))).type()).isEqualTo("tmp2");
        assertThat(in((TenantScope x) -> x.events().delete(e.id()))).isTrue();
    }

    @Test
    void sessionsTreeAndMetadata() {
        Session s = in(x -> x.sessions().create(SessionFields.of(Map.of("root", "main"), "main")));
        assertThat(s.currentBranch()).isEqualTo("main");
        Session t = in(x -> x.sessions().updateTreeData(s.id(), Map.of("root", "main", "children", List.of("b1")), "branch-name"));
        assertThat(t.treeData()).containsEntry("children", List.of("b1"));
        assertThat(t.currentBranch()).isEqualTo("branch-name");
        in(x -> x.sessions().mergeMetadata(s.id(), Map.of("key", "value", "n", 1)));
        Session m = in(x -> x.sessions().mergeMetadata(s.id(), Map.of("n", 2)));
        assertThat(m.metadata()).containsEntry("key", "value").containsEntry("n", 2);
        assertThat(in((TenantScope x) -> x.sessions().updateTreeData(s.id(), Map.of(), null)).currentBranch()).isEqualTo("branch-name");
        assertThatThrownBy(() -> in(x -> x.sessions().mergeMetadata(UUID.randomUUID(), Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThat(in((TenantScope x) -> x.sessions().list(Page.first(5)))).extracting(Session::id).contains(s.id());
        assertThat(in((TenantScope x) -> x.sessions().delete(s.id()))).isTrue();
    }

    @Test
    void budgetsConsumeAndUsage() {
        UUID swarm = in(x -> x.swarms().create(SwarmFields.of("budget", null)).id());
        Budget b = in(x -> x.budgets().create(BudgetFields.forSwarm(swarm, new BigDecimal("100.00"), "USD", 100_000L)));
        assertThat(in((TenantScope x) -> x.budgets().consumeBudget(b.id(), 1000, new BigDecimal("25.50")))).isTrue();
        assertThat(in((TenantScope x) -> x.budgets().consumeBudget(b.id(), 1000, new BigDecimal("80")))).as("over cost").isFalse();
        assertThat(in((TenantScope x) -> x.budgets().consumeBudget(b.id(), 99_001, BigDecimal.ONE))).as("over tokens").isFalse();
        BudgetUsage u = in(x -> x.budgets().getUsage(b.id()));
        assertThat(u.consumed()).isEqualByComparingTo("25.50");
        assertThat(u.remaining()).isEqualByComparingTo("74.50");
        assertThat(u.percentageCost()).isEqualByComparingTo("25.50");
        assertThat(u.consumedTokens()).isEqualTo(1000);
        assertThat(u.percentageTokens()).isEqualByComparingTo("1.00");
        assertThat(u.currency()).isEqualTo("USD");
        assertThatThrownBy(() -> in(x -> x.budgets().consumeBudget(b.id(), -1, BigDecimal.ONE))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> in(x -> x.budgets().consumeBudget(b.id(), 1, new BigDecimal("0.00001"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> in(x -> x.budgets().consumeBudget(UUID.randomUUID(), 1, BigDecimal.ONE)))
                .isInstanceOf(NotFoundException.class);
        Budget raised = in(x -> x.budgets().update(b.id(), new BudgetFields(null, null, null, new BigDecimal("200"), null, null)));
        assertThat(raised.allocated()).isEqualByComparingTo("200");
        assertThatThrownBy(() -> in(x -> x.budgets().update(b.id(), new BudgetFields(null, null, null, new BigDecimal("1"), null, null))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("budgets_consumed_within_allocated"));
        assertThatThrownBy(() -> in(x -> x.budgets().create(new BudgetFields(null, "galaxy", null, BigDecimal.ONE, null, null))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("budgets_scope_type_check"));
        assertThat(in((TenantScope x) -> x.budgets().list(Page.first(10)))).extracting(Budget::id).contains(b.id());
        assertThat(in((TenantScope x) -> x.budgets().delete(b.id()))).isTrue();
    }

    @Test
    void concurrentConsumptionNeverOverspends() throws Exception {
        Budget b = in(x -> x.budgets().create(new BudgetFields(null, "tenant", null, new BigDecimal("10.00"), 1000L, "EUR")));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> in(x -> x.budgets().consumeBudget(b.id(), 30, new BigDecimal("0.25")))));
            }
            int ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get() ? 1 : 0;
            }
            // tokens allow 33 (990 <= 1000), cost allows 40 (10.00): the token limit binds
            assertThat(ok).isEqualTo(33);
            BudgetUsage u = in(x -> x.budgets().getUsage(b.id()));
            assertThat(u.consumedTokens()).isEqualTo(990);
            assertThat(u.consumed()).isEqualByComparingTo("8.25");
            assertThat(u.consumed()).isLessThanOrEqualTo(u.allocated());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void apiKeysAreCiphertextOnly() throws SQLException {
        UUID agent = in(x -> x.agents().create(AgentFields.of("pm", AgentRole.PROJECT_MANAGER, null, null)).id());
        String secret = "sk-test-" + UUID.randomUUID();
        ApiKey key = in(x -> x.apiKeys().create(ApiKeyFields.of("openai", secret, "coordination").forAgent(agent)));
        assertThat(key.toString()).doesNotContain(secret);
        assertThat(key.keyVersion()).isEqualTo(1);
        assertThat(ApiKeyFields.of("openai", secret, null).toString()).doesNotContain(secret).contains("****");
        try (Connection owner = MigratedDb.pg().openAdmin();
                PreparedStatement set = owner.prepareStatement("select set_config('hybriddb.tenant_id', ?, false)");
                PreparedStatement ps = owner.prepareStatement("select ciphertext, nonce, key_version from api_keys where id = ?")) {
            set.setString(1, tenant.toString());
            set.execute();
            ps.setObject(1, key.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sk-test");
                assertThat(rs.getBytes(2)).hasSize(12);
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
        }
        assertThat(in((TenantScope x) -> x.apiKeys().decrypt(key.id()))).isEqualTo(secret);
        assertThat(in((TenantScope x) -> x.apiKeys().get(key.id())).lastUsedAt()).isNotNull();
        assertThat(in((TenantScope x) -> x.apiKeys().findByAgent(agent, Page.first(5)))).extracting(ApiKey::id).containsExactly(key.id());
        in(x -> x.apiKeys().update(key.id(), new ApiKeyFields(null, null, "rotated", "sk-new")));
        assertThat(in((TenantScope x) -> x.apiKeys().decrypt(key.id()))).isEqualTo("sk-new");
        assertThat(in((TenantScope x) -> x.apiKeys().revoke(key.id())).revoked()).isTrue();
        assertThatThrownBy(() -> in(x -> x.apiKeys().decrypt(key.id()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revoked").hasMessageNotContaining("sk-new");
        assertThatThrownBy(() -> in(x -> x.apiKeys().create(ApiKeyFields.of("openai", "", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret");
        assertThat(in((TenantScope x) -> x.apiKeys().list(Page.first(5)))).isNotEmpty();
        assertThat(in((TenantScope x) -> x.apiKeys().delete(key.id()))).isTrue();
    }

    @Test
    void withTenantRetriesAfterTheBackendIsKilledWithoutDuplicates() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        String name = "survivor-" + UUID.randomUUID();
        Swarm s = in(x -> {
            if (attempts.incrementAndGet() == 1) {
                x.swarms().create(SwarmFields.of(name, null));
                int pid = x.dsl().fetchSingle("select pg_backend_pid()").get(0, Integer.class);
                try (Connection owner = MigratedDb.pg().openAdmin();
                        PreparedStatement ps = owner.prepareStatement("select pg_terminate_backend(?, 5000)")) {
                    ps.setInt(1, pid);
                    ps.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return x.swarms().create(SwarmFields.of(name, null));
        });
        assertThat(attempts).hasValue(2);
        assertThat(in((TenantScope x) -> x.swarms().list(Page.first(1000)))).filteredOn(w -> w.name().equals(name))
                .extracting(Swarm::id).containsExactly(s.id());
    }

    @Test
    void apiKeysNeedAKey() {
        dev.hybriddb.HybridConfig noKey = db.config().toBuilder().encryptionKey(null).maxPoolSize(1).build();
        try (HybridDB plain = HybridDB.builder().config(noKey).build()) {
            assertThatThrownBy(() -> plain.withTenant(tenant, (TenantScope x) -> x.apiKeys().create(ApiKeyFields.of("s", "k", null))))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("HYBRIDDB_ENCRYPTION_KEY");
        }
    }
}
