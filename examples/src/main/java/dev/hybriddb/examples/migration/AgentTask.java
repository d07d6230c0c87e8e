package dev.hybriddb.examples.migration;

import java.util.Objects;

/** An agent task, as the application already models it. */
public record AgentTask(String id, String direction, String taskType, String status, String model, String command,
                        String output, Integer progressPct) {
    public AgentTask {
        Objects.requireNonNull(id, "id");
    }

    public AgentTask withStatus(String newStatus, int progress, String newOutput) {
        return new AgentTask(id, direction, taskType, newStatus, model, command, newOutput, progress);
    }
}
