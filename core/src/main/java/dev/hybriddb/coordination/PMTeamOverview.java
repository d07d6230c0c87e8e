package dev.hybriddb.coordination;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project manager's team: the agents it manages directly ({@code (pm)-[:MANAGES]->(agent)}) and
 * the tasks assigned to them or coordinated by the PM.
 *
 * @param pmId           the project manager's key
 * @param totalAgents    agents managed
 * @param activeAgents   of those, agents at work (status active, running or busy)
 * @param idleAgents     of those, agents with status idle
 * @param agentsByStatus agents per status (sorted by status)
 * @param totalTasks     distinct tasks of the team
 * @param openTasks      of those, tasks not closed (closed = completed or aborted)
 * @param completedTasks of those, tasks completed
 * @param tasksByStatus  tasks per status (sorted by status)
 * @param agents         the agents, sorted by id
 */
public record PMTeamOverview(String pmId, int totalAgents, int activeAgents, int idleAgents,
                             Map<String, Integer> agentsByStatus, int totalTasks, int openTasks, int completedTasks,
                             Map<String, Integer> tasksByStatus, List<AgentSummary> agents) {
    public PMTeamOverview {
        Objects.requireNonNull(pmId, "pmId");
        agentsByStatus = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(agentsByStatus));
        tasksByStatus = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tasksByStatus));
        agents = List.copyOf(agents);
    }
}
