package dev.hybriddb.repository;

import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.UUID;

/** Agents of the scope's tenant, with status, pause and lifecycle operations. */
public interface AgentRepository extends CrudRepository<Agent, AgentFields> {
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
}
