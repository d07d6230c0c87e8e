package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An orchestrated agent work item (table {@code agent_tasks}); its id is chosen by the caller. */
public record AgentTask(String id, UUID tenantId, UUID agentId, String direction, AgentTaskType taskType,
        AgentTaskStatus status, String model, String command, String output, Map<String, Object> context,
        Integer progressPct, String currentStep, String decisionPrompt, String decision, String tier,
        OffsetDateTime startedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
