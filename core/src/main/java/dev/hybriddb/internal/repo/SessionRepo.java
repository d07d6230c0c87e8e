package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.SESSIONS;

import dev.hybriddb.jooq.tables.records.SessionsRecord;
import dev.hybriddb.model.Session;
import dev.hybriddb.model.SessionFields;
import dev.hybriddb.repository.SessionRepository;
import java.util.Map;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** {@link SessionRepository} on {@code sessions}. */
public final class SessionRepo extends TenantTable<SessionsRecord, Session, SessionFields> implements SessionRepository {
    public SessionRepo(Scope scope) {
        super(scope, SESSIONS, SESSIONS.ID, SESSIONS.TENANT_ID, SESSIONS.CREATED_AT, "session");
    }

    @Override
    protected Session map(SessionsRecord r) {
        return new Session(r.getId(), r.getTenantId(), r.getSwarmId(), r.getAgentId(), Json.map(r.getTreeData()),
                r.getCurrentBranch(), Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(SessionFields f) {
        Values.optionalText("currentBranch", f.currentBranch());
    }

    @Override
    protected Values values(SessionFields f) {
        return new Values().put(SESSIONS.SWARM_ID, f.swarmId()).put(SESSIONS.AGENT_ID, f.agentId())
                .json(SESSIONS.TREE_DATA, f.treeData())
                .put(SESSIONS.CURRENT_BRANCH, Values.optionalText("currentBranch", f.currentBranch()))
                .json(SESSIONS.METADATA, f.metadata());
    }

    @Override
    public Session updateTreeData(UUID id, Map<String, Object> treeData, String branch) {
        return patch(id, new Values().json(SESSIONS.TREE_DATA, Values.require("treeData", treeData))
                .put(SESSIONS.CURRENT_BRANCH, Values.optionalText("branch", branch)));
    }

    @Override
    public Session mergeMetadata(UUID id, Map<String, Object> metadata) {
        JSONB patch = Json.jsonb("metadata", Values.require("metadata", metadata));
        return patch(id, new Values().expr(SESSIONS.METADATA,
                DSL.field("{0} || {1}", SESSIONS.METADATA.getDataType(), SESSIONS.METADATA, DSL.val(patch, SESSIONS.METADATA))));
    }
}
