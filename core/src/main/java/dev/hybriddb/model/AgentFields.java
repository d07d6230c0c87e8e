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

    /** The same fields with {@code swarmId} set to {@code v}. */
    public AgentFields withSwarmId(UUID v) {
        return new AgentFields(v, name, role, model, task, capabilities, position, managerId, config, metadata);
    }

    /** The same fields with {@code name} set to {@code v}. */
    public AgentFields withName(String v) {
        return new AgentFields(swarmId, v, role, model, task, capabilities, position, managerId, config, metadata);
    }

    /** The same fields with {@code role} set to {@code v}. */
    public AgentFields withRole(AgentRole v) {
        return new AgentFields(swarmId, name, v, model, task, capabilities, position, managerId, config, metadata);
    }

    /** The same fields with {@code model} set to {@code v}. */
    public AgentFields withModel(String v) {
        return new AgentFields(swarmId, name, role, v, task, capabilities, position, managerId, config, metadata);
    }

    /** The same fields with {@code task} set to {@code v}. */
    public AgentFields withTask(String v) {
        return new AgentFields(swarmId, name, role, model, v, capabilities, position, managerId, config, metadata);
    }

    /** The same fields with {@code capabilities} set to {@code v}. */
    public AgentFields withCapabilities(List<String> v) {
        return new AgentFields(swarmId, name, role, model, task, v, position, managerId, config, metadata);
    }

    /** The same fields with {@code position} set to {@code v}. */
    public AgentFields withPosition(Position v) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, v, managerId, config, metadata);
    }

    /** The same fields with {@code managerId} set to {@code v}. */
    public AgentFields withManagerId(UUID v) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, position, v, config, metadata);
    }

    /** The same fields with {@code config} set to {@code v}. */
    public AgentFields withConfig(Map<String, Object> v) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, position, managerId, v, metadata);
    }

    /** The same fields with {@code metadata} set to {@code v}. */
    public AgentFields withMetadata(Map<String, Object> v) {
        return new AgentFields(swarmId, name, role, model, task, capabilities, position, managerId, config, v);
    }
}
