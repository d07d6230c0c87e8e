package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one scoring of agents for a task, fed by either store's rows. Score = 40 x capability match
 * + 25 x workload (1 / (1 + open tasks)) + 20 x availability (by status) + 15 x proximity
 * (1 / (1 + distance / 10)), rounded to 0..100.
 */
public final class AssignmentScorer {
    static final double CAPABILITY_WEIGHT = 40;
    static final double WORKLOAD_WEIGHT = 25;
    static final double AVAILABILITY_WEIGHT = 20;
    static final double PROXIMITY_WEIGHT = 15;

    /** Availability per agent status; statuses not listed make an agent ineligible. */
    static final Map<AgentStatus, Double> AVAILABILITY = new EnumMap<>(Map.of(
            AgentStatus.IDLE, 1.0, AgentStatus.ACTIVE, 0.7, AgentStatus.PENDING, 0.6, AgentStatus.RUNNING, 0.4,
            AgentStatus.BUSY, 0.2));

    /** Best first: score, capability match, fewer open tasks, id. */
    public static final Comparator<AgentAssignment> BEST_FIRST = Comparator
            .comparingInt(AgentAssignment::score).reversed()
            .thenComparing(Comparator.comparingDouble(AgentAssignment::capabilityMatch).reversed())
            .thenComparingLong(AgentAssignment::openTasks)
            .thenComparing(AgentAssignment::agentId, Rows.BY_ID);

    private AssignmentScorer() {}

    public static List<AgentAssignment> rank(TaskProfile task, List<AgentCandidate> candidates) {
        return candidates.stream().filter(AssignmentScorer::eligible).map(c -> score(task, c)).sorted(BEST_FIRST).toList();
    }

    /**
     * Capability matching keys: stripped, lower case, distinct, sorted, blanks left out. Agents carry
     * them as {@code capability_keys} (a generated column in PostgreSQL, a node property in the
     * graph), so that matching is an index lookup.
     */
    public static List<String> capabilityKeys(Collection<String> capabilities) {
        return capabilities == null ? List.of() : new TreeSet<>(distinct(capabilities)).stream().toList();
    }

    /**
     * The part of the score that needs no traversal (capability match, availability, proximity),
     * computed in this order by the stores' queries too: an agent's score is at most
     * {@code round(partial + WORKLOAD_WEIGHT)}.
     */
    static double partial(int matched, int required, double availability, double distance) {
        double capability = required == 0 ? 1.0 : (double) matched / required;
        return CAPABILITY_WEIGHT * capability + AVAILABILITY_WEIGHT * availability + PROXIMITY_WEIGHT * (1.0 / (1.0 + distance / 10.0));
    }

    /** The most an agent holding none of the required capabilities can score. */
    static final double MAX_WITHOUT_CAPABILITY = WORKLOAD_WEIGHT + AVAILABILITY_WEIGHT + PROXIMITY_WEIGHT;

    /**
     * Whether the first {@code limit} of {@code ranked} (the exact ranking of a candidate window)
     * are the first {@code limit} of all agents: the k-th score must beat every agent left out,
     * strictly. Those holding a required capability have a partial score of at most
     * {@code cutoff}, so a score of at most {@code round(cutoff + 25)}; those holding none score at
     * most 60. Half a point covers rounding, a millionth the order of floating point additions.
     */
    static boolean decisive(List<AgentAssignment> ranked, int limit, double cutoff) {
        if (ranked.size() < limit) {
            return false;
        }
        int kth = ranked.get(limit - 1).score();
        double margin = 0.5 + 1e-6;
        return kth > MAX_WITHOUT_CAPABILITY + margin && kth > cutoff + WORKLOAD_WEIGHT + margin;
    }

    /** {@link #AVAILABILITY} by the statuses' literals, as the stores hold them. */
    public static Map<String, Double> availabilityByLiteral() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        AVAILABILITY.forEach((status, weight) -> out.put(status.literal(), weight));
        return out;
    }

    static boolean eligible(AgentCandidate c) {
        AgentStatus status = c.agent().status();
        return c.agent().role() != AgentRole.PROJECT_MANAGER && status != null && AVAILABILITY.containsKey(status);
    }

    static AgentAssignment score(TaskProfile task, AgentCandidate c) {
        double capability = capabilityMatch(task.requiredCapabilities(), c.capabilities());
        double workload = 1.0 / (1.0 + c.openTasks());
        AgentStatus status = c.agent().status();
        double availability = AVAILABILITY.getOrDefault(status, 0.0);
        double distance = Math.sqrt(sq(task.x() - c.x()) + sq(task.y() - c.y()) + sq(task.z() - c.z()));
        double proximity = 1.0 / (1.0 + distance / 10.0);
        double[] parts = {CAPABILITY_WEIGHT * capability, WORKLOAD_WEIGHT * workload,
                AVAILABILITY_WEIGHT * availability, PROXIMITY_WEIGHT * proximity};
        int score = (int) Math.round(parts[0] + parts[1] + parts[2] + parts[3]);
        String reason = headline(parts) + ": capabilities " + matched(task.requiredCapabilities(), c.capabilities()) + "/"
                + distinct(task.requiredCapabilities()).size() + ", " + c.openTasks() + " open task"
                + (c.openTasks() == 1 ? "" : "s") + ", " + (status == null ? "no status" : status.literal())
                + ", distance " + String.format(Locale.ROOT, "%.1f", distance);
        return new AgentAssignment(c.agent().id(), c.agent().name(), c.agent().role(), Math.max(0, Math.min(100, score)),
                reason, capability, c.openTasks(), status, distance);
    }

    /** The factor that earned the largest share of its weight. */
    private static String headline(double[] parts) {
        String[] names = {"Capability-matched", "Workload-optimized", "Availability-optimized", "Proximity-optimized"};
        double[] weights = {CAPABILITY_WEIGHT, WORKLOAD_WEIGHT, AVAILABILITY_WEIGHT, PROXIMITY_WEIGHT};
        int best = 0;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i] / weights[i] > parts[best] / weights[best] + 1e-9) {
                best = i;
            }
        }
        return names[best];
    }

    static double capabilityMatch(List<String> required, List<String> has) {
        Set<String> req = distinct(required);
        return req.isEmpty() ? 1.0 : (double) matched(required, has) / req.size();
    }

    private static int matched(List<String> required, List<String> has) {
        Set<String> req = distinct(required);
        req.retainAll(distinct(has));
        return req.size();
    }

    private static Set<String> distinct(Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(normalize(v));
            }
        }
        return out;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static double sq(double d) {
        return d * d;
    }
}
