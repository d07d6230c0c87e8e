package dev.hybriddb.coordination;

import dev.hybriddb.model.ExecutionResult;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The latest execution of a task by an agent: a row of {@code agent_executions}, and in the graph
 * the {@code (Agent)-[:EXECUTED]->(Task)} edge, of which there is one per agent and task holding
 * its latest execution. Times are truncated to microseconds.
 */
public record ExecutionRecord(UUID agentId, UUID taskId, String taskTitle, ExecutionResult result, String model,
                              Instant startedAt, Instant finishedAt, Long durationMs, long tokens, double cost) {
    public ExecutionRecord {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(taskId, "taskId");
    }
}
