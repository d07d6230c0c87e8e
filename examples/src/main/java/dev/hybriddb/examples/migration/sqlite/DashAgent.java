package dev.hybriddb.examples.migration.sqlite;

import java.util.Objects;

/** An agent as the application models it; {@code swarmId} is the SQLite id of its swarm. */
public record DashAgent(String id, String swarmId, String name, String model, String task, String status) {
    public DashAgent {
        Objects.requireNonNull(id, "id");
    }

    public DashAgent withStatus(String newStatus) {
        return new DashAgent(id, swarmId, name, model, task, newStatus);
    }

    public DashAgent withTask(String newTask) {
        return new DashAgent(id, swarmId, name, model, newTask, status);
    }
}
