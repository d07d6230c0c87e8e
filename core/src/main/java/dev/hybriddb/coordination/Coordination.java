package dev.hybriddb.coordination;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The coordination questions of seeds 000 and 002, per tenant. Answered from the graph or from
 * PostgreSQL; both answers agree on the same data. Unknown agents or tasks raise
 * {@link dev.hybriddb.NotFoundException}; bad arguments {@link dev.hybriddb.InvalidInputException}.
 */
public interface Coordination {

    /** Task statuses that no longer count as workload. */
    List<String> CLOSED_TASK_STATUSES = List.of("completed", "aborted");

    /**
     * Every eligible agent for the task, best first (score, then capability match, then fewer open
     * tasks, then id). Eligible: not a project manager, and not paused, completed, failed or terminated.
     */
    List<AgentAssignment> rankAgentsForTask(UUID tenantId, String taskId);

    /** The best agent for the task, or empty when no agent is eligible. */
    default Optional<AgentAssignment> findOptimalAgentForTask(UUID tenantId, String taskId) {
        return rankAgentsForTask(tenantId, taskId).stream().findFirst();
    }

    PMTeamOverview getPMTeamOverview(UUID tenantId, String pmId);

    TaskDependencies getTaskDependencies(UUID tenantId, String taskId);

    /** The agent's network to {@code depth} hops (1..{@value AgentNetwork#MAX_DEPTH}). */
    AgentNetwork getAgentNetwork(UUID tenantId, String agentId, int depth);

    /**
     * The tasks the agent executed, each with its latest execution, newest first (then by task
     * key), at most {@code limit} (1..1000).
     */
    List<ExecutionRecord> getAgentHistory(UUID tenantId, String agentId, int limit);
}
