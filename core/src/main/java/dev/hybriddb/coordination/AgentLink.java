package dev.hybriddb.coordination;

import java.util.Objects;

/**
 * A connection between two agents in a network: {@code MANAGES} (from the manager to the managed
 * agent) or {@code SAME_SWARM} (from the smaller id to the larger, with the swarm's key).
 */
public record AgentLink(String fromAgentId, String toAgentId, String type, String via) {
    public static final String MANAGES = "MANAGES";
    public static final String SAME_SWARM = "SAME_SWARM";

    public AgentLink {
        Objects.requireNonNull(fromAgentId, "fromAgentId");
        Objects.requireNonNull(toAgentId, "toAgentId");
        Objects.requireNonNull(type, "type");
    }
}
