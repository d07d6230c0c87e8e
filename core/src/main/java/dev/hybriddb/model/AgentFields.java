package dev.hybriddb.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writable agent fields; {@code name} is required to create; null means default or unchanged.
 * Status, pause and lifecycle have their own operations on {@link dev.hybriddb.repository.AgentRepository}.
 */
public record AgentFields(UUID swarmId, String name, AgentRole role, String model, String task,
        List<String> capabilities, Position position, UUID managerId, Map<String, Object> config,
        Map<String, Object> metadata) {
    /** A new agent with a name, role, model and capabilities. */
    public static AgentFields of(String name, AgentRole role, String model, List<String> capabilities) {
        return new AgentFields(null, name, role, model, null, capabilities, null, null, null, null);
    }

    /** The same fields in another swarm. */
    public AgentFields inSwarm(UUID swarm) {
        return new AgentFields(swarm, name, role, model, task, capabilities, position, managerId, config, metadata);
    }

    /** The same fields at another position. */
    public AgentFields at(Position where) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, where, managerId, config, metadata);
    }

    /** The same fields under another manager. */
    public AgentFields managedBy(UUID manager) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, position, manager, config, metadata);
    }
}
