package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TASK_DEPENDENCIES;

import dev.hybriddb.jooq.tables.records.TaskDependenciesRecord;
import dev.hybriddb.model.TaskDependency;
import dev.hybriddb.model.TaskDependencyFields;
import dev.hybriddb.repository.TaskDependencyRepository;
import java.util.List;
import java.util.UUID;

/** {@link TaskDependencyRepository} on {@code task_dependencies}. */
public final class TaskDependencyRepo extends TenantTable<TaskDependenciesRecord, TaskDependency, TaskDependencyFields>
        implements TaskDependencyRepository {
    public TaskDependencyRepo(Scope scope) {
        super(scope, TASK_DEPENDENCIES, TASK_DEPENDENCIES.ID, TASK_DEPENDENCIES.TENANT_ID, TASK_DEPENDENCIES.CREATED_AT,
                "task dependency");
    }

    @Override
    protected TaskDependency map(TaskDependenciesRecord r) {
        return new TaskDependency(r.getId(), r.getTenantId(), r.getTaskId(), r.getDependsOnTaskId(), r.getCreatedAt());
    }

    @Override
    protected void validateNew(TaskDependencyFields f) {
        Values.require("taskId", f.taskId());
        Values.require("dependsOnTaskId", f.dependsOnTaskId());
    }

    @Override
    protected Values values(TaskDependencyFields f) {
        return new Values().put(TASK_DEPENDENCIES.TASK_ID, f.taskId()).put(TASK_DEPENDENCIES.DEPENDS_ON_TASK_ID, f.dependsOnTaskId());
    }

    @Override
    public List<UUID> blockedBy(UUID taskId) {
        return dsl.select(TASK_DEPENDENCIES.DEPENDS_ON_TASK_ID).from(TASK_DEPENDENCIES)
                .where(mine(TASK_DEPENDENCIES.TASK_ID.eq(Values.require("taskId", taskId))))
                .orderBy(TASK_DEPENDENCIES.CREATED_AT, TASK_DEPENDENCIES.ID).fetch(TASK_DEPENDENCIES.DEPENDS_ON_TASK_ID);
    }

    @Override
    public List<UUID> blocking(UUID taskId) {
        return dsl.select(TASK_DEPENDENCIES.TASK_ID).from(TASK_DEPENDENCIES)
                .where(mine(TASK_DEPENDENCIES.DEPENDS_ON_TASK_ID.eq(Values.require("taskId", taskId))))
                .orderBy(TASK_DEPENDENCIES.CREATED_AT, TASK_DEPENDENCIES.ID).fetch(TASK_DEPENDENCIES.TASK_ID);
    }

    @Override
    public boolean remove(UUID taskId, UUID dependsOnTaskId) {
        return dsl.deleteFrom(TASK_DEPENDENCIES).where(mine(TASK_DEPENDENCIES.TASK_ID.eq(Values.require("taskId", taskId))
                .and(TASK_DEPENDENCIES.DEPENDS_ON_TASK_ID.eq(Values.require("dependsOnTaskId", dependsOnTaskId))))).execute() == 1;
    }
}
