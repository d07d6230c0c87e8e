package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The plain rows a {@link CoordinationStore} hands to the {@link CoordinationEngine}. */
public final class Rows {
    private Rows() {}

    /** A task as assignment sees it. */
    public record TaskProfile(String id, String title, String status, List<String> requiredCapabilities,
                              double x, double y, double z) {
        public TaskProfile {
            Objects.requireNonNull(id, "id");
            requiredCapabilities = List.copyOf(requiredCapabilities);
        }
    }

    /** An agent as assignment sees it, with its open task count. */
    public record AgentCandidate(AgentSummary agent, List<String> capabilities, double x, double y, double z,
                                 long openTasks) {
        public AgentCandidate {
            Objects.requireNonNull(agent, "agent");
            capabilities = List.copyOf(capabilities);
        }
    }

    /** A task's key, title and status. */
    public record TaskSummary(String id, String title, String status) {
        public TaskSummary {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A DEPENDS_ON edge: {@code from} is blocked by {@code to}. */
    public record Dependency(String from, String to) {
        public Dependency {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The DEPENDS_ON edges reachable from a task one way, and the tasks on their far ends. */
    public record DependencyClosure(List<Dependency> edges, Map<String, TaskSummary> tasks) {
        public DependencyClosure {
            edges = List.copyOf(edges);
            tasks = Map.copyOf(tasks);
        }
    }
}
