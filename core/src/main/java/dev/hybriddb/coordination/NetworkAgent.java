package dev.hybriddb.coordination;

import java.util.Objects;
import java.util.UUID;

/** An agent in a network, with its distance (hops) from the agent asked about. */
public record NetworkAgent(AgentSummary agent, int distance) {
    public NetworkAgent {
        Objects.requireNonNull(agent, "agent");
    }

    public UUID id() {
        return agent.id();
    }
}
