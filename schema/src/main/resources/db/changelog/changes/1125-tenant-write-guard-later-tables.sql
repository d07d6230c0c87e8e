--liquibase formatted sql

-- Suspended and deleted tenants cannot write (changelog 1060) in the tables made after it too: the
-- RAG history and the per-dimension vector stores. hybriddb_guard_tenant_table(t) installs the
-- guard once (idempotent); the store-creating functions' callers run it on the table they made.

--changeset hybriddb:1125-guard-tenant-table-function splitStatements:false
CREATE FUNCTION hybriddb_guard_tenant_table(tbl regclass) RETURNS regclass
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                    WHERE tgrelid = tbl AND tgname = 'hybriddb_tenant_writable' AND NOT tgisinternal) THEN
        PERFORM public.hybriddb_guard_tenant_writes(tbl);
    END IF;
    RETURN tbl;
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_guard_tenant_table(regclass) FROM PUBLIC;
COMMENT ON FUNCTION hybriddb_guard_tenant_table(regclass) IS 'Installs the suspended-tenant write guard on a tenant table unless it has it; owner only.';
--rollback DROP FUNCTION hybriddb_guard_tenant_table(regclass);

--changeset hybriddb:1125-guard-later-tenant-tables splitStatements:false
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
        PERFORM public.hybriddb_guard_tenant_table(r.tbl);
    END LOOP;
END
$$;
--rollback SELECT 1;
