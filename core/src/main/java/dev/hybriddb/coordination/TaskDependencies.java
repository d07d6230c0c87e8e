package dev.hybriddb.coordination;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a task stands in the dependency graph ({@code (task)-[:DEPENDS_ON]->(blocker)}). Ids sort
 * in their text order, which is also PostgreSQL's order of {@code uuid} values.
 *
 * @param taskId    the task asked about
 * @param blockedBy tasks it waits for, direct and transitive (sorted by distance, then id)
 * @param blocking  tasks waiting for it, direct and transitive (sorted by distance, then id)
 * @param canStart  true when every task in {@code blockedBy} is completed
 */
public record TaskDependencies(UUID taskId, List<DependencyRef> blockedBy, List<DependencyRef> blocking,
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
