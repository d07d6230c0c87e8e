package dev.hybriddb.coordination;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The agents within {@code depth} hops of an agent, where a hop is a MANAGES edge (either way) or a
 * shared swarm, and the connections among them. Ids sort in their text order, which is also
 * PostgreSQL's order of {@code uuid} values.
 *
 * @param agentId     the agent asked about
 * @param depth       the hops explored (1..5)
 * @param agents      the other agents found, sorted by distance, then id
 * @param connections the links among the agent and those found, sorted by type, from, to
 */
public record AgentNetwork(UUID agentId, int depth, List<NetworkAgent> agents, List<AgentLink> connections) {
    public static final int MAX_DEPTH = 5;

    public AgentNetwork {
        Objects.requireNonNull(agentId, "agentId");
        agents = List.copyOf(agents);
        connections = List.copyOf(connections);
    }
}
