package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.AppFields;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.GuestFields;
import dev.hybriddb.model.KanbanBoardFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.SessionFields;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.TaskDependencyFields;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskStateFields;
import dev.hybriddb.model.TeamFields;
import dev.hybriddb.model.UserFields;
import dev.hybriddb.model.AgentExecutionFields;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant B can neither read nor write tenant A's rows through any repository, on a pool of one
 * connection (so both tenants' transactions run on the same reused connection).
 */
@ExtendWith(MigratedDb.Cleanup.class)
class TenantIsolationIT {
    private static HybridDB db;
    private static UUID a;
    private static UUID b;
    /** Repository name -> id of one of tenant A's rows. */
    private static final Map<String, UUID> ROWS = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(1);
        a = MigratedDb.newTenant(db).id();
        b = MigratedDb.newTenant(db).id();
        db.withTenant(a, (TenantScope x) -> {
            UUID swarm = put("swarms", x.swarms().create(SwarmFields.of("A", null)).id());
            UUID agent = put("agents", x.agents().create(AgentFields.of("A", AgentRole.CODER, null, null).inSwarm(swarm)).id());
            put("events", x.events().create(new EventFields("a.only", swarm, agent, null)).id());
            put("sessions", x.sessions().create(SessionFields.of(Map.of("root", "a"), "main")).id());
            put("budgets", x.budgets().create(BudgetFields.forSwarm(swarm, BigDecimal.TEN, "USD", null)).id());
            put("apiKeys", x.apiKeys().create(ApiKeyFields.of("openai", "sk-a", null)).id());
            put("guests", x.guests().create(GuestFields.of("A", "fp")).id());
            UUID user = put("users", x.users().create(UserFields.of("A", "a@a.a")).id());
            put("teams", x.teams().create(TeamFields.of("A", user)).id());
            put("apps", x.apps().create(AppFields.of("A", user)).id());
            UUID board = put("kanbanBoards", x.kanbanBoards().create(KanbanBoardFields.of("A", user)).id());
            put("taskStates", x.taskStates().create(TaskStateFields.of(board, "Todo", 0)).id());
            UUID t1 = put("tasks", x.tasks().create(TaskFields.of("A1", null)).id());
            UUID t2 = x.tasks().create(TaskFields.of("A2", null)).id();
            put("taskDependencies", x.taskDependencies().create(TaskDependencyFields.of(t2, t1)).id());
            put("projects", x.projects().create(ProjectFields.of("a", null)).id());
            put("agentExecutions", x.agentExecutions().create(AgentExecutionFields.start(agent, t1)).id());
            return null;
        });
    }

    private static UUID put(String repo, UUID id) {
        ROWS.put(repo, id);
        return id;
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static <T> T asB(Function<TenantScope, T> work) {
        return db.withTenant(b, work::apply);
    }

    private static CrudRepository<?, ?> repo(TenantScope x, String name) {
        return switch (name) {
            case "swarms" -> x.swarms();
            case "agents" -> x.agents();
            case "events" -> x.events();
            case "sessions" -> x.sessions();
            case "budgets" -> x.budgets();
            case "apiKeys" -> x.apiKeys();
            case "guests" -> x.guests();
            case "users" -> x.users();
            case "teams" -> x.teams();
            case "apps" -> x.apps();
            case "kanbanBoards" -> x.kanbanBoards();
            case "taskStates" -> x.taskStates();
            case "tasks" -> x.tasks();
            case "taskDependencies" -> x.taskDependencies();
            case "projects" -> x.projects();
            case "agentExecutions" -> x.agentExecutions();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void bothTenantsRunOnTheSameReusedConnection() {
        Integer pidA = db.withTenant(a, (TenantScope x) -> x.dsl().fetchSingle("select pg_backend_pid()").get(0, Integer.class));
        Integer pidB = asB((TenantScope x) -> x.dsl().fetchSingle("select pg_backend_pid()").get(0, Integer.class));
        assertThat(pidB).isEqualTo(pidA);
    }

    @Test
    void tenantBSeesNoneOfTenantARows() {
        assertThat(ROWS).hasSize(16);
        ROWS.forEach((name, id) -> {
            assertThat(asB((TenantScope x) -> repo(x, name).findById(id))).as(name).isEmpty();
            assertThat(asB((TenantScope x) -> repo(x, name).list(Page.first(1000)))).as(name).isEmpty();
            assertThat(asB((TenantScope x) -> repo(x, name).count())).as(name).isZero();
            assertThat(db.withTenant(a, (TenantScope x) -> repo(x, name).findById(id))).as(name).isPresent();
        });
        assertThat(asB((TenantScope x) -> x.events().findByFilter(EventFilter.latest(100)))).isEmpty();
        assertThat(asB((TenantScope x) -> x.events().getStats(24).total())).isZero();
        assertThat(asB((TenantScope x) -> x.tenant().current().id())).isEqualTo(b);
    }

    @Test
    void tenantBCannotChangeOrDeleteTenantARows() {
        ROWS.forEach((name, id) ->
                assertThat(asB((TenantScope x) -> repo(x, name).delete(id))).as(name).isFalse());
        UUID agent = ROWS.get("agents");
        assertThatThrownBy(() -> asB(x -> x.agents().updateStatus(agent, AgentStatus.TERMINATED))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.agents().pause(agent, "b"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.swarms().update(ROWS.get("swarms"), SwarmFields.of("stolen", null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.budgets().consumeBudget(ROWS.get("budgets"), 1, BigDecimal.ONE)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.apiKeys().decrypt(ROWS.get("apiKeys")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.sessions().mergeMetadata(ROWS.get("sessions"), Map.of("x", 1))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(x -> x.tasks().assign(ROWS.get("tasks"), null))).isInstanceOf(NotFoundException.class);
        assertThat(asB((TenantScope x) -> x.taskDependencies().blockedBy(ROWS.get("tasks")))).isEmpty();
        assertThat(db.withTenant(a, (TenantScope x) -> x.agents().get(agent).status())).isEqualTo(AgentStatus.IDLE);
        ROWS.forEach((name, id) ->
                assertThat(db.withTenant(a, (TenantScope x) -> repo(x, name).findById(id))).as(name).isPresent());
    }

    @Test
    void tenantBCannotReferenceOrForgeTenantARows() {
        assertThatThrownBy(() -> asB(x -> x.agents().create(AgentFields.of("B", AgentRole.CODER, null, null).inSwarm(ROWS.get("swarms")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.constraint()).isEqualTo("agents_swarm_fk"));
        assertThatThrownBy(() -> asB(x -> x.taskDependencies().create(TaskDependencyFields.of(ROWS.get("tasks"), ROWS.get("tasks")))))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> asB(x -> x.dsl().execute("insert into swarms(tenant_id, name) values (?, ?)", a, "forged")))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("42501").hasMessageContaining("row-level security");
        assertThat(db.withTenant(a, (TenantScope x) -> x.swarms().list(Page.first(100)))).extracting(s -> s.name()).containsExactly("A");
    }
}
