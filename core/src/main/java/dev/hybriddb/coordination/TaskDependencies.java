package dev.hybriddb.coordination;

import java.util.List;
import java.util.Objects;

/**
 * Where a task stands in the dependency graph ({@code (task)-[:DEPENDS_ON]->(blocker)}).
 *
 * @param taskId    the task asked about
 * @param blockedBy tasks it waits for, direct and transitive (sorted by distance, then id)
 * @param blocking  tasks waiting for it, direct and transitive (sorted by distance, then id)
 * @param canStart  true when every task in {@code blockedBy} is completed
 */
public record TaskDependencies(String taskId, List<DependencyRef> blockedBy, List<DependencyRef> blocking,
                               boolean canStart) {
    public TaskDependencies {
        Objects.requireNonNull(taskId, "taskId");
        blockedBy = List.copyOf(blockedBy);
        blocking = List.copyOf(blocking);
    }

    /** The direct blockers only. */
    public List<DependencyRef> directlyBlockedBy() {
        return blockedBy.stream().filter(DependencyRef::direct).toList();
    }
}
