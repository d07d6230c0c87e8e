--liquibase formatted sql

-- TRUNCATE reaches the graph (sync). Row triggers do not fire for TRUNCATE, so until now a
-- truncated projected table left its nodes and edges in every tenant graph until a repair.
-- 1. Every attached table (triggers mode) gets a statement trigger AFTER TRUNCATE that writes one
--    outbox row: op 'T', no tenant, an empty key. TRUNCATE ignores row-level security, so the
--    trigger cannot tell whose rows went; the consumer rebuilds every graph it knows of.
--    WalCapture writes the same row from pgoutput's Truncate message (wal mode).
-- 2. hybriddb_sync.hybriddb_graph_tenants: the tenants whose graphs a real-time consumer has
--    written (each consumer registers a tenant on its first write). A 'T' row of a projected table
--    rebuilds each of them from PostgreSQL; a graph server restart rebuilds them too.
-- hybriddb_outbox_attach_triggers/detach_triggers keep their signatures and now also manage the
-- truncate trigger; 0950's versions are renamed to *_row_triggers and called from them.

--changeset hybriddb:0960-graph-tenants
CREATE TABLE hybriddb_sync.hybriddb_graph_tenants (
    tenant_id     uuid PRIMARY KEY,
    registered_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE hybriddb_sync.hybriddb_graph_tenants IS 'Tenants whose graphs a real-time consumer (RealtimeSync) has written: rebuilt after a TRUNCATE of a projected table and after a graph server restart.';
REVOKE ALL ON hybriddb_sync.hybriddb_graph_tenants FROM PUBLIC;
COMMENT ON COLUMN hybriddb_sync.hybriddb_outbox.op IS 'I (insert), U (update), D (delete) or T (truncate: no tenant, empty key). Written only by the generated capture functions, hybriddb_outbox_capture_truncate and WalCapture; no CHECK constraint, because PostgreSQL re-plans CHECK expressions for every INSERT.';
--rollback DROP TABLE hybriddb_sync.hybriddb_graph_tenants;

--changeset hybriddb:0960-truncate-capture-function splitStatements:false
--comment: Its rollback drops the function with every truncate trigger that calls it (CASCADE: they exist only for it).
CREATE FUNCTION hybriddb_outbox_capture_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key)
    VALUES (NULL, TG_TABLE_NAME, 'T', '{}'::jsonb);
    IF NOT pg_try_advisory_xact_lock_shared(7528156495660475490) THEN
        PERFORM pg_notify('hybriddb_outbox', '');
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION hybriddb_outbox_capture_truncate() FROM PUBLIC;
COMMENT ON FUNCTION hybriddb_outbox_capture_truncate() IS 'Sync outbox statement trigger AFTER TRUNCATE: one row with op T (no tenant, empty key); the consumer rebuilds every registered tenant graph.';
--rollback DROP FUNCTION hybriddb_outbox_capture_truncate() CASCADE;

--changeset hybriddb:0960-attach-truncate-trigger splitStatements:false
--comment: attach/detach_triggers keep their signatures; the row-trigger work moves to *_row_triggers.
ALTER FUNCTION hybriddb_outbox_attach_triggers(regclass, text, text, text) RENAME TO hybriddb_outbox_attach_row_triggers;
ALTER FUNCTION hybriddb_outbox_detach_triggers(regclass) RENAME TO hybriddb_outbox_detach_row_triggers;
CREATE FUNCTION hybriddb_outbox_attach_triggers(tbl regclass, key_columns text,
                                                old_columns text DEFAULT '', secret_columns text DEFAULT '')
    RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    trg text := (SELECT relname FROM pg_class WHERE oid = tbl) || '_hybriddb_outbox_trunc';
BEGIN
    PERFORM hybriddb_outbox_attach_row_triggers(tbl, key_columns, old_columns, secret_columns);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trg, tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION hybriddb_outbox_capture_truncate()',
                   trg, tbl);
END
$$;
COMMENT ON FUNCTION hybriddb_outbox_attach_triggers(regclass, text, text, text) IS 'Triggers mode: the generated row triggers (hybriddb_outbox_attach_row_triggers) and the AFTER TRUNCATE statement trigger.';
CREATE FUNCTION hybriddb_outbox_detach_triggers(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM hybriddb_outbox_detach_row_triggers(tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', (SELECT relname FROM pg_class WHERE oid = tbl) || '_hybriddb_outbox_trunc', tbl);
END
$$;
--rollback DROP FUNCTION hybriddb_outbox_detach_triggers(regclass);
--rollback DROP FUNCTION hybriddb_outbox_attach_triggers(regclass, text, text, text);
--rollback ALTER FUNCTION hybriddb_outbox_detach_row_triggers(regclass) RENAME TO hybriddb_outbox_detach_triggers;
--rollback ALTER FUNCTION hybriddb_outbox_attach_row_triggers(regclass, text, text, text) RENAME TO hybriddb_outbox_attach_triggers;

--changeset hybriddb:0960-attach-truncate-to-attached splitStatements:false
--comment: Every table attached in triggers mode gets its truncate trigger now.
DO $$
DECLARE
    r record;
BEGIN
    IF hybriddb_capture_mode() = 'triggers' THEN
        FOR r IN SELECT c.oid::regclass AS tbl, c.relname FROM hybriddb_sync.hybriddb_capture_tables t JOIN pg_class c ON c.oid = t.tbl LOOP
            EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION hybriddb_outbox_capture_truncate()',
                           r.relname || '_hybriddb_outbox_trunc', r.tbl);
        END LOOP;
    END IF;
END
$$;
--rollback SELECT 1;

--changeset hybriddb:0960-graph-tenant-register-function splitStatements:false
--comment: Manual and batch sync (PostgresSync, Reconciler repairs) run as the application role, which cannot write hybriddb_sync; this registers the transaction's own tenant.
CREATE FUNCTION hybriddb_graph_tenant_register() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO hybriddb_sync.hybriddb_graph_tenants (tenant_id)
    SELECT t FROM (SELECT public.hybriddb_current_tenant() AS t) s WHERE t IS NOT NULL
    ON CONFLICT (tenant_id) DO NOTHING
$$;
REVOKE ALL ON FUNCTION hybriddb_graph_tenant_register() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hybriddb_graph_tenant_register() TO ${app_role};
COMMENT ON FUNCTION hybriddb_graph_tenant_register() IS 'Registers the current tenant (hybriddb.tenant_id) in hybriddb_sync.hybriddb_graph_tenants: its graph is written by HybridDB sync.';
--rollback DROP FUNCTION hybriddb_graph_tenant_register();
