package dev.hybriddb.repository;

import dev.hybriddb.model.ApiKey;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.UUID;

/**
 * API keys of the scope's tenant, encrypted with AES-256-GCM under the configured key
 * ({@code HYBRIDDB_ENCRYPTION_KEY}); without a key, storing or decrypting fails with a
 * {@link dev.hybriddb.ConfigurationException}.
 */
public interface ApiKeyRepository extends CrudRepository<ApiKey, ApiKeyFields> {
    /** The plaintext secret; records the use in {@code last_used_at}. Refused for a revoked key. */
    String decrypt(UUID id);

    /** Marks the key revoked (it can no longer be decrypted). */
    ApiKey revoke(UUID id);

    /** The keys granted to an agent, newest first. */
    List<ApiKey> findByAgent(UUID agentId, Page page);
}
