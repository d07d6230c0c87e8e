package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TASKS;

import dev.hybriddb.jooq.tables.records.TasksRecord;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Position;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskOrchestration;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TextSearchRequest;
import dev.hybriddb.repository.TaskRepository;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;

/** {@link TaskRepository} on {@code tasks}. */
public final class TaskRepo extends TenantTable<TasksRecord, Task, TaskFields> implements TaskRepository {
    public TaskRepo(Scope scope) {
        super(scope, TASKS, TASKS.ID, TASKS.TENANT_ID, TASKS.CREATED_AT, "task");
    }

    @Override
    protected Task map(TasksRecord r) {
        return new Task(r.getId(), r.getTenantId(), r.getTitle(), r.getDescription(), r.getType(), r.getStatus(),
                r.getPriority(), r.getTaskStateId(), r.getBoardId(), r.getAppId(), r.getUserId(), r.getProjectId(),
                r.getAssignedAgentId(), r.getCoordinatorId(), Values.list(r.getRequiredCapabilities()),
                new Position(r.getPosX(), r.getPosY(), r.getPosZ()), r.getPrompt(), r.getDueAt(), orchestration(r),
                r.getStartedAt(), r.getCompletedAt(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static TaskOrchestration orchestration(TasksRecord r) {
        return new TaskOrchestration(Json.map(r.getAnalysis()), r.getCurrentAgent(), Values.list(r.getCompletedAgents()),
                Values.list(r.getAgentQueue()), r.getRetryCount(), r.getMaxRetries(), Json.map(r.getError()),
                Json.objects(r.getCheckpoints()));
    }

    @Override
    protected void validateNew(TaskFields f) {
        Values.requireText("title", f.title());
    }

    @Override
    protected Values values(TaskFields f) {
        Values v = new Values().put(TASKS.TITLE, Values.optionalText("title", f.title())).put(TASKS.DESCRIPTION, f.description())
                .put(TASKS.TYPE, f.type()).put(TASKS.STATUS, f.status()).put(TASKS.PRIORITY, f.priority())
                .put(TASKS.TASK_STATE_ID, f.taskStateId()).put(TASKS.BOARD_ID, f.boardId()).put(TASKS.APP_ID, f.appId())
                .put(TASKS.USER_ID, f.userId()).put(TASKS.PROJECT_ID, f.projectId())
                .put(TASKS.ASSIGNED_AGENT_ID, f.assignedAgentId()).put(TASKS.COORDINATOR_ID, f.coordinatorId())
                .array(TASKS.REQUIRED_CAPABILITIES, f.requiredCapabilities()).put(TASKS.PROMPT, f.prompt())
                .put(TASKS.DUE_AT, f.dueAt());
        if (f.position() != null) {
            v.put(TASKS.POS_X, f.position().x()).put(TASKS.POS_Y, f.position().y()).put(TASKS.POS_Z, f.position().z());
        }
        return v;
    }

    @Override
    public Task assign(UUID taskId, UUID agentId) {
        Values v = agentId == null ? new Values().clear(TASKS.ASSIGNED_AGENT_ID) : new Values().put(TASKS.ASSIGNED_AGENT_ID, agentId);
        return patch(taskId, v);
    }

    @Override
    public Task updateStatus(UUID taskId, TaskStatus status) {
        return patch(taskId, new Values().put(TASKS.STATUS, Values.require("status", status)));
    }

    @Override
    public Task orchestrate(UUID taskId, TaskOrchestration state) {
        Values.require("state", state);
        if (state.retryCount() < 0 || state.maxRetries() < 0) {
            throw new dev.hybriddb.InvalidInputException("state.retryCount", state.retryCount() + "/" + state.maxRetries(),
                    "retries must be at least 0");
        }
        Values v = new Values().array(TASKS.COMPLETED_AGENTS, state.completedAgents()).array(TASKS.AGENT_QUEUE, state.agentQueue())
                .put(TASKS.RETRY_COUNT, state.retryCount()).put(TASKS.MAX_RETRIES, state.maxRetries())
                .put(TASKS.CHECKPOINTS, Json.jsonbList("state.checkpoints", state.checkpoints()));
        jsonOrNull(v, TASKS.ANALYSIS, "state.analysis", state.analysis());
        jsonOrNull(v, TASKS.ERROR, "state.error", state.error());
        if (state.currentAgent() == null) {
            v.clear(TASKS.CURRENT_AGENT);
        } else {
            v.put(TASKS.CURRENT_AGENT, Values.requireText("state.currentAgent", state.currentAgent()));
        }
        return patch(taskId, v);
    }

    private static void jsonOrNull(Values v, org.jooq.Field<org.jooq.JSONB> field, String name, java.util.Map<String, Object> map) {
        if (map.isEmpty()) {
            v.clear(field);
        } else {
            v.put(field, Json.jsonb(name, map));
        }
    }

    @Override
    public Task moveTo(UUID taskId, UUID taskStateId) {
        return patch(taskId, new Values().put(TASKS.TASK_STATE_ID, Values.require("taskStateId", taskStateId)));
    }

    @Override
    public List<Task> findByAssignedAgent(UUID agentId, Page page) {
        return where(TASKS.ASSIGNED_AGENT_ID.eq(Values.require("agentId", agentId)), page);
    }

    @Override
    public List<Task> findByBoard(UUID boardId, Page page) {
        return where(TASKS.BOARD_ID.eq(Values.require("boardId", boardId)), page);
    }

    @Override
    protected List<Field<String>> searchColumns() {
        return List.of(TASKS.TITLE, TASKS.DESCRIPTION);
    }

    @Override
    public SearchPage<Task> search(TextSearchRequest request) {
        return textSearch(request);
    }
}
