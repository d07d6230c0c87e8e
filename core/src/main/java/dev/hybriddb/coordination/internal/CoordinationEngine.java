package dev.hybriddb.coordination.internal;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentNetwork;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.Coordination;
import dev.hybriddb.coordination.DependencyRef;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NetworkAgent;
import dev.hybriddb.coordination.PMTeamOverview;
import dev.hybriddb.coordination.TaskDependencies;
import dev.hybriddb.coordination.internal.Rows.RankedCandidates;
import dev.hybriddb.coordination.internal.Rows.Dependency;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.Neighbourhood;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskClosures;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.TaskStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Every coordination answer, computed once from a store's rows (graph or PostgreSQL). */
public final class CoordinationEngine implements Coordination {
    public static final int MAX_HISTORY = 1_000;
    private static final Set<AgentStatus> AT_WORK = EnumSet.of(AgentStatus.ACTIVE, AgentStatus.RUNNING, AgentStatus.BUSY);
    private static final Comparator<DependencyRef> BY_DISTANCE =
            Comparator.comparingInt(DependencyRef::distance).thenComparing(DependencyRef::taskId, Rows.BY_ID);

    private final CoordinationStore store;

    public CoordinationEngine(CoordinationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public CoordinationStore store() {
        return store;
    }

    @Override
    public List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId) {
        check(tenantId, "taskId", taskId);
        TaskProfile task = store.task(tenantId, taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        return AssignmentScorer.rank(task, store.candidates(tenantId, CLOSED_TASK_STATUSES));
    }

    /**
     * Asks the store for its ranking of the agents holding the task's capabilities, which it
     * computes where the data is (one query from the capability index), checks it against
     * {@link AssignmentScorer} row by row, and ranks every agent here only when the store's answer
     * cannot be the whole answer (too few holders, or a disagreement in the last bit of a score).
     */
    @Override
    public List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId, int limit) {
        check(tenantId, "taskId", taskId);
        Coordination.checkRankLimit(limit);
        TaskProfile task = store.task(tenantId, taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        List<String> keys = AssignmentScorer.capabilityKeys(task.requiredCapabilities());
        if (!keys.isEmpty()) {
            RankedCandidates best = store.topCandidates(tenantId, task, keys, AssignmentScorer.availabilityByLiteral(), limit);
            Optional<List<AgentAssignment>> top = AssignmentScorer.topOf(task, best, limit);
            if (top.isPresent()) {
                return top.get();
            }
        }
        List<AgentAssignment> all = AssignmentScorer.rank(task, store.candidates(tenantId, CLOSED_TASK_STATUSES));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public PMTeamOverview getPMTeamOverview(UUID tenantId, UUID pmId) {
        check(tenantId, "pmId", pmId);
        requireAgent(tenantId, pmId);
        List<AgentSummary> team = new ArrayList<>(store.managedBy(tenantId, pmId));
        team.sort(Comparator.comparing(AgentSummary::id, Rows.BY_ID));
        Map<AgentStatus, Integer> agentsByStatus = countBy(AgentStatus.class, team, AgentSummary::status);
        int atWork = (int) team.stream().filter(a -> a.status() != null && AT_WORK.contains(a.status())).count();
        int idle = agentsByStatus.getOrDefault(AgentStatus.IDLE, 0);
        List<TaskSummary> tasks = store.teamTasks(tenantId, pmId);
        Map<TaskStatus, Integer> tasksByStatus = countBy(TaskStatus.class, tasks, TaskSummary::status);
        int open = (int) tasks.stream().filter(t -> t.status() == null || !CLOSED_TASK_STATUSES.contains(t.status())).count();
        return new PMTeamOverview(pmId, team.size(), atWork, idle, agentsByStatus, tasks.size(), open,
                tasksByStatus.getOrDefault(TaskStatus.COMPLETED, 0), tasksByStatus, team);
    }

    @Override
    public TaskDependencies getTaskDependencies(UUID tenantId, UUID taskId) {
        check(tenantId, "taskId", taskId);
        TaskClosures closures = store.dependencies(tenantId, taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        List<DependencyRef> blockedBy = walk(taskId, closures.blockers(), true);
        List<DependencyRef> blocking = walk(taskId, closures.blocked(), false);
        boolean canStart = blockedBy.stream().allMatch(d -> d.status() == TaskStatus.COMPLETED);
        return new TaskDependencies(taskId, blockedBy, blocking, canStart);
    }

    /** Breadth-first from the root along (forward) or against the edges; distance = fewest hops. */
    static List<DependencyRef> walk(UUID root, DependencyClosure closure, boolean forward) {
        Map<UUID, List<UUID>> next = new HashMap<>();
        for (Dependency d : closure.edges()) {
            UUID from = forward ? d.from() : d.to();
            UUID to = forward ? d.to() : d.from();
            next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        }
        Map<UUID, Integer> distance = new HashMap<>();
        distance.put(root, 0);
        Deque<UUID> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            UUID at = queue.poll();
            for (UUID n : next.getOrDefault(at, List.of())) {
                if (!distance.containsKey(n)) {
                    distance.put(n, distance.get(at) + 1);
                    queue.add(n);
                }
            }
        }
        distance.remove(root);
        List<DependencyRef> refs = new ArrayList<>();
        distance.forEach((id, d) -> {
            TaskSummary t = closure.tasks().get(id);
            refs.add(new DependencyRef(id, t == null ? null : t.title(), t == null ? null : t.status(), d));
        });
        refs.sort(BY_DISTANCE);
        return refs;
    }

    @Override
    public AgentNetwork getAgentNetwork(UUID tenantId, UUID agentId, int depth) {
        check(tenantId, "agentId", agentId);
        if (depth < 1 || depth > AgentNetwork.MAX_DEPTH) {
            throw new InvalidInputException("depth", depth, "must be between 1 and " + AgentNetwork.MAX_DEPTH);
        }
        requireAgent(tenantId, agentId);
        Map<UUID, Integer> distance = new HashMap<>(Map.of(agentId, 0));
        Set<AgentLink> links = new LinkedHashSet<>();
        Map<UUID, AgentSummary> summaries = new HashMap<>();
        Set<UUID> frontier = Set.of(agentId);
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            Set<UUID> found = new LinkedHashSet<>();
            Neighbourhood around = store.links(tenantId, frontier);
            summaries.putAll(around.agents());
            for (AgentLink link : around.links()) {
                AgentLink normal = normalize(link);
                links.add(normal);
                for (UUID end : List.of(normal.fromAgentId(), normal.toAgentId())) {
                    if (!distance.containsKey(end)) {
                        distance.put(end, level);
                        found.add(end);
                    }
                }
            }
            frontier = found;
        }
        distance.remove(agentId);
        List<NetworkAgent> agents = new ArrayList<>();
        distance.forEach((id, d) -> {
            AgentSummary a = summaries.get(id);
            if (a != null) {
                agents.add(new NetworkAgent(a, d));
            }
        });
        agents.sort(Comparator.comparingInt(NetworkAgent::distance).thenComparing(NetworkAgent::id, Rows.BY_ID));
        Set<UUID> members = new LinkedHashSet<>(distance.keySet());
        members.add(agentId);
        List<AgentLink> connections = links.stream()
                .filter(l -> members.contains(l.fromAgentId()) && members.contains(l.toAgentId()))
                .sorted(Comparator.comparing(AgentLink::type).thenComparing(AgentLink::fromAgentId, Rows.BY_ID)
                        .thenComparing(AgentLink::toAgentId, Rows.BY_ID))
                .toList();
        return new AgentNetwork(agentId, depth, agents, connections);
    }

    /** SAME_SWARM links run from the smaller id (text order) to the larger, so both directions are one link. */
    static AgentLink normalize(AgentLink l) {
        if (AgentLink.SAME_SWARM.equals(l.type()) && Rows.BY_ID.compare(l.fromAgentId(), l.toAgentId()) > 0) {
            return new AgentLink(l.toAgentId(), l.fromAgentId(), l.type(), l.via());
        }
        return l;
    }

    @Override
    public List<ExecutionRecord> getAgentHistory(UUID tenantId, UUID agentId, int limit) {
        check(tenantId, "agentId", agentId);
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new InvalidInputException("limit", limit, "must be between 1 and " + MAX_HISTORY);
        }
        requireAgent(tenantId, agentId);
        return store.executions(tenantId, agentId, limit);
    }

    private void requireAgent(UUID tenantId, UUID agentId) {
        if (store.agents(tenantId, List.of(agentId)).isEmpty()) {
            throw new NotFoundException("agent", agentId);
        }
    }

    static void check(UUID tenantId, String field, UUID id) {
        if (tenantId == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        if (id == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
    }

    /** Items per (non-null) key, in the enum's order. */
    private static <T, E extends Enum<E>> Map<E, Integer> countBy(Class<E> type, List<T> items, Function<T, E> key) {
        Map<E, Integer> counts = new EnumMap<>(type);
        for (T item : items) {
            E k = key.apply(item);
            if (k != null) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return counts;
    }
}
