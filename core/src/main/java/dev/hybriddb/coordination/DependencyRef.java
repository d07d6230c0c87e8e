package dev.hybriddb.coordination;

import java.util.Objects;

/**
 * A task on the other end of a dependency chain.
 *
 * @param taskId   its key
 * @param title    its title, or null
 * @param status   its status, or null
 * @param distance the fewest DEPENDS_ON hops between the two tasks (1 = direct)
 */
public record DependencyRef(String taskId, String title, String status, int distance) {
    public DependencyRef {
        Objects.requireNonNull(taskId, "taskId");
    }

    /** True for a direct dependency. */
    public boolean direct() {
        return distance == 1;
    }
}
