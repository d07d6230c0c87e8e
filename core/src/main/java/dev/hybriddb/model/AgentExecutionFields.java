package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Writable execution fields; {@code agentId} and {@code taskId} are required to create. */
public record AgentExecutionFields(UUID agentId, UUID taskId, ExecutionResult result, String model,
        Map<String, Object> output, String error, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMs,
        Long tokens, BigDecimal cost) {
    /** A run of {@code agentId} on {@code taskId} starting now. */
    public static AgentExecutionFields start(UUID agentId, UUID taskId) {
        return new AgentExecutionFields(agentId, taskId, null, null, null, null, null, null, null, null, null);
    }
}
