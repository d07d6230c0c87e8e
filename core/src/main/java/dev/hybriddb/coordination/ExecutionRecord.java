package dev.hybriddb.coordination;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution of a task by an agent ({@code agent_executions}; in the graph an
 * {@code (Agent)-[:EXECUTED {execution_id, ...}]->(Task)} edge). Times are truncated to microseconds.
 */
public record ExecutionRecord(String executionId, String agentId, String taskId, String taskTitle, String result,
                              Instant startedAt, Instant finishedAt, Long durationMs, long tokens, double cost) {
    public ExecutionRecord {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(taskId, "taskId");
    }
}
