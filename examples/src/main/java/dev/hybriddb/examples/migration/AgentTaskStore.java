package dev.hybriddb.examples.migration;

import java.util.List;
import java.util.Optional;

/** The application's storage port: the legacy store and the PostgreSQL store implement it. */
public interface AgentTaskStore {
    void put(AgentTask task);

    Optional<AgentTask> get(String id);

    List<AgentTask> all();
}
