package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.ProjectStatus;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.AgentExecution;
import dev.hybriddb.model.AgentExecutionFields;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.App;
import dev.hybriddb.model.AppFields;
import dev.hybriddb.model.Guest;
import dev.hybriddb.model.GuestFields;
import dev.hybriddb.model.KanbanBoard;
import dev.hybriddb.model.KanbanBoardFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskDependency;
import dev.hybriddb.model.TaskDependencyFields;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskState;
import dev.hybriddb.model.TaskStateFields;
import dev.hybriddb.model.Team;
import dev.hybriddb.model.TeamFields;
import dev.hybriddb.model.TeamMember;
import dev.hybriddb.model.User;
import dev.hybriddb.model.UserFields;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 000's workspace and seed 002's projects and executions, as the app role. */
@ExtendWith(MigratedDb.Cleanup.class)
class WorkspaceRepositoriesIT {
    private static HybridDB db;
    private static UUID tenant;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(4);
        tenant = MigratedDb.newTenant(db).id();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static <T> T in(Function<TenantScope, T> work) {
        return db.withTenant(tenant, work::apply);
    }

    @Test
    void usersTeamsAppsBoardsStates() {
        User u = in(x -> x.users().create(new UserFields("Ada", "ada@example.com", "owner", true, new BigDecimal("120.50"),
                List.of("java", "graphs"), Map.of("tz", "UTC"))));
        assertThat(u.availableForHire()).isTrue();
        assertThat(u.expertise()).containsExactly("java", "graphs");
        assertThat(in((TenantScope x) -> x.users().update(u.id(), new UserFields(null, null, "admin", null, null, null, null)).role()))
                .isEqualTo("admin");
        assertThatThrownBy(() -> in(x -> x.users().create(UserFields.of("Ada 2", "ada@example.com"))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("users_tenant_email_key"));
        User v = in(x -> x.users().create(UserFields.of("Bob", null)));

        Team t = in(x -> x.teams().create(TeamFields.of("Core", u.id())));
        assertThat(t.ownerId()).isEqualTo(u.id());
        in(x -> x.teams().addMember(t.id(), u.id(), "lead"));
        in(x -> x.teams().addMember(t.id(), v.id(), null));
        assertThat(in((TenantScope x) -> x.teams().members(t.id()))).extracting(TeamMember::userId).containsExactly(u.id(), v.id());
        assertThat(in((TenantScope x) -> x.teams().members(t.id()).get(1).role())).isEqualTo("member");
        assertThatThrownBy(() -> in(x -> x.teams().addMember(t.id(), v.id(), null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("team_members_team_user_key"));
        assertThat(in((TenantScope x) -> x.teams().removeMember(t.id(), v.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.teams().update(t.id(), new TeamFields("Core Team", "d", null)).name())).isEqualTo("Core Team");

        App app = in(x -> x.apps().create(AppFields.of("Dash", u.id())));
        assertThat(in((TenantScope x) -> x.apps().findById(app.id()))).contains(app);
        assertThat(in((TenantScope x) -> x.apps().update(app.id(), new AppFields(null, null, null, t.id(), Map.of("v", 2))).teamId()))
                .isEqualTo(t.id());
        KanbanBoard board = in(x -> x.kanbanBoards().create(new KanbanBoardFields("Sprint", null, u.id(), t.id(), app.id())));
        TaskState todo = in(x -> x.taskStates().create(TaskStateFields.of(board.id(), "Todo", 0)));
        TaskState done = in(x -> x.taskStates().create(new TaskStateFields(board.id(), "Done", 1, "#0f0", 5)));
        assertThat(in((TenantScope x) -> x.taskStates().findByBoard(board.id()))).extracting(TaskState::id)
                .containsExactly(todo.id(), done.id());
        assertThatThrownBy(() -> in(x -> x.taskStates().create(new TaskStateFields(board.id(), "Bad", 2, null, 0))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("task_states");
        assertThat(in((TenantScope x) -> x.kanbanBoards().update(board.id(), new KanbanBoardFields("Sprint 2", null, null, null, null)).name()))
                .isEqualTo("Sprint 2");
        assertThat(in((TenantScope x) -> x.kanbanBoards().list(Page.first(10)))).extracting(KanbanBoard::id).contains(board.id());
        assertThat(in((TenantScope x) -> x.taskStates().update(done.id(), new TaskStateFields(null, null, null, null, 9)).wipLimit())).isEqualTo(9);
        assertThat(in((TenantScope x) -> x.users().list(Page.first(10)))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(in((TenantScope x) -> x.teams().list(Page.first(10)))).extracting(Team::id).contains(t.id());
        assertThat(in((TenantScope x) -> x.apps().list(Page.first(10)))).extracting(App::id).contains(app.id());

        assertThat(in((TenantScope x) -> x.taskStates().delete(done.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.kanbanBoards().delete(board.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.taskStates().findById(todo.id()))).as("cascade").isEmpty();
        assertThat(in((TenantScope x) -> x.apps().delete(app.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.teams().delete(t.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.users().delete(v.id()))).isTrue();
    }

    @Test
    void guests() {
        Guest g = in(x -> x.guests().create(GuestFields.of("Visitor", "fp-1")));
        assertThat(g.fingerprint()).isEqualTo("fp-1");
        assertThat(in((TenantScope x) -> x.guests().update(g.id(), new GuestFields(null, "v@example.com", null, Map.of("seen", 1))).email()))
                .isEqualTo("v@example.com");
        assertThat(in((TenantScope x) -> x.guests().list(Page.first(5)))).extracting(Guest::id).contains(g.id());
        assertThat(in((TenantScope x) -> x.guests().delete(g.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.guests().findById(g.id()))).isEmpty();
    }

    @Test
    void tasksAndDependencies() {
        UUID agent = in(x -> x.agents().create(AgentFields.of("Coder", AgentRole.CODER, null, List.of("java"))).id());
        Task a = in(x -> x.tasks().create(TaskFields.of("Implement feature X", List.of("java"))));
        Task b = in(x -> x.tasks().create(TaskFields.of("Write tests", null)));
        Task c = in(x -> x.tasks().create(TaskFields.of("Release", null)));
        assertThat(a.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(a.requiredCapabilities()).containsExactly("java");
        assertThat(in((TenantScope x) -> x.tasks().assign(a.id(), agent).assignedAgentId())).isEqualTo(agent);
        assertThat(in((TenantScope x) -> x.tasks().findByAssignedAgent(agent, Page.first(5)))).extracting(Task::id).containsExactly(a.id());
        assertThat(in((TenantScope x) -> x.tasks().assign(a.id(), null).assignedAgentId())).isNull();
        assertThat(in((TenantScope x) -> x.tasks().updateStatus(a.id(), TaskStatus.IN_PROGRESS).status())).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(in((TenantScope x) -> x.tasks().update(a.id(), new TaskFields(null, "desc", null, null, 5, null, null, null,
                null, null, null, null, null, null, null, null)))).extracting(Task::description, Task::priority)
                .containsExactly("desc", 5);

        TaskDependency ab = in(x -> x.taskDependencies().create(TaskDependencyFields.of(c.id(), a.id())));
        in(x -> x.taskDependencies().create(TaskDependencyFields.of(c.id(), b.id())));
        assertThat(in((TenantScope x) -> x.taskDependencies().blockedBy(c.id()))).containsExactly(a.id(), b.id());
        assertThat(in((TenantScope x) -> x.taskDependencies().blocking(a.id()))).containsExactly(c.id());
        assertThatThrownBy(() -> in(x -> x.taskDependencies().create(TaskDependencyFields.of(c.id(), a.id()))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("task_dependencies_task_depends_on_key"));
        assertThatThrownBy(() -> in(x -> x.taskDependencies().create(TaskDependencyFields.of(a.id(), a.id()))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("task_dependencies_no_self"));
        assertThatThrownBy(() -> in(x -> x.taskDependencies().create(TaskDependencyFields.of(a.id(), null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dependsOnTaskId");
        assertThat(in((TenantScope x) -> x.taskDependencies().findById(ab.id()))).contains(ab);
        assertThat(in((TenantScope x) -> x.taskDependencies().list(Page.first(10)))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(in((TenantScope x) -> x.taskDependencies().remove(c.id(), b.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.taskDependencies().delete(ab.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.taskDependencies().blockedBy(c.id()))).isEmpty();
        assertThat(in((TenantScope x) -> x.tasks().delete(c.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.tasks().list(Page.first(100)))).extracting(Task::id).contains(a.id(), b.id());
    }

    @Test
    void projectsAndExecutions() {
        Project p = in(x -> x.projects().create(ProjectFields.of("hybriddb", "SDK")));
        Project q = in(x -> x.projects().create(ProjectFields.of("postgres", null)));
        assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(p.defaultBranch()).isEqualTo("main");
        in((TenantScope x) -> {
            x.projects().addDependency(p.id(), q.id());
            return null;
        });
        assertThat(in((TenantScope x) -> x.projects().dependencies(p.id()))).containsExactly(q.id());
        assertThatThrownBy(() -> db.useTenant(tenant, (TenantScope x) -> x.projects().addDependency(p.id(), p.id())))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("project_dependencies_no_self"));
        assertThatThrownBy(() -> in(x -> x.projects().create(ProjectFields.of("hybriddb", null))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("projects_tenant_ecosystem_name_key"));
        assertThat(in((TenantScope x) -> x.projects().update(p.id(), new ProjectFields(null, null, null, ProjectStatus.ARCHIVED,
                null, List.of("java"), null, null, null)))).extracting(Project::status, Project::techStack)
                .containsExactly(ProjectStatus.ARCHIVED, List.of("java"));
        assertThat(in((TenantScope x) -> x.projects().removeDependency(p.id(), q.id()))).isTrue();

        UUID agent = in(x -> x.agents().create(AgentFields.of("Runner", AgentRole.WORKER, null, null)).id());
        UUID task = in(x -> x.tasks().create(new TaskFields("Run", null, null, null, null, null, null, null, null, p.id(),
                null, null, null, null, null, null)).id());
        AgentExecution run = in(x -> x.agentExecutions().create(AgentExecutionFields.start(agent, task)));
        assertThat(run.result()).isNull();
        AgentExecution done = in(x -> x.agentExecutions().finish(run.id(), ExecutionResult.SUCCESS, 1200, new BigDecimal("0.042")));
        assertThat(done.result()).isEqualTo(ExecutionResult.SUCCESS);
        assertThat(done.tokens()).isEqualTo(1200);
        assertThat(done.cost()).isEqualByComparingTo("0.042");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.durationMs()).isNotNull().isNotNegative();
        assertThat(in((TenantScope x) -> x.agentExecutions().findByAgent(agent, Page.first(5)))).extracting(AgentExecution::id)
                .containsExactly(run.id());
        assertThat(in((TenantScope x) -> x.agentExecutions().update(run.id(), new AgentExecutionFields(null, null, null, "m1", Map.of("ok", true),
                null, null, null, null, null, null)).model())).isEqualTo("m1");
        assertThatThrownBy(() -> in(x -> x.agentExecutions().create(new AgentExecutionFields(agent, task, null, null, null, null,
                null, null, null, -1L, null))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("agent_executions");
        assertThat(in((TenantScope x) -> x.agentExecutions().list(Page.first(5)))).isNotEmpty();
        assertThat(in((TenantScope x) -> x.agentExecutions().delete(run.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.projects().delete(p.id()))).isTrue();
        assertThat(in((TenantScope x) -> x.tasks().findById(task))).as("tasks cascade with their project").isEmpty();
    }
}
