package dev.hybriddb.vector;

import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link RagHistory} operations inside one tenant's transaction: obtained with
 * {@code scope.attach(TenantRagHistory.class)} in the work of {@code HybridDB.withTenant}. No
 * tenant parameter: the scope's tenant is used. Valid only inside that work.
 */
public final class TenantRagHistory {
    private final RagHistory history;
    private final UUID tenant;

    TenantRagHistory(RagHistory history, UUID tenant) {
        this.history = Objects.requireNonNull(history, "history");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** Creates session {@code sessionId} with {@code metadata}, or replaces the metadata of the existing one. */
    public RagSession startSession(String sessionId, Map<String, ?> metadata) {
        return history.startSession(tenant, sessionId, metadata);
    }

    /** Records a query in session {@code sessionId} (created when new). */
    public RagQuery record(String sessionId, NewRagQuery query) {
        return history.record(tenant, sessionId, query);
    }

    /** The queries of the session, oldest first, with their sources. */
    public List<RagQuery> queries(String sessionId) {
        return history.queries(tenant, sessionId);
    }

    /** The query with {@code id}, if the tenant has it. */
    public Optional<RagQuery> query(UUID id) {
        return history.query(tenant, id);
    }

    /** The session, if the tenant has it. */
    public Optional<RagSession> session(String sessionId) {
        return history.session(tenant, sessionId);
    }

    /** The tenant's sessions, most recently used first. */
    public List<RagSession> sessions(Page page) {
        return history.sessions(tenant, page);
    }

    /** Deletes the session with its queries; returns how many queries it had. */
    public int deleteSession(String sessionId) {
        return history.deleteSession(tenant, sessionId);
    }

    /** The tenant this view works for. */
    public UUID tenantId() {
        return tenant;
    }

    @Override
    public String toString() {
        return "TenantRagHistory[" + tenant + "]";
    }
}
