package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.API_KEYS;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.internal.ApiKeyCipher;
import dev.hybriddb.internal.Text;
import dev.hybriddb.jooq.tables.records.ApiKeysRecord;
import dev.hybriddb.model.ApiKey;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.ApiKeyRepository;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/** {@link ApiKeyRepository} on {@code api_keys}: ciphertext, nonce and key version only. */
public final class ApiKeyRepo extends TenantTable<ApiKeysRecord, ApiKey, ApiKeyFields> implements ApiKeyRepository {
    private final ApiKeyCipher cipher;

    public ApiKeyRepo(Scope scope, ApiKeyCipher cipher) {
        super(scope, API_KEYS, API_KEYS.ID, API_KEYS.TENANT_ID, API_KEYS.CREATED_AT, "API key");
        this.cipher = cipher;
    }

    @Override
    protected ApiKey map(ApiKeysRecord r) {
        return new ApiKey(r.getId(), r.getTenantId(), r.getAgentId(), r.getService(), r.getDescription(),
                r.getKeyVersion(), r.getCreatedAt(), r.getUpdatedAt(), r.getLastUsedAt(), r.getRevokedAt());
    }

    @Override
    protected void validateNew(ApiKeyFields f) {
        Values.requireText("service", f.service());
        if (f.secret() == null || f.secret().isEmpty()) {
            throw InvalidInputException.secret("secret", "is required");
        }
    }

    @Override
    public ApiKey create(ApiKeyFields fields) {
        Values.require("fields", fields);
        validateNew(fields);
        UUID id = UUID.randomUUID();
        Values v = plain(fields).put(API_KEYS.ID, id);
        seal(v, id, fields.secret());
        return insert(v);
    }

    @Override
    protected Values values(ApiKeyFields f) {
        throw new UnsupportedOperationException("api keys are written with their id");
    }

    @Override
    public ApiKey update(UUID id, ApiKeyFields changes) {
        Values.require("changes", changes);
        Values v = plain(changes);
        if (changes.secret() != null) {
            seal(v, id, changes.secret());
        }
        return patch(id, v);
    }

    private static Values plain(ApiKeyFields f) {
        return new Values().put(API_KEYS.AGENT_ID, f.agentId()).put(API_KEYS.SERVICE, Values.optionalText("service", f.service()))
                .put(API_KEYS.DESCRIPTION, f.description());
    }

    private void seal(Values v, UUID id, String secret) {
        Text.secret("secret", secret);
        ApiKeyCipher.Sealed s = cipher().encrypt(tenantId, id, secret);
        v.put(API_KEYS.CIPHERTEXT, s.ciphertext()).put(API_KEYS.NONCE, s.nonce()).put(API_KEYS.KEY_VERSION, s.keyVersion());
    }

    @Override
    public String decrypt(UUID id) {
        ApiKeysRecord r = dsl.update(API_KEYS).set(API_KEYS.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(mine(API_KEYS.ID.eq(Values.require("id", id)).and(API_KEYS.REVOKED_AT.isNull())))
                .returning().fetchOptional().orElse(null);
        if (r == null) {
            if (get(id).revoked()) {
                throw new InvalidInputException("id", id, "is a revoked API key");
            }
            throw new NotFoundException("API key", id);
        }
        return cipher().decrypt(tenantId, id, new ApiKeyCipher.Sealed(r.getCiphertext(), r.getNonce(), r.getKeyVersion()));
    }

    @Override
    public ApiKey revoke(UUID id) {
        return patch(id, new Values().expr(API_KEYS.REVOKED_AT, DSL.coalesce(API_KEYS.REVOKED_AT, DSL.currentOffsetDateTime())));
    }

    @Override
    public List<ApiKey> findByAgent(UUID agentId, Page page) {
        return where(API_KEYS.AGENT_ID.eq(Values.require("agentId", agentId)), page);
    }

    private ApiKeyCipher cipher() {
        if (cipher == null) {
            throw new ConfigurationException("encryptionKey (HYBRIDDB_ENCRYPTION_KEY)", null,
                    "is required to store or read API keys");
        }
        return cipher;
    }
}
