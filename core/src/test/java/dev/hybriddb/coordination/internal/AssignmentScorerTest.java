package dev.hybriddb.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentScorerTest {
    private static final TaskProfile TASK = new TaskProfile("t", "T", "pending", List.of("java", "sql"), 0, 0, 0);

    private static AgentCandidate agent(String id, String role, String status, List<String> caps, double x, long open) {
        return new AgentCandidate(new AgentSummary(id, id, role, status), caps, x, 0, 0, open);
    }

    @Test
    void aPerfectAgentScoresHundred() {
        AgentAssignment a = AssignmentScorer.score(TASK, agent("a", "coder", "idle", List.of("SQL ", "java"), 0, 0));
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.capabilityMatch()).isEqualTo(1.0);
        assertThat(a.reason()).isEqualTo("Capability-matched: capabilities 2/2, 0 open tasks, idle, distance 0.0");
    }

    @Test
    void factorsAddUpAsDocumented() {
        // 40 * 0.5 + 25 / 3 + 20 * 0.2 + 15 / (1 + 0.5) = 42.33
        AgentAssignment a = AssignmentScorer.score(TASK, new AgentCandidate(new AgentSummary("b", "b", "tester", "busy"),
                List.of("java", "testing"), 3, 4, 0, 2));
        assertThat(a.score()).isEqualTo(42);
        assertThat(a.distance()).isEqualTo(5.0);
        assertThat(a.reason()).startsWith("Proximity-optimized: capabilities 1/2, 2 open tasks, busy");
    }

    @Test
    void noRequiredCapabilitiesMatchesEveryone() {
        TaskProfile open = new TaskProfile("t", "T", "pending", List.of(), 0, 0, 0);
        assertThat(AssignmentScorer.score(open, agent("a", "coder", "idle", List.of(), 0, 0)).capabilityMatch()).isEqualTo(1.0);
        assertThat(AssignmentScorer.capabilityMatch(List.of("a", "A", " a"), List.of("a"))).isEqualTo(1.0);
        assertThat(AssignmentScorer.capabilityMatch(List.of("a", "b"), List.of())).isEqualTo(0.0);
    }

    @Test
    void projectManagersAndUnavailableAgentsAreNotRanked() {
        List<AgentAssignment> ranking = AssignmentScorer.rank(TASK, List.of(
                agent("pm", "project_manager", "idle", List.of("java", "sql"), 0, 0),
                agent("paused", "coder", "paused", List.of("java", "sql"), 0, 0),
                agent("failed", "coder", "failed", List.of("java", "sql"), 0, 0),
                agent("gone", "coder", "terminated", List.of("java", "sql"), 0, 0),
                agent("nostatus", "coder", null, List.of("java", "sql"), 0, 0),
                agent("ok", "coder", "ACTIVE", List.of(), 0, 0)));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly("ok");
    }

    @Test
    void tiesBreakOnCapabilityThenWorkloadThenId() {
        List<AgentAssignment> ranking = AssignmentScorer.rank(TASK, List.of(
                agent("b", "coder", "idle", List.of("java", "sql"), 0, 0),
                agent("a", "coder", "idle", List.of("java", "sql"), 0, 0),
                agent("c", "coder", "idle", List.of("java", "sql"), 0, 3)));
        assertThat(ranking).extracting(AgentAssignment::agentId).containsExactly("a", "b", "c");
        assertThat(ranking).allSatisfy(a -> assertThat(a.score()).isBetween(0, 100));
    }
}
