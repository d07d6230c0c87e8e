--liquibase formatted sql

-- Tenant plans, quotas, usage and lifecycle, enforced in the writing transaction.
--
-- * A new tenant gets its plan's default quotas (hybriddb_plan_quotas) for every quota it does not
--   set; changing the plan resets the quotas to the new plan's unless the same update sets them.
-- * tenant_usage holds one counter row per tenant (users, projects, agents, tokens this month). The
--   triggers that count a write UPDATE that row first, which locks it: concurrent writers of one
--   tenant serialise on it, and a write over a quota fails (SQLSTATE HD100, naming the quota, its
--   limit and the usage) with the statement rolled back, counter included. The application role
--   can read its own counter row but not write it.
-- * A suspended or deleted tenant cannot write its tables (SQLSTATE HD200): a statement-level
--   trigger on every table with a tenant_id checks the transaction's tenant. The tenants row itself
--   stays writable (to reactivate), and the audit log takes the entries of the lifecycle changes.
-- * status, suspended_at and deleted_at stay consistent whoever writes them.

--changeset hybriddb:1060-plan-quotas-function splitStatements:false
--comment: Default quotas per plan. The free and starter numbers are the seed's; enterprise has no limits (a missing quota is unlimited).
CREATE FUNCTION hybriddb_plan_quotas(plan tenant_type) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE plan::text
        WHEN 'free' THEN '{"maxUsers": 5, "maxProjects": 10, "maxTokensPerMonth": 100000, "maxStorageGB": 10, "maxConcurrentAgents": 5}'
        WHEN 'starter' THEN '{"maxUsers": 10, "maxProjects": 50, "maxTokensPerMonth": 1000000, "maxStorageGB": 100, "maxConcurrentAgents": 15}'
        WHEN 'professional' THEN '{"maxUsers": 50, "maxProjects": 250, "maxTokensPerMonth": 10000000, "maxStorageGB": 1000, "maxConcurrentAgents": 50}'
        ELSE '{}'
    END::jsonb
$$;
COMMENT ON FUNCTION hybriddb_plan_quotas(tenant_type) IS 'Default quotas of a plan (tenant_type); a quota missing from a tenant''s quotas is unlimited.';
--rollback DROP FUNCTION hybriddb_plan_quotas(tenant_type);

--changeset hybriddb:1060-tenant-lifecycle-trigger splitStatements:false
--comment: Plan defaults on insert and on a plan change; suspended_at and deleted_at follow the status.
CREATE FUNCTION hybriddb_tenant_lifecycle() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.quotas := public.hybriddb_plan_quotas(NEW.type) || coalesce(NEW.quotas, '{}'::jsonb);
    ELSIF NEW.type IS DISTINCT FROM OLD.type AND NEW.quotas IS NOT DISTINCT FROM OLD.quotas THEN
        NEW.quotas := public.hybriddb_plan_quotas(NEW.type);
    END IF;
    IF NEW.status = 'suspended' THEN
        NEW.suspended_at := coalesce(NEW.suspended_at, pg_catalog.now());
    ELSE
        NEW.suspended_at := NULL;
    END IF;
    IF NEW.status = 'deleted' THEN
        NEW.deleted_at := coalesce(NEW.deleted_at, pg_catalog.now());
    ELSE
        NEW.deleted_at := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tenants_lifecycle BEFORE INSERT OR UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION hybriddb_tenant_lifecycle();
--rollback DROP TRIGGER tenants_lifecycle ON tenants;
--rollback DROP FUNCTION hybriddb_tenant_lifecycle();

--changeset hybriddb:1060-tenant-usage
CREATE TABLE tenant_usage (
    tenant_id          uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    users              integer     NOT NULL DEFAULT 0 CHECK (users >= 0),
    projects           integer     NOT NULL DEFAULT 0 CHECK (projects >= 0),
    agents             integer     NOT NULL DEFAULT 0 CHECK (agents >= 0),
    period_start       date        NOT NULL DEFAULT date_trunc('month', now())::date,
    tokens_this_month  bigint      NOT NULL DEFAULT 0 CHECK (tokens_this_month >= 0),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE tenant_usage IS 'Usage counters of a tenant, kept by triggers in the writing transaction; the lock on this row serialises a tenant''s quota checks.';
ALTER TABLE tenant_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_usage_own_row ON tenant_usage
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON tenant_usage FROM ${app_role};
GRANT SELECT ON tenant_usage TO ${app_role};
--rollback DROP TABLE tenant_usage;

--changeset hybriddb:1060-usage-bump-function splitStatements:false
--comment: One counter of a tenant's row plus delta (never below zero), the monthly counter restarting with a new month; returns the new value, NULL without a row.
CREATE FUNCTION hybriddb_usage_bump(p_tenant uuid, p_counter text, p_delta bigint, p_month date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    used bigint;
BEGIN
    IF p_counter = 'tokens_this_month' THEN
        UPDATE public.tenant_usage
           SET tokens_this_month = GREATEST(CASE WHEN period_start = p_month THEN tokens_this_month ELSE 0 END + p_delta, 0),
               period_start = p_month, updated_at = pg_catalog.now()
         WHERE tenant_id = p_tenant RETURNING tokens_this_month INTO used;
    ELSIF p_counter IN ('users', 'projects', 'agents') THEN
        EXECUTE pg_catalog.format('UPDATE public.tenant_usage SET %1$I = GREATEST(%1$I + $2, 0), updated_at = pg_catalog.now() '
                || 'WHERE tenant_id = $1 RETURNING %1$I', p_counter)
            INTO used USING p_tenant, p_delta;
    ELSE
        RAISE EXCEPTION 'unknown usage counter %', p_counter;
    END IF;
    RETURN used;
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_usage_bump(uuid, text, bigint, date) FROM PUBLIC;
--rollback DROP FUNCTION hybriddb_usage_bump(uuid, text, bigint, date);

--changeset hybriddb:1060-usage-add-function splitStatements:false
--comment: Adds delta to one counter of the current tenant's row (locking it) and refuses (HD100) a result over the quota. Runs as the owner: the application role cannot write counters.
CREATE FUNCTION hybriddb_usage_add(p_tenant uuid, p_counter text, p_delta bigint, p_quota text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    this_month date := pg_catalog.date_trunc('month', pg_catalog.now())::date;
    used bigint;
    quota jsonb;
    lim numeric;
BEGIN
    IF p_tenant IS DISTINCT FROM public.hybriddb_current_tenant() THEN
        RETURN; -- work outside the tenant's own transaction (an administrator's) is not counted
    END IF;
    IF p_delta <= 0 AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = p_tenant) THEN
        RETURN; -- the tenant itself is being deleted, its counters with it
    END IF;
    used := public.hybriddb_usage_bump(p_tenant, p_counter, p_delta, this_month);
    IF used IS NULL THEN
        INSERT INTO public.tenant_usage (tenant_id) VALUES (p_tenant) ON CONFLICT (tenant_id) DO NOTHING;
        used := public.hybriddb_usage_bump(p_tenant, p_counter, p_delta, this_month);
    END IF;
    IF used IS NULL OR p_delta <= 0 THEN
        RETURN;
    END IF;
    SELECT t.quotas -> p_quota INTO quota FROM public.tenants t WHERE t.id = p_tenant;
    IF pg_catalog.jsonb_typeof(quota) IS DISTINCT FROM 'number' THEN
        RETURN;
    END IF;
    lim := quota::text::numeric;
    IF used > lim THEN
        RAISE EXCEPTION 'tenant quota % exceeded: limit %, usage %, this write adds %', p_quota, lim, used - p_delta, p_delta
            USING ERRCODE = 'HD100', CONSTRAINT = p_quota,
                  DETAIL = pg_catalog.format('quota=%s limit=%s usage=%s requested=%s', p_quota, lim, used - p_delta, p_delta);
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_usage_add(uuid, text, bigint, text) FROM PUBLIC;
--rollback DROP FUNCTION hybriddb_usage_add(uuid, text, bigint, text);

--changeset hybriddb:1060-usage-count-triggers splitStatements:false
--comment: users, projects and agents count rows (insert +1, delete -1); budgets count the tokens consumed this month.
CREATE FUNCTION hybriddb_usage_count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM public.hybriddb_usage_add(NEW.tenant_id, TG_ARGV[0], 1, TG_ARGV[1]);
        RETURN NEW;
    END IF;
    PERFORM public.hybriddb_usage_add(OLD.tenant_id, TG_ARGV[0], -1, TG_ARGV[1]);
    RETURN OLD;
END
$$;
CREATE FUNCTION hybriddb_usage_count_tokens() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.consumed_tokens > OLD.consumed_tokens THEN
        PERFORM public.hybriddb_usage_add(NEW.tenant_id, 'tokens_this_month', NEW.consumed_tokens - OLD.consumed_tokens,
            'maxTokensPerMonth');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER users_usage BEFORE INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION hybriddb_usage_count('users', 'maxUsers');
CREATE TRIGGER projects_usage BEFORE INSERT OR DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION hybriddb_usage_count('projects', 'maxProjects');
CREATE TRIGGER agents_usage BEFORE INSERT OR DELETE ON agents
    FOR EACH ROW EXECUTE FUNCTION hybriddb_usage_count('agents', 'maxConcurrentAgents');
CREATE TRIGGER budgets_usage_tokens BEFORE UPDATE OF consumed_tokens ON budgets
    FOR EACH ROW WHEN (NEW.consumed_tokens > OLD.consumed_tokens) EXECUTE FUNCTION hybriddb_usage_count_tokens();
--rollback DROP TRIGGER budgets_usage_tokens ON budgets;
--rollback DROP TRIGGER agents_usage ON agents;
--rollback DROP TRIGGER projects_usage ON projects;
--rollback DROP TRIGGER users_usage ON users;
--rollback DROP FUNCTION hybriddb_usage_count_tokens();
--rollback DROP FUNCTION hybriddb_usage_count();

--changeset hybriddb:1060-usage-rows splitStatements:false
--comment: A counter row for every new tenant, and for the existing ones with their current counts (row security lifted for the count, in this transaction only).
CREATE FUNCTION hybriddb_usage_init() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.id = public.hybriddb_current_tenant() THEN
        INSERT INTO public.tenant_usage (tenant_id) VALUES (NEW.id) ON CONFLICT (tenant_id) DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tenants_usage_init AFTER INSERT ON tenants
    FOR EACH ROW EXECUTE FUNCTION hybriddb_usage_init();
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_usage NO FORCE ROW LEVEL SECURITY;
UPDATE tenants SET quotas = hybriddb_plan_quotas(type) || quotas;
INSERT INTO tenant_usage (tenant_id, users, projects, agents)
SELECT t.id,
       (SELECT count(*) FROM users u WHERE u.tenant_id = t.id),
       (SELECT count(*) FROM projects p WHERE p.tenant_id = t.id),
       (SELECT count(*) FROM agents a WHERE a.tenant_id = t.id)
  FROM tenants t
ON CONFLICT (tenant_id) DO NOTHING;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_usage FORCE ROW LEVEL SECURITY;
--rollback DROP TRIGGER tenants_usage_init ON tenants;
--rollback DROP FUNCTION hybriddb_usage_init();

--changeset hybriddb:1060-suspended-tenants-cannot-write splitStatements:false
--comment: hybriddb_guard_tenant_writes(table) installs the check on a tenant table; new tenant tables call it too.
CREATE FUNCTION hybriddb_require_writable_tenant() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    t uuid := public.hybriddb_current_tenant();
    s text;
BEGIN
    IF t IS NOT NULL THEN
        SELECT status::text INTO s FROM public.tenants WHERE id = t;
        IF s IN ('suspended', 'deleted') THEN
            RAISE EXCEPTION 'tenant % is %: it cannot write (% on %)', t, s, TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'HD200', TABLE = TG_TABLE_NAME, DETAIL = pg_catalog.format('tenant=%s status=%s', t, s);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE FUNCTION hybriddb_guard_tenant_writes(tbl regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE pg_catalog.format('CREATE TRIGGER hybriddb_tenant_writable BEFORE INSERT OR UPDATE OR DELETE ON %s '
        || 'FOR EACH STATEMENT EXECUTE FUNCTION public.hybriddb_require_writable_tenant()', tbl);
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_guard_tenant_writes(regclass) FROM PUBLIC;
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.oid::regclass AS tbl FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
              WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                AND c.relname NOT IN ('audit_logs', 'tenant_usage')
              ORDER BY c.relname
    LOOP
        PERFORM public.hybriddb_guard_tenant_writes(r.tbl);
    END LOOP;
END
$$;
--rollback DROP FUNCTION hybriddb_guard_tenant_writes(regclass);
--rollback DROP FUNCTION hybriddb_require_writable_tenant() CASCADE;
