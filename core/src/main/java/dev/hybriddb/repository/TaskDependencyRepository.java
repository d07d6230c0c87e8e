package dev.hybriddb.repository;

import dev.hybriddb.model.TaskDependency;
import dev.hybriddb.model.TaskDependencyFields;
import java.util.List;
import java.util.UUID;

/**
 * Task dependencies of the scope's tenant (no self edges, no duplicates: the database refuses
 * both with a {@link dev.hybriddb.ConstraintViolationException}).
 */
public interface TaskDependencyRepository extends CrudRepository<TaskDependency, TaskDependencyFields> {
    /** The tasks that block {@code taskId} (its direct dependencies). */
    List<UUID> blockedBy(UUID taskId);

    /** The tasks that {@code taskId} blocks (its direct dependents). */
    List<UUID> blocking(UUID taskId);

    /** Removes the dependency {@code taskId -> dependsOnTaskId}; false when there was none. */
    boolean remove(UUID taskId, UUID dependsOnTaskId);
}
