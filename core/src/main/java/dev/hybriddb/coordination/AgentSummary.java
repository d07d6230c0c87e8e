package dev.hybriddb.coordination;

import java.util.Objects;

/** An agent as coordination answers list it. */
public record AgentSummary(String id, String name, String role, String status) {
    public AgentSummary {
        Objects.requireNonNull(id, "id");
    }
}
