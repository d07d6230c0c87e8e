package dev.hybriddb.coordination;

import java.util.Objects;
import java.util.UUID;

/**
 * A connection between two agents in a network: {@code MANAGES} (from the manager to the managed
 * agent) or {@code SAME_SWARM} (from the smaller id to the larger, in the ids' text order, with
 * the swarm's id in {@code via}).
 */
public record AgentLink(UUID fromAgentId, UUID toAgentId, String type, UUID via) {
    public static final String MANAGES = "MANAGES";
    public static final String SAME_SWARM = "SAME_SWARM";

    public AgentLink {
        Objects.requireNonNull(fromAgentId, "fromAgentId");
        Objects.requireNonNull(toAgentId, "toAgentId");
        Objects.requireNonNull(type, "type");
    }
}
