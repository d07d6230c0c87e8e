package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.TaskStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The plain rows a {@link CoordinationStore} hands to the {@link CoordinationEngine}, and the
 * conversions from what the stores hold (ids as text, enum values as their lower-case literals).
 */
public final class Rows {
    /** Ids in their text order, which is PostgreSQL's order of uuid values (unlike {@link UUID#compareTo}). */
    public static final Comparator<UUID> BY_ID = Comparator.comparing(UUID::toString);

    private Rows() {}

    /** A task as assignment sees it. */
    public record TaskProfile(UUID id, String title, TaskStatus status, List<String> requiredCapabilities,
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

    /**
     * The best eligible holders of a task's capabilities as a store ranks them (score, capability
     * match, fewer open tasks, id: {@link AssignmentScorer#BEST_FIRST}), each beside the score the
     * store computed for it.
     */
    public record RankedCandidates(List<AgentCandidate> candidates, List<Integer> scores) {
        public RankedCandidates {
            candidates = List.copyOf(candidates);
            scores = List.copyOf(scores);
            if (candidates.size() != scores.size()) {
                throw new IllegalArgumentException(candidates.size() + " candidates, " + scores.size() + " scores");
            }
        }
    }

    /** A task's id, title and status. */
    public record TaskSummary(UUID id, String title, TaskStatus status) {
        public TaskSummary {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A DEPENDS_ON edge: {@code from} is blocked by {@code to}. */
    public record Dependency(UUID from, UUID to) {
        public Dependency {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The DEPENDS_ON edges reachable from a task one way, and the tasks on their far ends. */
    public record DependencyClosure(List<Dependency> edges, Map<UUID, TaskSummary> tasks) {
        public DependencyClosure {
            edges = List.copyOf(edges);
            tasks = Map.copyOf(tasks);
        }
    }

    /** Links that touch some agents, with the id, name, role and status of the agents at their ends. */
    public record Neighbourhood(List<AgentLink> links, Map<UUID, AgentSummary> agents) {
        public Neighbourhood {
            links = List.copyOf(links);
            agents = Map.copyOf(agents);
        }
    }

    /** A closure's edges and far-end tasks, gathered as rows arrive; rows with a missing id are left out. */
    static final class ClosureRows {
        private final List<Dependency> edges = new java.util.ArrayList<>();
        private final Map<UUID, TaskSummary> tasks = new java.util.HashMap<>();

        void add(UUID from, UUID to, UUID far, String title, String status) {
            if (from != null && to != null && far != null) {
                edges.add(new Dependency(from, to));
                tasks.put(far, new TaskSummary(far, title, taskStatus(status)));
            }
        }

        DependencyClosure closure() {
            return new DependencyClosure(edges, tasks);
        }
    }

    /** A task's closures both ways: what blocks it ({@link #blockers}) and what it blocks ({@link #blocked}). */
    public record TaskClosures(DependencyClosure blockers, DependencyClosure blocked) {
        public TaskClosures {
            Objects.requireNonNull(blockers, "blockers");
            Objects.requireNonNull(blocked, "blocked");
        }
    }

    /**
     * The key as a UUID, or null when it is not the canonical (lower-case) text form of one, as
     * PostgreSQL writes it: such a key cannot be a PostgreSQL row, so the graph's answers leave it
     * out as PostgreSQL's do.
     */
    public static UUID uuid(String key) {
        if (key == null || key.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(key);
            return id.toString().equals(key) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static AgentRole role(String literal) {
        return literal(literal, AgentRole::fromLiteral);
    }

    public static AgentStatus agentStatus(String literal) {
        return literal(literal, AgentStatus::fromLiteral);
    }

    public static TaskStatus taskStatus(String literal) {
        return literal(literal, TaskStatus::fromLiteral);
    }

    public static ExecutionResult result(String literal) {
        return literal(literal, ExecutionResult::fromLiteral);
    }

    /** The enum constant of a stored literal; null stays null, an unknown literal is an InvalidInputException. */
    private static <E> E literal(String literal, Function<String, E> parse) {
        return literal == null ? null : parse.apply(literal);
    }
}
