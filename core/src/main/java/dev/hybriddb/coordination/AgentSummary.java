package dev.hybriddb.coordination;

import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent as coordination answers list it.
 *
 * @param id     the agent's id
 * @param name   its name, or null
 * @param role   its role, or null
 * @param status its status, or null
 */
public record AgentSummary(UUID id, String name, AgentRole role, AgentStatus status) {
    public AgentSummary {
        Objects.requireNonNull(id, "id");
    }
}
