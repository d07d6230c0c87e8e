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
}
