package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where coordination rows come from: the graph ({@link GraphStore}) or PostgreSQL
 * ({@link SqlStore}). Stores only fetch; {@link CoordinationEngine} computes every answer, once.
 */
public interface CoordinationStore {

    Optional<TaskProfile> task(UUID tenant, String taskId);

    /** Every agent with its count of assigned tasks whose status is not in {@code closedStatuses}. */
    List<AgentCandidate> candidates(UUID tenant, List<String> closedStatuses);

    List<AgentSummary> agents(UUID tenant, Collection<String> agentIds);

    /** Agents managed directly by the agent. */
    List<AgentSummary> managedBy(UUID tenant, String managerId);

    /** Distinct tasks assigned to agents the PM manages or coordinated by the PM. */
    List<TaskSummary> teamTasks(UUID tenant, String pmId);

    /** The edges walked from the task along DEPENDS_ON, with the tasks they reach ({@code to} ends). */
    DependencyClosure blockers(UUID tenant, String taskId);

    /** The edges walked against DEPENDS_ON into the task, with the tasks they come from ({@code from} ends). */
    DependencyClosure blocked(UUID tenant, String taskId);

    /** MANAGES and SAME_SWARM links that touch any of the agents. */
    List<AgentLink> links(UUID tenant, Collection<String> agentIds);

    List<ExecutionRecord> executions(UUID tenant, String agentId, int limit);
}
