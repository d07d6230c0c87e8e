package dev.hybriddb.coordination;

import java.util.Objects;

/** An agent in a network, with its distance (hops) from the agent asked about. */
public record NetworkAgent(AgentSummary agent, int distance) {
    public NetworkAgent {
        Objects.requireNonNull(agent, "agent");
    }

    public String id() {
        return agent.id();
    }
}
