package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.RankedCandidates;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.Neighbourhood;
import dev.hybriddb.coordination.internal.Rows.TaskClosures;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import dev.hybriddb.model.TaskStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where coordination rows come from: the graph ({@link GraphStore}) or PostgreSQL
 * ({@link SqlStore}). Stores only fetch; {@link CoordinationEngine} computes every answer, once.
 */
public interface CoordinationStore {

    Optional<TaskProfile> task(UUID tenant, UUID taskId);

    /** Every agent with its count of assigned tasks whose status is not in {@code closedStatuses}. */
    List<AgentCandidate> candidates(UUID tenant, Set<TaskStatus> closedStatuses);

    /**
     * The first {@code limit} eligible agents (not project managers, status in {@code availability})
     * that hold at least one of {@code keys} (capability keys, distinct, not empty), ranked by the
     * whole score of {@link AssignmentScorer} in its order and arithmetic, each with its open task
     * count (the agent's {@code open_task_count}: tasks not in
     * {@link dev.hybriddb.coordination.Coordination#CLOSED_TASK_STATUSES}; -1 where the store does
     * not have it) and score; computed where the data is, starting from the capability index.
     */
    RankedCandidates topCandidates(UUID tenant, TaskProfile task, List<String> keys, Map<String, Double> availability,
                                   int limit);

    List<AgentSummary> agents(UUID tenant, Collection<UUID> agentIds);

    /** Agents managed directly by the agent. */
    List<AgentSummary> managedBy(UUID tenant, UUID managerId);

    /** Distinct tasks assigned to agents the PM manages or coordinated by the PM. */
    List<TaskSummary> teamTasks(UUID tenant, UUID pmId);

    /**
     * The task's closures, or empty when the task does not exist: {@code blockers} holds the edges
     * walked from the task along DEPENDS_ON with the tasks they reach ({@code to} ends),
     * {@code blocked} the edges walked against DEPENDS_ON into the task with the tasks they come
     * from ({@code from} ends).
     */
    Optional<TaskClosures> dependencies(UUID tenant, UUID taskId);

    /**
     * MANAGES and SAME_SWARM links that touch any of the agents, with the summary of every agent at
     * their far ends (so that a walk needs no second lookup).
     */
    Neighbourhood links(UUID tenant, Collection<UUID> agentIds);

    List<ExecutionRecord> executions(UUID tenant, UUID agentId, int limit);
}
