--liquibase formatted sql

-- Deleted tenants leave the graph-tenant registry (0960). Before this, a deleted tenant stayed
-- registered for good: the registry only grew, and after a graph server restart the real-time
-- consumer rebuilt the graph of every registered tenant, so it created an empty graph for each
-- deleted one.
-- 1. An AFTER DELETE trigger on tenants removes the tenant's registration, in the deleting
--    transaction.
-- 2. hybriddb_graph_tenant_register() registers only a tenant that exists. The function runs as the
--    owner, and tenants has forced row-level security, so it sees the transaction's own tenant row
--    and no other.
-- A registration made while the tenant's deletion was still uncommitted can outlive it. The
-- consumer's restart recovery checks that each tenant still exists and removes such a
-- registration instead of rebuilding the graph.

--changeset hybriddb:0970-graph-tenant-register-existing splitStatements:false
--comment: Same signature and grants as 0960; it registers only a tenant whose row exists.
CREATE OR REPLACE FUNCTION hybriddb_graph_tenant_register() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO hybriddb_sync.hybriddb_graph_tenants (tenant_id)
    SELECT t.id FROM public.tenants t WHERE t.id = public.hybriddb_current_tenant()
    ON CONFLICT (tenant_id) DO NOTHING
$$;
COMMENT ON FUNCTION hybriddb_graph_tenant_register() IS 'Registers the current tenant (hybriddb.tenant_id) in hybriddb_sync.hybriddb_graph_tenants if its tenants row exists: its graph is written by HybridDB sync.';
--rollback CREATE OR REPLACE FUNCTION hybriddb_graph_tenant_register() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ INSERT INTO hybriddb_sync.hybriddb_graph_tenants (tenant_id) SELECT t FROM (SELECT public.hybriddb_current_tenant() AS t) s WHERE t IS NOT NULL ON CONFLICT (tenant_id) DO NOTHING $$

--changeset hybriddb:0970-graph-tenant-forget splitStatements:false
--comment: Its rollback drops the function with the trigger that calls it (CASCADE: it exists only for it).
CREATE FUNCTION hybriddb_graph_tenant_forget() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM hybriddb_sync.hybriddb_graph_tenants WHERE tenant_id = OLD.id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION hybriddb_graph_tenant_forget() FROM PUBLIC;
COMMENT ON FUNCTION hybriddb_graph_tenant_forget() IS 'AFTER DELETE ON tenants: the deleted tenant leaves hybriddb_sync.hybriddb_graph_tenants.';
CREATE TRIGGER tenants_hybriddb_graph_forget AFTER DELETE ON public.tenants
    FOR EACH ROW EXECUTE FUNCTION hybriddb_graph_tenant_forget();
--rollback DROP FUNCTION hybriddb_graph_tenant_forget() CASCADE
