package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.AGENT_EXECUTIONS;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.jooq.tables.records.AgentExecutionsRecord;
import dev.hybriddb.model.AgentExecution;
import dev.hybriddb.model.AgentExecutionFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.AgentExecutionRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** {@link AgentExecutionRepository} on {@code agent_executions}. */
public final class AgentExecutionRepo extends TenantTable<AgentExecutionsRecord, AgentExecution, AgentExecutionFields>
        implements AgentExecutionRepository {
    public AgentExecutionRepo(Scope scope) {
        super(scope, AGENT_EXECUTIONS, AGENT_EXECUTIONS.ID, AGENT_EXECUTIONS.TENANT_ID, AGENT_EXECUTIONS.STARTED_AT,
                "agent execution");
    }

    @Override
    protected AgentExecution map(AgentExecutionsRecord r) {
        return new AgentExecution(r.getId(), r.getTenantId(), r.getAgentId(), r.getTaskId(), r.getResult(), r.getModel(),
                Json.map(r.getOutput()), r.getError(), r.getStartedAt(), r.getFinishedAt(), r.getDurationMs(), r.getTokens(),
                r.getCost(), r.getCreatedAt());
    }

    @Override
    protected void validateNew(AgentExecutionFields f) {
        Values.require("agentId", f.agentId());
        Values.require("taskId", f.taskId());
    }

    @Override
    protected Values values(AgentExecutionFields f) {
        return new Values().put(AGENT_EXECUTIONS.AGENT_ID, f.agentId()).put(AGENT_EXECUTIONS.TASK_ID, f.taskId())
                .put(AGENT_EXECUTIONS.RESULT, f.result()).put(AGENT_EXECUTIONS.MODEL, f.model())
                .json(AGENT_EXECUTIONS.OUTPUT, f.output()).put(AGENT_EXECUTIONS.ERROR, f.error())
                .put(AGENT_EXECUTIONS.STARTED_AT, f.startedAt()).put(AGENT_EXECUTIONS.FINISHED_AT, f.finishedAt())
                .put(AGENT_EXECUTIONS.DURATION_MS, f.durationMs()).put(AGENT_EXECUTIONS.TOKENS, f.tokens())
                .put(AGENT_EXECUTIONS.COST, f.cost());
    }

    @Override
    public AgentExecution finish(UUID id, ExecutionResult result, long tokens, BigDecimal cost) {
        if (tokens < 0) {
            throw new InvalidInputException("tokens", tokens, "must not be negative");
        }
        if (cost == null || cost.signum() < 0) {
            throw new InvalidInputException("cost", cost, "must be zero or positive");
        }
        return patch(id, new Values().put(AGENT_EXECUTIONS.RESULT, Values.require("result", result))
                .put(AGENT_EXECUTIONS.TOKENS, tokens).put(AGENT_EXECUTIONS.COST, cost)
                .expr(AGENT_EXECUTIONS.FINISHED_AT, DSL.currentOffsetDateTime())
                .expr(AGENT_EXECUTIONS.DURATION_MS, DSL.field("(extract(epoch from (now() - {0})) * 1000)::bigint",
                        SQLDataType.BIGINT, AGENT_EXECUTIONS.STARTED_AT)));
    }

    @Override
    public List<AgentExecution> findByAgent(UUID agentId, Page page) {
        return where(AGENT_EXECUTIONS.AGENT_ID.eq(Values.require("agentId", agentId)), page);
    }
}
