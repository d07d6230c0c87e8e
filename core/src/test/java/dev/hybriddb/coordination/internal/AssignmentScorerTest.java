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
    void aStoresRankingIsTheAnswerOnlyWhenItAgreesRowByRowAndBeatsNonHolders() {
        AgentCandidate best = agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0);    // 100
        AgentCandidate second = agent("b", AgentRole.CODER, AgentStatus.BUSY, List.of("java"), 30, 4);       // 33
        AgentCandidate tiedWithBest = agent("c", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0);
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(best), 100), 1)).hasValueSatisfying(top ->
                assertThat(top).extracting(AgentAssignment::agentId).containsExactly(id("a")));
        // the store scored a row differently (its last bit of arithmetic): not trusted
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(best), 99), 1)).isEmpty();
        // out of order: equal scores go by id, and "c" comes after "a"
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(tiedWithBest, best), 100, 100), 2)).isEmpty();
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(best, tiedWithBest), 100, 100), 2)).isPresent();
        // fewer holders than asked for: agents without the capabilities are part of the answer
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(best), 100), 2)).isEmpty();
        // a k-th below 60: an agent holding none of the capabilities may beat it
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(best, second), 100, 33), 2)).isEmpty();
        // a project manager is never a candidate, whatever the store says
        AgentCandidate pm = agent("0", AgentRole.PROJECT_MANAGER, AgentStatus.IDLE, List.of("java", "sql"), 0, 0);
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(pm), 100), 1)).isEmpty();
    }

    @Test
    void aHolderAtSixtyBeatsAnyNonHolder() {
        // java only (20), busy (4), far away (15 / (1 + 100 / 10) = 1.4), no open tasks (25): 50
        AgentCandidate low = agent("a", AgentRole.CODER, AgentStatus.BUSY, List.of("java"), 100, 0);
        AgentAssignment a = AssignmentScorer.score(TASK, low);
        assertThat(a.score()).isLessThan(60);
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(low), a.score()), 1)).isEmpty();
        // java and sql (40), busy (4), 10 away (7.5), 1 open task (12.5): 64
        AgentCandidate holder = agent("b", AgentRole.CODER, AgentStatus.BUSY, List.of("java", "sql"), 10, 1);
        AgentAssignment b = AssignmentScorer.score(TASK, holder);
        assertThat(b.score()).isEqualTo(64);
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(holder), 64), 1)).isPresent();
    }

    @Test
    void anAgentWithoutAStoredOpenTaskCountSendsTheRankingToTheFullPath() {
        AgentCandidate unknown = agent("a", AgentRole.CODER, AgentStatus.IDLE, List.of("java", "sql"), 0, -1);
        assertThat(AssignmentScorer.topOf(TASK, ranked(List.of(unknown), 100), 1)).isEmpty();
    }

    @Test
    void theStoredOpenTaskCountCountsWhatCoordinationCallsOpen() {
        // agents.open_task_count (changelog 1150) counts tasks not 'completed' and not 'aborted'
        assertThat(dev.hybriddb.coordination.Coordination.CLOSED_TASK_STATUSES).extracting(TaskStatus::literal)
                .containsExactlyInAnyOrder("completed", "aborted");
    }

    private static Rows.RankedCandidates ranked(List<AgentCandidate> rows, Integer... scores) {
        return new Rows.RankedCandidates(rows, List.of(scores));
    }
}
