package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.model.AgentActivity;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventTypeStats;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.SwarmSummary;
import dev.hybriddb.model.TaskFields;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reporting views read through the repositories as typed records: the figures add up, and
 * another tenant sees none of them (the views run with the caller's row-level security).
 */
@ExtendWith(MigratedDb.Cleanup.class)
class ReportViewsIT {
    private static HybridDB db;
    private static UUID a;
    private static UUID b;
    private static UUID swarm;
    private static UUID coder;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(2);
        a = MigratedDb.newTenant(db).id();
        b = MigratedDb.newTenant(db).id();
        db.withTenant(a, (TenantScope s) -> {
            swarm = s.swarms().create(SwarmFields.of("Build swarm", null)).id();
            coder = s.agents().create(AgentFields.of("coder", AgentRole.CODER, null, null).inSwarm(swarm)).id();
            UUID reviewer = s.agents().create(AgentFields.of("reviewer", AgentRole.CODER, null, null).inSwarm(swarm)).id();
            s.agents().updateStatus(reviewer, AgentStatus.PAUSED);
            s.agents().updateStatus(coder, AgentStatus.ACTIVE);
            UUID budget = s.budgets().create(BudgetFields.forSwarm(swarm, new BigDecimal("100"), "USD", null)).id();
            s.budgets().consumeBudget(budget, 10, new BigDecimal("2.5"));
            s.events().create(new EventFields("task.started", swarm, coder, null));
            s.events().create(new EventFields("task.started", swarm, reviewer, null));
            s.events().create(new EventFields("task.done", swarm, coder, null));
            UUID task = s.tasks().create(TaskFields.of("Implement", null)).id();
            UUID run = s.agentExecutions().create(dev.hybriddb.model.AgentExecutionFields.start(coder, task)).id();
            s.agentExecutions().finish(run, ExecutionResult.SUCCESS, 1200, new BigDecimal("0.75"));
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void swarmSummaryCountsAgentsAndBudget() {
        // tag::swarm-summary[]
        List<SwarmSummary> swarms = db.withTenant(a, s -> s.swarms().summaries(Page.first(50)));
        // end::swarm-summary[]
        SwarmSummary summary = swarms.get(0);
        assertThat(swarms).hasSize(1);
        assertThat(summary.id()).isEqualTo(swarm);
        assertThat(summary.agentCount()).isEqualTo(2);
        assertThat(summary.activeAgentCount()).isEqualTo(1);
        assertThat(summary.budgetAllocated()).isEqualByComparingTo("100");
        assertThat(summary.budgetConsumed()).isEqualByComparingTo("2.5");
        java.util.Optional<SwarmSummary> one = db.withTenant(a, s -> s.swarms().summary(swarm));
        assertThat(one).contains(summary);
    }

    @Test
    void agentActivityCountsEventsAndExecutions() {
        // tag::agent-activity[]
        AgentActivity activity = db.withTenant(a, s -> s.agents().activity(coder)).orElseThrow();
        long tokens = activity.totalTokens().longValue();   // summed over the agent's executions
        // end::agent-activity[]
        assertThat(tokens).isEqualTo(1200);
        assertThat(activity.eventCount()).isEqualTo(2);
        assertThat(activity.executionCount()).isEqualTo(1);
        assertThat(activity.totalCost()).isEqualByComparingTo("0.75");
        assertThat(activity.lastEventAt()).isNotNull();
        assertThat(activity.durationSeconds()).isNotNegative();
        List<AgentActivity> all = db.withTenant(a, s -> s.agents().activities(Page.first(10)));
        assertThat(all).extracting(AgentActivity::name)
                .containsExactlyInAnyOrder("coder", "reviewer");
    }

    @Test
    void eventStatsGroupTheLastDayByType() {
        // tag::event-stats[]
        List<EventTypeStats> byType = db.withTenant(a, s -> s.events().statsLast24h());
        // end::event-stats[]
        assertThat(byType).extracting(EventTypeStats::type).containsExactly("task.started", "task.done");
        EventTypeStats started = byType.get(0);
        assertThat(started.eventCount()).isEqualTo(2);
        assertThat(started.agentCount()).isEqualTo(2);
        assertThat(started.swarmCount()).isEqualTo(1);
        assertThat(started.firstAt()).isBeforeOrEqualTo(started.lastAt());
    }

    @Test
    void anotherTenantSeesNothingOfThem() {
        db.withTenant(b, (TenantScope s) -> {
            assertThat(s.swarms().summaries(Page.first(1000))).isEmpty();
            assertThat(s.swarms().summary(swarm)).isEmpty();
            assertThat(s.agents().activities(Page.first(1000))).isEmpty();
            assertThat(s.agents().activity(coder)).isEmpty();
            assertThat(s.events().statsLast24h()).isEmpty();
            // Even plain SQL on the views shows B nothing of A: they run with the caller's row-level security.
            assertThat(s.dsl().fetchCount(s.dsl().selectFrom("swarm_summary"))).isZero();
            assertThat(s.dsl().fetchCount(s.dsl().selectFrom("agent_activity"))).isZero();
            assertThat(s.dsl().fetchCount(s.dsl().selectFrom("event_stats_24h"))).isZero();
            return null;
        });
    }

    @Test
    void badArgumentsNameTheField() {
        db.withTenant(a, (TenantScope s) -> {
            Assertions.assertThatThrownBy(() -> s.swarms().summary(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("swarmId");
            Assertions.assertThatThrownBy(() -> s.agents().activity(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("agentId");
            Assertions.assertThatThrownBy(() -> s.swarms().summaries(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("page");
            return null;
        });
    }
}
