package dev.hybriddb.model;

import java.util.UUID;

/**
 * Writable API-key fields; {@code service} and {@code secret} are required to create. A non-null
 * {@code secret} on update re-encrypts under the current key. {@link #toString()} masks the secret.
 */
public record ApiKeyFields(UUID agentId, String service, String description, String secret) {
    /** A key for a service. */
    public static ApiKeyFields of(String service, String secret, String description) {
        return new ApiKeyFields(null, service, description, secret);
    }

    /** The same key granted to an agent. */
    public ApiKeyFields forAgent(UUID agent) {
        return new ApiKeyFields(agent, service, description, secret);
    }

    @Override
    public String toString() {
        return "ApiKeyFields[agentId=" + agentId + ", service=" + service + ", description=" + description
                + ", secret=" + (secret == null ? "null" : "****") + "]";
    }
}
