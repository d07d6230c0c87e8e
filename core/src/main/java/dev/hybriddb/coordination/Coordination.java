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

    /**
     * The first {@code limit} (1..{@value #MAX_RANKED}) of {@link #rankAgentsForTask(UUID, UUID)},
     * in the same order. Implementations answer it without ranking every agent where they can.
     */
    default List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId, int limit) {
        checkRankLimit(limit);
        List<AgentAssignment> all = rankAgentsForTask(tenantId, taskId);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** The most agents {@link #rankAgentsForTask(UUID, UUID, int)} returns. */
    int MAX_RANKED = 1_000;

    /** The best agent for the task, or empty when no agent is eligible. */
    default Optional<AgentAssignment> findOptimalAgentForTask(UUID tenantId, UUID taskId) {
        return rankAgentsForTask(tenantId, taskId, 1).stream().findFirst();
    }

    /** Rejects a limit outside 1..{@value #MAX_RANKED}. */
    static void checkRankLimit(int limit) {
        if (limit < 1 || limit > MAX_RANKED) {
            throw new dev.hybriddb.InvalidInputException("limit", limit, "must be between 1 and " + MAX_RANKED);
        }
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
