package dev.hybriddb.examples.migration.sqlite;

import java.util.Objects;

/** A swarm as the application models it (its SQLite id is the migration key). */
public record DashSwarm(String id, String name, String status) {
    public DashSwarm {
        Objects.requireNonNull(id, "id");
    }
}
