package dev.hybriddb.coordination;

import java.util.Objects;

/**
 * An agent proposed for a task: the score (0..100, higher is better) and a readable reason. The
 * factors are those the score is made of, each 0..1.
 *
 * @param agentId            the agent's key
 * @param score              0..100
 * @param reason             the dominant factor and the figures, e.g. {@code "Capability-matched: ..."}
 * @param capabilityMatch    share of the task's required capabilities the agent has (1 when none are required)
 * @param openTasks          tasks assigned to the agent that are not closed
 * @param status             the agent's status
 * @param distance           Euclidean distance between agent and task positions
 */
public record AgentAssignment(String agentId, int score, String reason, double capabilityMatch, long openTasks,
                              String status, double distance) {
    public AgentAssignment {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(reason, "reason");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100: " + score);
        }
    }
}
