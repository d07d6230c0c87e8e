package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.AGENT_TASKS;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.AgentTaskStatus;
import dev.hybriddb.jooq.tables.records.AgentTasksRecord;
import dev.hybriddb.model.AgentTask;
import dev.hybriddb.model.AgentTaskFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.AgentTaskRepository;
import java.util.List;
import org.jooq.impl.DSL;

/** {@link AgentTaskRepository} on {@code agent_tasks} (varchar ids). */
public final class AgentTaskRepo extends KeyedTable<AgentTasksRecord, String, AgentTask> implements AgentTaskRepository {
    private static final int MAX_ID_LENGTH = 50;

    public AgentTaskRepo(Scope scope) {
        super(scope, AGENT_TASKS, AGENT_TASKS.ID, AGENT_TASKS.TENANT_ID, AGENT_TASKS.CREATED_AT, "agent task");
    }

    @Override
    protected AgentTask map(AgentTasksRecord r) {
        return new AgentTask(r.getId(), r.getTenantId(), r.getAgentId(), r.getDirection(), r.getTaskType(),
                r.getStatus(), r.getModel(), r.getCommand(), r.getOutput(), Json.map(r.getContext()),
                r.getProgressPct(), r.getCurrentStep(), r.getDecisionPrompt(), r.getDecision(), r.getTier(),
                r.getStartedAt(), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    public AgentTask create(AgentTaskFields f) {
        Values.require("fields", f);
        String id = Values.requireText("id", f.id());
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException("id", id, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return insert(new Values().put(AGENT_TASKS.ID, id).put(AGENT_TASKS.AGENT_ID, f.agentId())
                .put(AGENT_TASKS.DIRECTION, Values.requireText("direction", f.direction()))
                .put(AGENT_TASKS.TASK_TYPE, Values.require("taskType", f.taskType()))
                .put(AGENT_TASKS.MODEL, Values.requireText("model", f.model()))
                .put(AGENT_TASKS.COMMAND, Values.requireText("command", f.command()))
                .json(AGENT_TASKS.CONTEXT, f.context()).put(AGENT_TASKS.TIER, f.tier()));
    }

    @Override
    public List<AgentTask> findByStatus(AgentTaskStatus status, Page page) {
        return where(AGENT_TASKS.STATUS.eq(Values.require("status", status)), page);
    }

    @Override
    public AgentTask updateProgress(String id, int progressPct, String currentStep) {
        return patch(id, new Values().put(AGENT_TASKS.PROGRESS_PCT, progressPct)
                .put(AGENT_TASKS.CURRENT_STEP, currentStep));
    }

    @Override
    public AgentTask updateStatus(String id, AgentTaskStatus status) {
        Values v = new Values().put(AGENT_TASKS.STATUS, Values.require("status", status));
        if (status == AgentTaskStatus.RUNNING) {
            v.expr(AGENT_TASKS.STARTED_AT, DSL.coalesce(AGENT_TASKS.STARTED_AT, DSL.currentOffsetDateTime()));
        }
        return patch(id, v);
    }

    @Override
    public AgentTask requestDecision(String id, String prompt) {
        return patch(id, new Values().put(AGENT_TASKS.STATUS, AgentTaskStatus.NEEDS_DECISION)
                .put(AGENT_TASKS.DECISION_PROMPT, Values.requireText("prompt", prompt)));
    }

    @Override
    public AgentTask decide(String id, String decision) {
        return patch(id, new Values().put(AGENT_TASKS.DECISION, Values.requireText("decision", decision))
                .put(AGENT_TASKS.STATUS, AgentTaskStatus.RUNNING));
    }

    @Override
    public List<AgentTask> needingAttention(Page page) {
        return where(AGENT_TASKS.STATUS.in(AgentTaskStatus.NEEDS_DECISION, AgentTaskStatus.FAILED), page);
    }
}
