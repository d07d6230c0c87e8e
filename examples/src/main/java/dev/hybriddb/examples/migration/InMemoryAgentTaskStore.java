package dev.hybriddb.examples.migration;

import dev.hybriddb.migrate.MigrationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The legacy store: a map keyed by task id, lost on restart. */
public final class InMemoryAgentTaskStore implements MigrationStore<AgentTask> {
    private final Map<String, AgentTask> store = new ConcurrentHashMap<>();

    @Override
    public void write(AgentTask task) {
        store.put(task.id(), task);
    }

    @Override
    public Optional<AgentTask> read(String id) {
        return Optional.ofNullable(store.get(id));
    }

    @Override
    public boolean delete(String id) {
        return store.remove(id) != null;
    }

    @Override
    public List<AgentTask> readAll() {
        List<AgentTask> out = new ArrayList<>(store.values());
        out.sort(Comparator.comparing(AgentTask::id));
        return out;
    }
}
