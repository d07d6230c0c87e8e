package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.RankedCandidates;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** The most an agent holding none of the required capabilities can score (with a capability match of 0). */
    static final double MAX_WITHOUT_CAPABILITY = WORKLOAD_WEIGHT + AVAILABILITY_WEIGHT + PROXIMITY_WEIGHT;

    /**
     * The first {@code limit} of all agents, read off a store's ranking of the capability holders,
     * or empty when they cannot be: every row must have an open task count (a store without one
     * ranks the agent by the most it can score), score here as the store scored it and come in
     * {@link #BEST_FIRST} order, there must be {@code limit} rows, and the k-th must beat every
     * agent holding none of the capabilities (at most {@value #MAX_WITHOUT_CAPABILITY} points,
     * with a capability match of 0, which loses a tie to any holder).
     */
    static Optional<List<AgentAssignment>> topOf(TaskProfile task, RankedCandidates ranked, int limit) {
        if (ranked.candidates().size() < limit) {
            return Optional.empty();
        }
        List<AgentAssignment> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            AgentCandidate c = ranked.candidates().get(i);
            if (!eligible(c) || c.openTasks() < 0) {
                return Optional.empty();
            }
            AgentAssignment a = score(task, c);
            if (a.score() != ranked.scores().get(i) || (i > 0 && BEST_FIRST.compare(out.get(i - 1), a) > 0)) {
                return Optional.empty();
            }
            out.add(a);
        }
        AgentAssignment kth = out.get(limit - 1);
        boolean beatsNonHolders = kth.score() >= MAX_WITHOUT_CAPABILITY && kth.capabilityMatch() > 0;
        return beatsNonHolders ? Optional.of(List.copyOf(out)) : Optional.empty();
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
