--liquibase formatted sql

-- The acting user of a transaction, next to its tenant: set transaction-locally with
-- set_config('hybriddb.user_id', <uuid>, true) (the SDK does it for TenantContext.asUser), read by
-- policies and triggers through hybriddb_current_user(), and recorded in every audit_logs entry.
-- Triggers write the audit entries of the operations that matter (API keys, agent lifecycle, budget
-- consumption, tenant changes) in the writing transaction: no code path can skip them, and they
-- roll back with the write.

--changeset hybriddb:1050-current-user-function splitStatements:false
--comment: NULL when unset or empty; anything but a canonical UUID is refused with SQLSTATE HD001 naming the setting and the value.
CREATE FUNCTION hybriddb_current_user() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v text := pg_catalog.current_setting('hybriddb.user_id', true);
BEGIN
    IF v IS NULL OR v = '' THEN
        RETURN NULL;
    END IF;
    IF v !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN
        RAISE EXCEPTION 'hybriddb.user_id is not a UUID: %', pg_catalog.quote_literal(pg_catalog.left(v, 100))
            USING ERRCODE = 'HD001', DETAIL = pg_catalog.left(v, 100);
    END IF;
    RETURN v::uuid;
END
$$;
COMMENT ON FUNCTION hybriddb_current_user() IS 'Acting user of the current transaction (setting hybriddb.user_id), NULL when unset; for policies, triggers and the audit log.';
--rollback DROP FUNCTION hybriddb_current_user();

--changeset hybriddb:1050-audit-logs-user-id splitStatements:false
--comment: Every entry records the acting user of its transaction; a trigger sets it, so an entry cannot claim another user.
ALTER TABLE audit_logs ADD COLUMN user_id uuid;
CREATE INDEX audit_logs_user_idx ON audit_logs (tenant_id, user_id, created_at DESC);
CREATE FUNCTION hybriddb_audit_stamp_user() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.user_id := public.hybriddb_current_user();
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_logs_stamp_user BEFORE INSERT ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION hybriddb_audit_stamp_user();
--rollback DROP TRIGGER audit_logs_stamp_user ON audit_logs;
--rollback DROP FUNCTION hybriddb_audit_stamp_user();
--rollback ALTER TABLE audit_logs DROP COLUMN user_id;

--changeset hybriddb:1050-audit-write-function splitStatements:false
--comment: Appends one entry as the writing role (row-level security: the transaction's tenant); actor is the acting user, or system without one.
CREATE FUNCTION hybriddb_audit_write(p_tenant uuid, p_action text, p_resource_type text, p_resource_id uuid, p_details jsonb)
    RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    u uuid := public.hybriddb_current_user();
BEGIN
    INSERT INTO public.audit_logs (tenant_id, actor_type, actor_id, action, resource_type, resource_id, details)
    VALUES (p_tenant, CASE WHEN u IS NULL THEN 'system' ELSE 'user' END, u::text, p_action, p_resource_type,
            p_resource_id::text, pg_catalog.jsonb_strip_nulls(coalesce(p_details, '{}'::jsonb)));
END
$$;
--rollback DROP FUNCTION hybriddb_audit_write(uuid, text, text, uuid, jsonb);

--changeset hybriddb:1050-audit-tenant-exists-function splitStatements:false
--comment: False while the tenant row is being deleted: the cascade that removes its rows must not log into the audit log that goes with it.
CREATE FUNCTION hybriddb_audit_tenant_exists(p_tenant uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = p_tenant) $$;
--rollback DROP FUNCTION hybriddb_audit_tenant_exists(uuid);

--changeset hybriddb:1050-audit-api-keys splitStatements:false
--comment: Created, rotated (new secret), used (secret decrypted), revoked, updated, deleted. Never the secret or its ciphertext.
CREATE FUNCTION hybriddb_audit_api_keys() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    action text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM public.hybriddb_audit_write(NEW.tenant_id, 'api_key.created', 'api_key', NEW.id,
            pg_catalog.jsonb_build_object('service', NEW.service, 'agentId', NEW.agent_id));
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT public.hybriddb_audit_tenant_exists(OLD.tenant_id) THEN
            RETURN NULL; -- the tenant itself is being deleted, and its audit log with it
        END IF;
        PERFORM public.hybriddb_audit_write(OLD.tenant_id, 'api_key.deleted', 'api_key', OLD.id,
            pg_catalog.jsonb_build_object('service', OLD.service));
        RETURN NULL;
    END IF;
    action := CASE
        WHEN OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL THEN 'api_key.revoked'
        WHEN OLD.ciphertext IS DISTINCT FROM NEW.ciphertext THEN 'api_key.rotated'
        WHEN OLD.last_used_at IS DISTINCT FROM NEW.last_used_at THEN 'api_key.used'
        ELSE 'api_key.updated' END;
    PERFORM public.hybriddb_audit_write(NEW.tenant_id, action, 'api_key', NEW.id,
        pg_catalog.jsonb_build_object('service', NEW.service));
    RETURN NULL;
END
$$;
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION hybriddb_audit_api_keys();
--rollback DROP TRIGGER api_keys_audit ON api_keys;
--rollback DROP FUNCTION hybriddb_audit_api_keys();

--changeset hybriddb:1050-audit-agents splitStatements:false
--comment: Agent lifecycle: created, deleted, paused, resumed, status and lifecycle-state changes (not every edit of an agent).
CREATE FUNCTION hybriddb_audit_agents() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM public.hybriddb_audit_write(NEW.tenant_id, 'agent.created', 'agent', NEW.id,
            pg_catalog.jsonb_build_object('name', NEW.name, 'role', NEW.role, 'status', NEW.status));
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT public.hybriddb_audit_tenant_exists(OLD.tenant_id) THEN
            RETURN NULL; -- the tenant itself is being deleted, and its audit log with it
        END IF;
        PERFORM public.hybriddb_audit_write(OLD.tenant_id, 'agent.deleted', 'agent', OLD.id,
            pg_catalog.jsonb_build_object('name', OLD.name));
        RETURN NULL;
    END IF;
    IF OLD.status IS DISTINCT FROM NEW.status THEN
        PERFORM public.hybriddb_audit_write(NEW.tenant_id, CASE
                WHEN NEW.status = 'paused' THEN 'agent.paused'
                WHEN OLD.status = 'paused' THEN 'agent.resumed'
                ELSE 'agent.status_changed' END, 'agent', NEW.id,
            pg_catalog.jsonb_build_object('from', OLD.status, 'to', NEW.status, 'pausedBy', NEW.paused_by));
    END IF;
    IF OLD.lifecycle_state IS DISTINCT FROM NEW.lifecycle_state THEN
        PERFORM public.hybriddb_audit_write(NEW.tenant_id, 'agent.lifecycle_changed', 'agent', NEW.id,
            pg_catalog.jsonb_build_object('from', OLD.lifecycle_state, 'to', NEW.lifecycle_state));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER agents_audit AFTER INSERT OR DELETE ON agents
    FOR EACH ROW EXECUTE FUNCTION hybriddb_audit_agents();
CREATE TRIGGER agents_audit_lifecycle AFTER UPDATE OF status, lifecycle_state ON agents
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.lifecycle_state IS DISTINCT FROM NEW.lifecycle_state)
    EXECUTE FUNCTION hybriddb_audit_agents();
--rollback DROP TRIGGER agents_audit_lifecycle ON agents;
--rollback DROP TRIGGER agents_audit ON agents;
--rollback DROP FUNCTION hybriddb_audit_agents();

--changeset hybriddb:1050-audit-budgets splitStatements:false
--comment: Each consumption (tokens and cost added to a budget) with the amounts of that consumption.
CREATE FUNCTION hybriddb_audit_budgets() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM public.hybriddb_audit_write(NEW.tenant_id, 'budget.consumed', 'budget', NEW.id,
        pg_catalog.jsonb_build_object('tokens', NEW.consumed_tokens - OLD.consumed_tokens,
            'cost', NEW.consumed - OLD.consumed, 'currency', NEW.currency));
    RETURN NULL;
END
$$;
CREATE TRIGGER budgets_audit_consumption AFTER UPDATE OF consumed, consumed_tokens ON budgets
    FOR EACH ROW WHEN (OLD.consumed IS DISTINCT FROM NEW.consumed OR OLD.consumed_tokens IS DISTINCT FROM NEW.consumed_tokens)
    EXECUTE FUNCTION hybriddb_audit_budgets();
--rollback DROP TRIGGER budgets_audit_consumption ON budgets;
--rollback DROP FUNCTION hybriddb_audit_budgets();

--changeset hybriddb:1050-audit-tenants splitStatements:false
--comment: Created; then activated, suspended, reactivated, deleted, plan changed or updated, with the changed columns.
CREATE FUNCTION hybriddb_audit_tenants() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    changed jsonb;
    action text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM public.hybriddb_audit_write(NEW.id, 'tenant.created', 'tenant', NEW.id,
            pg_catalog.jsonb_build_object('slug', NEW.slug, 'plan', NEW.type, 'status', NEW.status));
        RETURN NULL;
    END IF;
    SELECT coalesce(pg_catalog.jsonb_agg(n.key ORDER BY n.key), '[]'::jsonb) INTO changed
      FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) n
     WHERE n.key <> 'updated_at' AND n.value IS DISTINCT FROM (pg_catalog.to_jsonb(OLD) -> n.key);
    IF changed = '[]'::jsonb THEN
        RETURN NULL;
    END IF;
    action := CASE
        WHEN OLD.status IS DISTINCT FROM NEW.status THEN CASE NEW.status
            WHEN 'suspended' THEN 'tenant.suspended'
            WHEN 'deleted' THEN 'tenant.deleted'
            WHEN 'active' THEN CASE WHEN OLD.status = 'pending' THEN 'tenant.activated' ELSE 'tenant.reactivated' END
            ELSE 'tenant.status_changed' END
        WHEN OLD.type IS DISTINCT FROM NEW.type THEN 'tenant.plan_changed'
        WHEN OLD.quotas IS DISTINCT FROM NEW.quotas THEN 'tenant.quotas_changed'
        ELSE 'tenant.updated' END;
    PERFORM public.hybriddb_audit_write(NEW.id, action, 'tenant', NEW.id, pg_catalog.jsonb_build_object('changed', changed,
        'status', CASE WHEN OLD.status IS DISTINCT FROM NEW.status
            THEN pg_catalog.jsonb_build_object('from', OLD.status, 'to', NEW.status) END,
        'plan', CASE WHEN OLD.type IS DISTINCT FROM NEW.type
            THEN pg_catalog.jsonb_build_object('from', OLD.type, 'to', NEW.type) END));
    RETURN NULL;
END
$$;
CREATE TRIGGER tenants_audit AFTER INSERT OR UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION hybriddb_audit_tenants();
--rollback DROP TRIGGER tenants_audit ON tenants;
--rollback DROP FUNCTION hybriddb_audit_tenants();
