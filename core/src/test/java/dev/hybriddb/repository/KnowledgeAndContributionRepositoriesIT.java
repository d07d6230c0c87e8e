package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentTaskStatus;
import dev.hybriddb.model.AgentTaskType;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentTask;
import dev.hybriddb.model.AgentTaskFields;
import dev.hybriddb.model.Asset;
import dev.hybriddb.model.AssetFields;
import dev.hybriddb.model.AuditLog;
import dev.hybriddb.model.AuditLogFields;
import dev.hybriddb.model.Contribution;
import dev.hybriddb.model.ContributionFields;
import dev.hybriddb.model.Contributor;
import dev.hybriddb.model.ContributorFields;
import dev.hybriddb.model.Lesson;
import dev.hybriddb.model.LessonFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 002's lessons and audit log, seed 003's contributions and agent tasks, as the app role. */
@ExtendWith(MigratedDb.Cleanup.class)
class KnowledgeAndContributionRepositoriesIT {
    private static HybridDB db;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(4);
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    /** Each test uses a tenant of its own, so lists and counts are exact. */
    private static UUID newTenant() {
        return MigratedDb.newTenant(db).id();
    }

    private static <T> T in(UUID tenant, Function<TenantScope, T> work) {
        return db.withTenant(tenant, work::apply);
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void projectNamesAreLowerCaseAndTheDatabaseCountsDependencies() {
        UUID t = newTenant();
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("React", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("'React'").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("react", null).withEcosystem("NPM"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ecosystem"))
                .hasMessageContaining("'NPM'");
        Project app = in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("app", null).withEcosystem("npm")));
        Project react = in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("react", null).withEcosystem("npm")));
        Project lodash = in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("lodash", null).withEcosystem("npm")));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.projects().update(app.id(), ProjectFields.of("App", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(in(t, (TenantScope x) -> x.projects().count())).as("nothing written by the refused calls").isEqualTo(3L);

        int count = in(t, (TenantScope x) -> {
            // tag::dependency-count[]
            x.projects().addDependency(app.id(), react.id());
            x.projects().addDependency(app.id(), lodash.id());
            return x.projects().get(app.id()).dependencyCount(); // 2, counted by the database
            // end::dependency-count[]
        });
        assertThat(count).isEqualTo(2);
        assertThat(in(t, (TenantScope x) -> x.projects().removeDependency(app.id(), lodash.id()))).isTrue();
        assertThat(in(t, (TenantScope x) -> x.projects().get(app.id())).dependencyCount()).isEqualTo(1);
        assertThat(in(t, (TenantScope x) -> x.projects().get(react.id())).dependencyCount()).isZero();
    }

    @Test
    void lessons() {
        UUID t = newTenant();
        UUID project = in(t, (TenantScope x) -> x.projects().create(ProjectFields.of("parser", null)).id());
        Lesson l = in(t, (TenantScope x) -> x.lessons().create(LessonFields.of("Retry", "Retry serialization failures",
                List.of("sql", "retry")).forProject(project).withConfidence(dec("0.80"))));
        assertThat(l.appliedCount()).isZero();
        assertThat(l.tags()).containsExactly("sql", "retry");
        assertThat(l.confidence()).isEqualByComparingTo("0.8");
        in(t, (TenantScope x) -> x.lessons().create(LessonFields.of("Other", "Unrelated", List.of("ui"))));
        assertThat((in(t, (TenantScope x) -> x.lessons().markApplied(l.id()))).appliedCount()).isEqualTo(1);
        assertThat((in(t, (TenantScope x) -> x.lessons().markApplied(l.id()))).appliedCount()).isEqualTo(2);
        assertThat(in(t, (TenantScope x) -> x.lessons().findByProject(project, Page.first(10)))).extracting(r -> r.id()).containsExactly(l.id());
        assertThat(in(t, (TenantScope x) -> x.lessons().findByTag("retry", Page.first(10)))).extracting(r -> r.id()).containsExactly(l.id());
        Lesson renamed = in(t, (TenantScope x) -> x.lessons().update(l.id(),
                new LessonFields(null, null, null, "Retry 40001", null, "db", null, null, Map.of("k", 1))));
        assertThat(renamed.title()).isEqualTo("Retry 40001");
        assertThat(renamed.content()).isEqualTo(l.content());
        assertThat(renamed.metadata()).containsEntry("k", 1);
        assertThat(in(t, (TenantScope x) -> x.lessons().count())).isEqualTo(2L);
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.lessons().create(LessonFields.of("Sure", "x", List.of()).withConfidence(dec("1.50")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("lessons_confidence_check"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.lessons().create(LessonFields.of("Orphan", "x", List.of()).forProject(UUID.randomUUID()))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("lessons_project_fk"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.lessons().create(LessonFields.of(" ", "x", List.of()))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(in(t, (TenantScope x) -> x.lessons().delete(l.id()))).isTrue();
        assertThat(in(t, (TenantScope x) -> x.lessons().findById(l.id()))).isEmpty();
    }

    @Test
    void auditLogAppendAndRead() {
        UUID t = newTenant();
        AuditLog first = in(t, (TenantScope x) -> x.auditLogs().append(new AuditLogFields("user", "u-1", "agent.paused",
                "agent", "a-1", Map.of("reason", "budget"), "10.0.0.7", "cli/1.0")));
        assertThat(first.ipAddress()).isEqualTo("10.0.0.7");
        assertThat(first.details()).containsEntry("reason", "budget");
        AuditLog system = in(t, (TenantScope x) -> x.auditLogs().append(new AuditLogFields(null, null, "tenant.created",
                null, null, null, null, null)));
        assertThat(system.actorType()).isEqualTo("system");
        assertThat(in(t, (TenantScope x) -> x.auditLogs().findById(first.id()))).contains(first);
        assertThat(in(t, (TenantScope x) -> x.auditLogs().findByResource("agent", "a-1", Page.first(10)))).containsExactly(first);
        // plus the entry the database wrote when the tenant was created
        assertThat(in(t, (TenantScope x) -> x.auditLogs().list(Page.first(10)))).hasSize(3);
        assertThat(in(t, (TenantScope x) -> x.auditLogs().count())).isEqualTo(3L);
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.auditLogs().append(AuditLogFields.of("robot", "r", "x", null, null))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("audit_logs_actor_type_check"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.auditLogs().append(AuditLogFields.of("user", "u", " ", null, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(in(t, (TenantScope x) -> x.auditLogs().count())).isEqualTo(3L);
    }

    @Test
    void contributorsAssetsAndContributionsKeepTheTotal() {
        UUID t = newTenant();
        Contributor ada = in(t, (TenantScope x) -> x.contributors().create(ContributorFields.of("Ada", "ada@example.com")));
        Contributor bob = in(t, (TenantScope x) -> x.contributors().create(
                new ContributorFields("Bob", null, "bob-gh", "0xabc", Map.of("tier", "gold"))));
        assertThat(bob.githubUsername()).isEqualTo("bob-gh");
        assertThat((in(t, (TenantScope x) -> x.contributors().update(ada.id(),
                new ContributorFields(null, null, "ada-gh", null, null)))).githubUsername()).isEqualTo("ada-gh");
        assertThat(in(t, (TenantScope x) -> x.contributors().count())).isEqualTo(2L);
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributors().create(ContributorFields.of(null, "x@y.z"))))
                .isInstanceOf(InvalidInputException.class);

        Asset asset = in(t, (TenantScope x) -> x.assets().create(AssetFields.of("Parser", "code")));
        Asset other = in(t, (TenantScope x) -> x.assets().create(AssetFields.of("Docs", "text")));
        assertThat(asset.totalCost()).isEqualByComparingTo("0");
        assertThat((in(t, (TenantScope x) -> x.assets().update(asset.id(), new AssetFields(null, "the parser", null, null))))
                .description()).isEqualTo("the parser");
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.assets().create(AssetFields.of("No type", null))))
                .isInstanceOf(InvalidInputException.class);

        Contribution c1 = in(t, (TenantScope x) -> x.contributions().create(
                ContributionFields.of(ada.id(), asset.id(), dec("100.50"), dec("0.90"))));
        in(t, (TenantScope x) -> x.contributions().create(ContributionFields.of(bob.id(), asset.id(), dec("20.00"), dec("0.50"))));
        assertThat(total(t, asset.id())).isEqualByComparingTo("120.50");
        Contribution fixed = in(t, (TenantScope x) -> {
            // tag::correct-contribution[]
            // c1 stays as it was; the correction is a new row with correctsId = c1.id()
            Contribution correction = x.contributions().correct(c1.id(), ContributionFields.cost(new BigDecimal("50.00")));
            // end::correct-contribution[]
            return correction;
        });
        assertThat(fixed.correctsId()).isEqualTo(c1.id());
        assertThat(fixed.contributorId()).as("unchanged fields are carried over").isEqualTo(ada.id());
        assertThat(total(t, asset.id())).isEqualByComparingTo("70.00");
        Contribution moved = in(t, (TenantScope x) -> x.contributions().correct(fixed.id(),
                new ContributionFields(null, other.id(), null, null, null)));
        assertThat(total(t, asset.id())).isEqualByComparingTo("20.00");
        assertThat(total(t, other.id())).isEqualByComparingTo("50.00");
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().correct(c1.id(), ContributionFields.cost(dec("1")))))
                .as("a contribution is corrected once; the chain continues from its correction")
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_corrects_once"));
        assertThat(in(t, (TenantScope x) -> x.contributions().findByAsset(other.id(), Page.first(10)))).extracting(r -> r.id()).containsExactly(moved.id());
        assertThat(in(t, (TenantScope x) -> x.contributions().findByContributor(bob.id(), Page.first(10)))).hasSize(1);
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().update(c1.id(), ContributionFields.cost(dec("1")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_append_only"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().delete(c1.id())))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_append_only"));
        assertThat(total(t, other.id())).isEqualByComparingTo("50.00");
        assertThat(in(t, (TenantScope x) -> x.contributions().count())).as("history is kept").isEqualTo(4L);

        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().create(ContributionFields.of(ada.id(), asset.id(), dec("-1"), dec("0.5")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_cost_amount_check"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().create(ContributionFields.of(ada.id(), asset.id(), dec("1"), dec("1.2")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_coherence_score_check"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.contributions().create(ContributionFields.of(UUID.randomUUID(), asset.id(), dec("1"), dec("0.5")))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("contributions_contributor_fk"));
        assertThat(total(t, asset.id())).isEqualByComparingTo("20.00");
        assertThat(in(t, (TenantScope x) -> x.contributors().delete(bob.id()))).isTrue();
        assertThat(total(t, asset.id())).isEqualByComparingTo("0");
        assertThat(in(t, (TenantScope x) -> x.assets().delete(other.id()))).isTrue();
        assertThat(in(t, (TenantScope x) -> x.contributions().count())).as("gone with their asset and contributor").isEqualTo(2L);
        assertThat(total(t, asset.id())).as("the move went with the asset: the correction before it is in force again")
                .isEqualByComparingTo("50.00");
    }

    private static BigDecimal total(UUID t, UUID asset) {
        return (in(t, (TenantScope x) -> x.assets().get(asset))).totalCost();
    }

    @Test
    void agentTasks() {
        UUID t = newTenant();
        UUID agent = in(t, (TenantScope x) -> x.agents().create(AgentFields.of("Runner", AgentRole.CODER, "kimi-k2.5", List.of())).id());
        AgentTask spec = in(t, (TenantScope x) -> x.agentTasks().create(
                AgentTaskFields.of("task_spec1", "Write the spec", AgentTaskType.SPEC, "kimi-k2.5", "spec run").forAgent(agent)));
        assertThat(spec.status()).isEqualTo(AgentTaskStatus.PENDING);
        assertThat(spec.agentId()).isEqualTo(agent);
        assertThat(spec.startedAt()).isNull();
        in(t, (TenantScope x) -> x.agentTasks().create(AgentTaskFields.of("task_impl1", "Implement", AgentTaskType.IMPL, "m", "impl run")));
        in(t, (TenantScope x) -> x.agentTasks().create(AgentTaskFields.of("task_test1", "Test", AgentTaskType.TEST, "m", "test run")));
        assertThat(in(t, (TenantScope x) -> x.agentTasks().get("task_spec1"))).isEqualTo(spec);
        assertThat(in(t, (TenantScope x) -> x.agentTasks().findById("task_nope"))).isEmpty();

        AgentTask running = in(t, (TenantScope x) -> x.agentTasks().updateStatus("task_spec1", AgentTaskStatus.RUNNING));
        assertThat(running.startedAt()).isNotNull();
        AgentTask progressed = in(t, (TenantScope x) -> x.agentTasks().updateProgress("task_spec1", 40, "drafting"));
        assertThat(progressed.progressPct()).isEqualTo(40);
        assertThat(progressed.currentStep()).isEqualTo("drafting");
        assertThat(progressed.startedAt()).isEqualTo(running.startedAt());
        assertThat(in(t, (TenantScope x) -> x.agentTasks().findByStatus(AgentTaskStatus.PENDING, Page.first(10))))
                .extracting(r -> r.id()).containsExactly("task_test1", "task_impl1");

        AgentTask asking = in(t, (TenantScope x) -> x.agentTasks().requestDecision("task_spec1", "REST or gRPC?"));
        assertThat(asking.status()).isEqualTo(AgentTaskStatus.NEEDS_DECISION);
        assertThat(asking.decisionPrompt()).isEqualTo("REST or gRPC?");
        in(t, (TenantScope x) -> x.agentTasks().updateStatus("task_test1", AgentTaskStatus.FAILED));
        assertThat(in(t, (TenantScope x) -> x.agentTasks().needingAttention(Page.first(10))))
                .extracting(r -> r.id()).containsExactly("task_test1", "task_spec1");
        AgentTask decided = in(t, (TenantScope x) -> x.agentTasks().decide("task_spec1", "gRPC"));
        assertThat(decided.decision()).isEqualTo("gRPC");
        assertThat(decided.status()).isEqualTo(AgentTaskStatus.RUNNING);
        assertThat(in(t, (TenantScope x) -> x.agentTasks().needingAttention(Page.first(10)))).extracting(r -> r.id()).containsExactly("task_test1");

        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.agentTasks().updateProgress("task_spec1", 150, null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("agent_tasks_progress_pct_check"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.agentTasks().create(AgentTaskFields.of("task_spec1", "again", AgentTaskType.SPEC, "m", "c"))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("agent_tasks_pkey"));
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.agentTasks().create(AgentTaskFields.of("x".repeat(51), "d", AgentTaskType.SPEC, "m", "c"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> in(t, (TenantScope x) -> x.agentTasks().updateStatus("task_nope", AgentTaskStatus.RUNNING)))
                .isInstanceOf(NotFoundException.class);
        assertThat(in(t, (TenantScope x) -> x.agentTasks().delete("task_impl1"))).isTrue();
        assertThat(in(t, (TenantScope x) -> x.agentTasks().delete("task_impl1"))).isFalse();
    }
}
