package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One run of an agent on a task (table {@code agent_executions}); {@code result} is null while it runs. */
public record AgentExecution(UUID id, UUID tenantId, UUID agentId, UUID taskId, ExecutionResult result, String model,
        Map<String, Object> output, String error, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMs,
        long tokens, BigDecimal cost, OffsetDateTime createdAt) {}
