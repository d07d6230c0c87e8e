--liquibase formatted sql

-- audit_logs is append-only in the database, not only in the Java API (AuditLogRepository
-- appends and reads): the application role may insert and select, never update or delete, and
-- no role may rewrite an entry. Deleting a tenant still removes its entries (the foreign key's
-- cascade), and the owner role may delete old entries for retention.

--changeset hybriddb:0600-audit-logs-append-only splitStatements:false
REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM ${app_role};
CREATE FUNCTION hybriddb_refuse_audit_update() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only: entry % cannot be changed', OLD.id
        USING ERRCODE = 'insufficient_privilege', TABLE = 'audit_logs';
END
$$;
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION hybriddb_refuse_audit_update();
--rollback DROP TRIGGER audit_logs_append_only ON audit_logs;
--rollback DROP FUNCTION hybriddb_refuse_audit_update();
--rollback GRANT UPDATE, DELETE ON audit_logs TO ${app_role};
