package dev.hybriddb.model;

import java.util.Map;
import java.util.UUID;

/**
 * A new agent task: {@code id} (at most 50 characters), {@code direction}, {@code taskType},
 * {@code model} and {@code command} are required.
 */
public record AgentTaskFields(String id, UUID agentId, String direction, AgentTaskType taskType, String model,
        String command, Map<String, Object> context, String tier) {
    /** A new task with the required fields. */
    public static AgentTaskFields of(String id, String direction, AgentTaskType taskType, String model, String command) {
        return new AgentTaskFields(id, null, direction, taskType, model, command, null, null);
    }

    /** The same task assigned to an agent. */
    public AgentTaskFields forAgent(UUID agent) {
        return new AgentTaskFields(id, agent, direction, taskType, model, command, context, tier);
    }

    /** The same fields with {@code id} set to {@code v}. */
    public AgentTaskFields withId(String v) {
        return new AgentTaskFields(v, agentId, direction, taskType, model, command, context, tier);
    }

    /** The same fields with {@code agentId} set to {@code v}. */
    public AgentTaskFields withAgentId(UUID v) {
        return new AgentTaskFields(id, v, direction, taskType, model, command, context, tier);
    }

    /** The same fields with {@code direction} set to {@code v}. */
    public AgentTaskFields withDirection(String v) {
        return new AgentTaskFields(id, agentId, v, taskType, model, command, context, tier);
    }

    /** The same fields with {@code taskType} set to {@code v}. */
    public AgentTaskFields withTaskType(AgentTaskType v) {
        return new AgentTaskFields(id, agentId, direction, v, model, command, context, tier);
    }

    /** The same fields with {@code model} set to {@code v}. */
    public AgentTaskFields withModel(String v) {
        return new AgentTaskFields(id, agentId, direction, taskType, v, command, context, tier);
    }

    /** The same fields with {@code command} set to {@code v}. */
    public AgentTaskFields withCommand(String v) {
        return new AgentTaskFields(id, agentId, direction, taskType, model, v, context, tier);
    }

    /** The same fields with {@code context} set to {@code v}. */
    public AgentTaskFields withContext(Map<String, Object> v) {
        return new AgentTaskFields(id, agentId, direction, taskType, model, command, v, tier);
    }

    /** The same fields with {@code tier} set to {@code v}. */
    public AgentTaskFields withTier(String v) {
        return new AgentTaskFields(id, agentId, direction, taskType, model, command, context, v);
    }
}
