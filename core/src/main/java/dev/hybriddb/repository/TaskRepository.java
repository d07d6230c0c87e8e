package dev.hybriddb.repository;

import dev.hybriddb.model.TaskOrchestration;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import java.util.List;
import java.util.UUID;

/** Tasks of the scope's tenant; {@link #search} looks in title and description. */
public interface TaskRepository extends CrudRepository<Task, TaskFields>, TextSearchable<Task> {
    /** Assigns the task to an agent (null unassigns). */
    Task assign(UUID taskId, UUID agentId);

    /** Sets the status. */
    Task updateStatus(UUID taskId, TaskStatus status);

    /**
     * Saves where an orchestrated task stands (analysis, current and queued agents, retries, error,
     * checkpoints), replacing what was stored; read it back from {@link Task#orchestration()}.
     */
    Task orchestrate(UUID taskId, TaskOrchestration state);

    /** Moves the task to a board column. */
    Task moveTo(UUID taskId, UUID taskStateId);

    /** The tasks assigned to an agent, newest first. */
    List<Task> findByAssignedAgent(UUID agentId, Page page);

    /** The tasks of a board, newest first. */
    List<Task> findByBoard(UUID boardId, Page page);
}
