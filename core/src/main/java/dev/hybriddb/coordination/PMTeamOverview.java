package dev.hybriddb.coordination;

import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.TaskStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A project manager's team: the agents it manages directly ({@code (pm)-[:MANAGES]->(agent)}) and
 * the tasks assigned to them or coordinated by the PM.
 *
 * <p>The per-status maps are unmodifiable {@link EnumMap}s: they iterate in the order the enum
 * declares its constants (the workflow order), and list only statuses that occur. Agents or tasks
 * without a status are counted in the totals but in neither map.
 *
 * @param pmId           the project manager's id
 * @param totalAgents    agents managed
 * @param activeAgents   of those, agents at work (status active, running or busy)
 * @param idleAgents     of those, agents with status idle
 * @param agentsByStatus agents per status, in {@link AgentStatus} order
 * @param totalTasks     distinct tasks of the team
 * @param openTasks      of those, tasks not closed (see {@link Coordination#CLOSED_TASK_STATUSES})
 * @param completedTasks of those, tasks completed
 * @param tasksByStatus  tasks per status, in {@link TaskStatus} order
 * @param agents         the agents, sorted by id (text order)
 */
public record PMTeamOverview(UUID pmId, int totalAgents, int activeAgents, int idleAgents,
                             Map<AgentStatus, Integer> agentsByStatus, int totalTasks, int openTasks, int completedTasks,
                             Map<TaskStatus, Integer> tasksByStatus, List<AgentSummary> agents) {
    public PMTeamOverview {
        Objects.requireNonNull(pmId, "pmId");
        agentsByStatus = inEnumOrder(AgentStatus.class, agentsByStatus);
        tasksByStatus = inEnumOrder(TaskStatus.class, tasksByStatus);
        agents = List.copyOf(agents);
    }

    private static <E extends Enum<E>> Map<E, Integer> inEnumOrder(Class<E> type, Map<E, Integer> counts) {
        EnumMap<E, Integer> copy = new EnumMap<>(type);
        copy.putAll(counts);
        return Collections.unmodifiableMap(copy);
    }
}
