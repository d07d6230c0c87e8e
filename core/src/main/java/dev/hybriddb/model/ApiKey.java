package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An API key's metadata (table {@code api_keys}). The secret is not part of it: it is stored only
 * as AES-GCM ciphertext and read through {@link dev.hybriddb.repository.ApiKeyRepository#decrypt}.
 */
public record ApiKey(UUID id, UUID tenantId, UUID agentId, String service, String description, int keyVersion,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    /** True when the key has been revoked. */
    public boolean revoked() {
        return revokedAt != null;
    }
}
