package dev.hybriddb.examples.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The legacy store: a map keyed by task id, lost on restart. */
public final class InMemoryAgentTaskStore implements AgentTaskStore {
    private final Map<String, AgentTask> store = new ConcurrentHashMap<>();

    @Override
    public void put(AgentTask task) {
        store.put(task.id(), task);
    }

    @Override
    public Optional<AgentTask> get(String id) {
        return Optional.ofNullable(store.get(id));
    }

    @Override
    public List<AgentTask> all() {
        List<AgentTask> out = new ArrayList<>(store.values());
        out.sort(Comparator.comparing(AgentTask::id));
        return out;
    }
}
