package dev.hybriddb.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.TaskStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentScorerTest {
    private static final TaskProfile TASK = new TaskProfile(id("f"), "T", TaskStatus.PENDING, List.of("java", "sql"), 0, 0, 0);

    /** A UUID whose text ends with the given hex digits, so that the ids' text order is the digits' order. */
    private static UUID id(String hex) {
        return UUID.fromString("00000000-0000-4000-8000-" + "0".repeat(12 - hex.length()) + hex);
    }

    private static AgentCandidate agent(String id, AgentRole role, AgentStatus status, List<String> caps, double x, long open) {
        return new AgentCandidate(new AgentSummary(id(id), "agent " + id, role, status), caps, x, 0, 0, open);
    }

    @Test
    void aPerfectAgentScoresHundred() {
        AgentAssignment a = AssignmentScorer.score(TASK, agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of("SQL ", "java"), 0, 0));
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.name()).isEqualTo("agent a");
        assertThat(a.role()).isEqualTo(AgentRole.CODER);
        assertThat(a.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(a.capabilityMatch()).isEqualTo(1.0);
        assertThat(a.reason()).isEqualTo("Capability-matched: capabilities 2/2, 0 open tasks, idle, distance 0.0");
    }

    @Test
    void factorsAddUpAsDocumented() {
        // 40 * 0.5 + 25 / 3 + 20 * 0.2 + 15 / (1 + 0.5) = 42.33
        AgentAssignment a = AssignmentScorer.score(TASK, new AgentCandidate(new AgentSummary(id("b"), "b", AgentRole.TESTER, AgentStatus.BUSY),
                List.of("java", "testing"), 3, 4, 0, 2));
        assertThat(a.score()).isEqualTo(42);
        assertThat(a.distance()).isEqualTo(5.0);
        assertThat(a.reason()).startsWith("Proximity-optimized: capabilities 1/2, 2 open tasks, busy");
    }

    @Test
    void noRequiredCapabilitiesMatchesEveryone() {
        TaskProfile open = new TaskProfile(id("f"), "T", TaskStatus.PENDING, List.of(), 0, 0, 0);
        assertThat(AssignmentScorer.score(open, agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of(), 0, 0)).capabilityMatch())
                .isEqualTo(1.0);
        assertThat(AssignmentScorer.capabilityMatch(List.of("a", "A", " a"), List.of("a"))).isEqualTo(1.0);
        assertThat(AssignmentScorer.capabilityMatch(List.of("a", "b"), List.of())).isEqualTo(0.0);
    }

    @Test
    void projectManagersAndUnavailableAgentsAreNotRanked() {
        List<AgentAssignment> ranking = AssignmentScorer.rank(TASK, List.of(
                agent("1", AgentRole.PROJECT_MANAGER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0),
                agent("2", AgentRole.CODER, AgentStatus.PAUSED, List.of("java", "sql"), 0, 0),
                agent("3", AgentRole.CODER, AgentStatus.FAILED, List.of("java", "sql"), 0, 0),
                agent("4", AgentRole.CODER, AgentStatus.TERMINATED, List.of("java", "sql"), 0, 0),
                agent("5", AgentRole.CODER, AgentStatus.COMPLETED, List.of("java", "sql"), 0, 0),
                agent("6", AgentRole.CODER, null, List.of("java", "sql"), 0, 0),
                agent("7", null, AgentStatus.ACTIVE, List.of(), 0, 0)));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly(id("7"));
    }

    @Test
    void idTiesBreakInTextOrderAsPostgresSortsUuids() {
        // UUID.compareTo is signed: it would put 8... before 7...; the text (and PostgreSQL) order does not
        UUID low = UUID.fromString("7fffffff-ffff-4fff-8fff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
        assertThat(high.compareTo(low)).isNegative();
        List<AgentAssignment> ranking = AssignmentScorer.rank(TASK, List.of(
                new AgentCandidate(new AgentSummary(high, "h", AgentRole.CODER, AgentStatus.IDLE), List.of(), 0, 0, 0, 0),
                new AgentCandidate(new AgentSummary(low, "l", AgentRole.CODER, AgentStatus.IDLE), List.of(), 0, 0, 0, 0)));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly(low, high);
    }

    @Test
    void tiesBreakOnCapabilityThenWorkloadThenId() {
        List<AgentAssignment> ranking = AssignmentScorer.rank(TASK, List.of(
                agent("b", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0),
                agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0),
                agent("c", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 3)));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly(id("a"), id("b"), id("c"));
        assertThat(ranking).allSatisfy(a -> assertThat(a.score()).isBetween(0, 100));
    }

    @Test
    void capabilityKeysAreStrippedLowerCaseDistinctAndSorted() {
        assertThat(AssignmentScorer.capabilityKeys(java.util.Arrays.asList(" SQL", "java ", "sql", "", "  ", null, "Java")))
                .containsExactly("java", "sql");
        assertThat(AssignmentScorer.capabilityKeys(null)).isEmpty();
    }

    @Test
    void aWindowDecidesOnlyWhenNobodyLeftOutCanReachTheKthScore() {
        List<AgentAssignment> ranked = AssignmentScorer.rank(TASK, List.of(
                agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0),       // 100
                agent("b", AgentRole.CODER, AgentStatus.BUSY, List.of("java"), 30, 4)));          // 20 + 5 + 4 + 4 = 33
        assertThat(ranked).extracting(AgentAssignment::score).containsExactly(100, 33);
        // nobody left out (cutoff -inf): the first is decided, the second not (an agent without
        // the capabilities may score up to 60)
        assertThat(AssignmentScorer.decisive(ranked, 1, Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(AssignmentScorer.decisive(ranked, 2, Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(AssignmentScorer.decisive(ranked, 3, Double.NEGATIVE_INFINITY)).isFalse();
        // agents left out with a partial score of 74.5 may reach round(99.5) = 100: a tie, not decided
        assertThat(AssignmentScorer.decisive(ranked, 1, 74.5)).isFalse();
        assertThat(AssignmentScorer.decisive(ranked, 1, 74.4)).isTrue();
    }

    @Test
    void thePartialScoreIsTheScoreWithoutWorkload() {
        AgentAssignment a = AssignmentScorer.score(TASK, agent("a", AgentRole.CODER, AgentStatus.BUSY, List.of("java"), 5, 3));
        double partial = AssignmentScorer.partial(1, 2, 0.2, 5.0);
        assertThat(a.score()).isEqualTo((int) Math.round(partial + 25.0 / 4));
        assertThat(a.score()).isLessThanOrEqualTo((int) Math.round(partial + AssignmentScorer.WORKLOAD_WEIGHT));
    }
}
