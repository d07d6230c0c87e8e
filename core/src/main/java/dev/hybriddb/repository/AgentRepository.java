package dev.hybriddb.repository;

import dev.hybriddb.model.AgentActivity;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agents of the scope's tenant, with status, pause and lifecycle operations; {@link #search} looks in the name. */
public interface AgentRepository extends CrudRepository<Agent, AgentFields>, TextSearchable<Agent> {
    /** Sets the status. */
    Agent updateStatus(UUID id, AgentStatus status);

    /** Sets status {@code paused}, who paused it and when. */
    Agent pause(UUID id, String pausedBy);

    /** Sets status {@code active} and clears the pause. */
    Agent resume(UUID id);

    /** Sets the free-form lifecycle state (for example {@code running}). */
    Agent updateLifecycleState(UUID id, String lifecycleState);

    /** The agents of a swarm, newest first. */
    List<Agent> findBySwarm(UUID swarmId, Page page);

    /** The agents a manager manages, newest first. */
    List<Agent> findByManager(UUID managerId, Page page);

    /** The agents with their run time, events, executions, tokens and cost, newest first. */
    List<AgentActivity> activities(Page page);

    /** One agent's run time, events, executions, tokens and cost, if this tenant has the agent. */
    Optional<AgentActivity> activity(UUID agentId);
}
