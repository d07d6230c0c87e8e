package dev.hybriddb.coordination;

import dev.hybriddb.model.TaskStatus;
import java.util.Objects;
import java.util.UUID;

/**
 * A task on the other end of a dependency chain.
 *
 * @param taskId   its id
 * @param title    its title, or null
 * @param status   its status, or null
 * @param distance the fewest DEPENDS_ON hops between the two tasks (1 = direct)
 */
public record DependencyRef(UUID taskId, String title, TaskStatus status, int distance) {
    public DependencyRef {
        Objects.requireNonNull(taskId, "taskId");
    }

    /** True for a direct dependency. */
    public boolean direct() {
        return distance == 1;
    }
}
