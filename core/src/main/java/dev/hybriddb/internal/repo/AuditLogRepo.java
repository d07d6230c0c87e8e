package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.AUDIT_LOGS;

import dev.hybriddb.internal.Text;
import dev.hybriddb.jooq.tables.records.AuditLogsRecord;
import dev.hybriddb.model.AuditLog;
import dev.hybriddb.model.AuditLogFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.AuditLogRepository;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/** {@link AuditLogRepository} on {@code audit_logs}: append and read only. */
public final class AuditLogRepo extends KeyedTable<AuditLogsRecord, UUID, AuditLog> implements AuditLogRepository {
    public AuditLogRepo(Scope scope) {
        super(scope, AUDIT_LOGS, AUDIT_LOGS.ID, AUDIT_LOGS.TENANT_ID, AUDIT_LOGS.CREATED_AT, "audit log entry");
    }

    @Override
    protected AuditLog map(AuditLogsRecord r) {
        return new AuditLog(r.getId(), r.getTenantId(), r.getActorType(), r.getActorId(), r.getAction(),
                r.getResourceType(), r.getResourceId(), Json.map(r.getDetails()), r.getIpAddress(), r.getUserAgent(),
                r.getCreatedAt(), r.getUserId());
    }

    @Override
    public AuditLog append(AuditLogFields f) {
        Values.require("entry", f);
        Values v = new Values().put(AUDIT_LOGS.ACTOR_TYPE, Values.optionalText("actorType", f.actorType()))
                .put(AUDIT_LOGS.ACTOR_ID, f.actorId()).put(AUDIT_LOGS.ACTION, Values.requireText("action", f.action()))
                .put(AUDIT_LOGS.RESOURCE_TYPE, f.resourceType()).put(AUDIT_LOGS.RESOURCE_ID, f.resourceId())
                .json(AUDIT_LOGS.DETAILS, f.details()).put(AUDIT_LOGS.USER_AGENT, f.userAgent());
        if (f.ipAddress() != null) {
            v.expr(AUDIT_LOGS.IP_ADDRESS, DSL.field("cast({0} as inet)", String.class, DSL.val(Text.check("ipAddress", f.ipAddress(), Text.NAME))));
        }
        return insert(v);
    }

    @Override
    public List<AuditLog> findByResource(String resourceType, String resourceId, Page page) {
        return where(AUDIT_LOGS.RESOURCE_TYPE.eq(Values.requireText("resourceType", resourceType))
                .and(AUDIT_LOGS.RESOURCE_ID.eq(Values.requireText("resourceId", resourceId))), page);
    }
}
