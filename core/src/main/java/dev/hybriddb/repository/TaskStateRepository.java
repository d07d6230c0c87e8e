package dev.hybriddb.repository;

import dev.hybriddb.model.TaskState;
import dev.hybriddb.model.TaskStateFields;
import java.util.List;
import java.util.UUID;

/** Board columns of the scope's tenant. */
public interface TaskStateRepository extends CrudRepository<TaskState, TaskStateFields> {
    /** The columns of a board by position. */
    List<TaskState> findByBoard(UUID boardId);
}
