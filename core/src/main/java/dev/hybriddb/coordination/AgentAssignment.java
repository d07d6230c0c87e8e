package dev.hybriddb.coordination;

import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent proposed for a task: who it is, the score (0..100, higher is better) and a readable
 * reason. The factors are those the score is made of, each 0..1.
 *
 * @param agentId            the agent's id
 * @param name               the agent's name, or null when it has none
 * @param role               the agent's role, or null when it has none
 * @param score              0..100
 * @param reason             the dominant factor and the figures, e.g. {@code "Capability-matched: ..."}
 * @param capabilityMatch    share of the task's required capabilities the agent has (1 when none are required)
 * @param openTasks          tasks assigned to the agent that are not closed
 * @param status             the agent's status
 * @param distance           Euclidean distance between agent and task positions
 */
public record AgentAssignment(UUID agentId, String name, AgentRole role, int score, String reason,
                              double capabilityMatch, long openTasks, AgentStatus status, double distance) {
    public AgentAssignment {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(reason, "reason");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100: " + score);
        }
    }
}
