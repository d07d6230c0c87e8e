package dev.hybriddb.coordination;

import dev.hybriddb.model.TaskStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The coordination questions, per tenant: which agent should take a task, what a project manager's
 * team is doing, what a task waits for, how agents are connected, and what an agent executed.
 * Answered from the graph or from PostgreSQL; both answers agree on the same data.
 *
 * <p>Agents and tasks are addressed by their {@link UUID} ids; statuses, roles and results are the
 * SDK's enums ({@link dev.hybriddb.model.AgentStatus}, {@link dev.hybriddb.model.AgentRole},
 * {@link TaskStatus}, {@link dev.hybriddb.model.ExecutionResult}). Where an answer sorts by id, it
 * uses the ids' text form, which is also PostgreSQL's order of {@code uuid} values.
 *
 * <p>Unknown agents or tasks raise {@link dev.hybriddb.NotFoundException}; bad arguments
 * {@link dev.hybriddb.InvalidInputException}.
 */
public interface Coordination {

    /** Task statuses that no longer count as workload. */
    Set<TaskStatus> CLOSED_TASK_STATUSES = Collections.unmodifiableSet(EnumSet.of(TaskStatus.COMPLETED, TaskStatus.ABORTED));

    /**
     * Every eligible agent for the task, best first (score, then capability match, then fewer open
     * tasks, then id). Eligible: not a project manager, and not paused, completed, failed or terminated.
     */
    List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId);

    /** The best agent for the task, or empty when no agent is eligible. */
    default Optional<AgentAssignment> findOptimalAgentForTask(UUID tenantId, UUID taskId) {
        return rankAgentsForTask(tenantId, taskId).stream().findFirst();
    }

    /** The team the agent manages directly, and that team's tasks. */
    PMTeamOverview getPMTeamOverview(UUID tenantId, UUID pmId);

    /** The tasks the task waits for and the tasks waiting for it, direct and transitive. */
    TaskDependencies getTaskDependencies(UUID tenantId, UUID taskId);

    /** The agent's network to {@code depth} hops (1..{@value AgentNetwork#MAX_DEPTH}). */
    AgentNetwork getAgentNetwork(UUID tenantId, UUID agentId, int depth);

    /**
     * The tasks the agent executed, each with its latest execution, newest first (then by task
     * id), at most {@code limit} (1..1000).
     */
    List<ExecutionRecord> getAgentHistory(UUID tenantId, UUID agentId, int limit);
}
