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

    /** The same fields with {@code agentId} set to {@code v}. */
    public AgentExecutionFields withAgentId(UUID v) {
        return new AgentExecutionFields(v, taskId, result, model, output, error, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code taskId} set to {@code v}. */
    public AgentExecutionFields withTaskId(UUID v) {
        return new AgentExecutionFields(agentId, v, result, model, output, error, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code result} set to {@code v}. */
    public AgentExecutionFields withResult(ExecutionResult v) {
        return new AgentExecutionFields(agentId, taskId, v, model, output, error, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code model} set to {@code v}. */
    public AgentExecutionFields withModel(String v) {
        return new AgentExecutionFields(agentId, taskId, result, v, output, error, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code output} set to {@code v}. */
    public AgentExecutionFields withOutput(Map<String, Object> v) {
        return new AgentExecutionFields(agentId, taskId, result, model, v, error, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code error} set to {@code v}. */
    public AgentExecutionFields withError(String v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, v, startedAt, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code startedAt} set to {@code v}. */
    public AgentExecutionFields withStartedAt(OffsetDateTime v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, error, v, finishedAt, durationMs, tokens, cost);
    }

    /** The same fields with {@code finishedAt} set to {@code v}. */
    public AgentExecutionFields withFinishedAt(OffsetDateTime v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, error, startedAt, v, durationMs, tokens, cost);
    }

    /** The same fields with {@code durationMs} set to {@code v}. */
    public AgentExecutionFields withDurationMs(Long v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, error, startedAt, finishedAt, v, tokens, cost);
    }

    /** The same fields with {@code tokens} set to {@code v}. */
    public AgentExecutionFields withTokens(Long v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, error, startedAt, finishedAt, durationMs, v, cost);
    }

    /** The same fields with {@code cost} set to {@code v}. */
    public AgentExecutionFields withCost(BigDecimal v) {
        return new AgentExecutionFields(agentId, taskId, result, model, output, error, startedAt, finishedAt, durationMs, tokens, v);
    }
}
