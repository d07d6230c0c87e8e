package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.AGENT_ACTIVITY;
import static dev.hybriddb.jooq.Tables.EVENT_STATS_24H;
import static dev.hybriddb.jooq.Tables.SWARM_SUMMARY;

import dev.hybriddb.jooq.tables.records.AgentActivityRecord;
import dev.hybriddb.jooq.tables.records.EventStats_24hRecord;
import dev.hybriddb.jooq.tables.records.SwarmSummaryRecord;
import dev.hybriddb.model.AgentActivity;
import dev.hybriddb.model.EventTypeStats;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SwarmSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Reads of the reporting views {@code swarm_summary}, {@code agent_activity} and
 * {@code event_stats_24h}. The views run with the caller's rights ({@code security_invoker}), so
 * row-level security limits them to the scope's tenant; every read also filters on it.
 */
final class ReportViews {
    private final DSLContext dsl;
    private final UUID tenantId;

    ReportViews(Scope scope) {
        this.dsl = scope.dsl();
        this.tenantId = scope.tenantId();
    }

    List<SwarmSummary> swarmSummaries(Page page) {
        Values.require("page", page);
        return dsl.selectFrom(SWARM_SUMMARY).where(SWARM_SUMMARY.TENANT_ID.eq(tenantId))
                .orderBy(SWARM_SUMMARY.CREATED_AT.desc(), SWARM_SUMMARY.ID.desc()).limit(page.limit())
                .offset(page.offset()).fetch(ReportViews::swarm);
    }

    Optional<SwarmSummary> swarmSummary(UUID swarmId) {
        Values.require("swarmId", swarmId);
        return dsl.selectFrom(SWARM_SUMMARY).where(SWARM_SUMMARY.TENANT_ID.eq(tenantId), SWARM_SUMMARY.ID.eq(swarmId))
                .fetchOptional(ReportViews::swarm);
    }

    List<AgentActivity> agentActivities(Page page) {
        Values.require("page", page);
        return dsl.selectFrom(AGENT_ACTIVITY).where(AGENT_ACTIVITY.TENANT_ID.eq(tenantId))
                .orderBy(AGENT_ACTIVITY.CREATED_AT.desc(), AGENT_ACTIVITY.ID.desc()).limit(page.limit())
                .offset(page.offset()).fetch(ReportViews::agent);
    }

    Optional<AgentActivity> agentActivity(UUID agentId) {
        Values.require("agentId", agentId);
        return dsl.selectFrom(AGENT_ACTIVITY).where(AGENT_ACTIVITY.TENANT_ID.eq(tenantId), AGENT_ACTIVITY.ID.eq(agentId))
                .fetchOptional(ReportViews::agent);
    }

    List<EventTypeStats> eventStats24h() {
        return dsl.selectFrom(EVENT_STATS_24H).where(EVENT_STATS_24H.TENANT_ID.eq(tenantId))
                .orderBy(EVENT_STATS_24H.EVENT_COUNT.desc(), EVENT_STATS_24H.TYPE).fetch(ReportViews::events);
    }

    private static SwarmSummary swarm(SwarmSummaryRecord r) {
        return new SwarmSummary(r.getId(), r.getTenantId(), r.getName(), r.getStatus(), count(r.getAgentCount()),
                count(r.getActiveAgentCount()), amount(r.getBudgetAllocated()), amount(r.getBudgetConsumed()),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    private static AgentActivity agent(AgentActivityRecord r) {
        return new AgentActivity(r.getId(), r.getTenantId(), r.getSwarmId(), r.getName(), r.getRole(), r.getModel(),
                r.getStatus(), r.getLifecycleState(), r.getStartedAt(), r.getCompletedAt(), count(r.getDurationSeconds()),
                count(r.getEventCount()), r.getLastEventAt(), count(r.getExecutionCount()), amount(r.getTotalTokens()),
                amount(r.getTotalCost()), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static EventTypeStats events(EventStats_24hRecord r) {
        return new EventTypeStats(r.getType(), count(r.getEventCount()), count(r.getAgentCount()),
                count(r.getSwarmCount()), r.getFirstAt(), r.getLastAt());
    }

    private static long count(Long n) {
        return n == null ? 0 : n;
    }

    private static BigDecimal amount(BigDecimal n) {
        return n == null ? BigDecimal.ZERO : n;
    }
}
