package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TASK_STATES;

import dev.hybriddb.jooq.tables.records.TaskStatesRecord;
import dev.hybriddb.model.TaskState;
import dev.hybriddb.model.TaskStateFields;
import dev.hybriddb.repository.TaskStateRepository;
import java.util.List;
import java.util.UUID;

/** {@link TaskStateRepository} on {@code task_states}. */
public final class TaskStateRepo extends TenantTable<TaskStatesRecord, TaskState, TaskStateFields>
        implements TaskStateRepository {
    public TaskStateRepo(Scope scope) {
        super(scope, TASK_STATES, TASK_STATES.ID, TASK_STATES.TENANT_ID, TASK_STATES.CREATED_AT, "task state");
    }

    @Override
    protected TaskState map(TaskStatesRecord r) {
        return new TaskState(r.getId(), r.getTenantId(), r.getBoardId(), r.getName(), r.getPosition(), r.getColor(),
                r.getWipLimit(), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(TaskStateFields f) {
        Values.require("boardId", f.boardId());
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(TaskStateFields f) {
        return new Values().put(TASK_STATES.BOARD_ID, f.boardId()).put(TASK_STATES.NAME, Values.optionalText("name", f.name()))
                .put(TASK_STATES.POSITION, f.position()).put(TASK_STATES.COLOR, f.color()).put(TASK_STATES.WIP_LIMIT, f.wipLimit());
    }

    @Override
    public List<TaskState> findByBoard(UUID boardId) {
        return dsl.selectFrom(TASK_STATES).where(mine(TASK_STATES.BOARD_ID.eq(Values.require("boardId", boardId))))
                .orderBy(TASK_STATES.POSITION, TASK_STATES.ID).fetch(this::map);
    }
}
