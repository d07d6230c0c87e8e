--liquibase formatted sql

-- Cheaper outbox triggers (issue 7: writer throughput with the triggers at least 85% of without).
-- Profiled with perf on PostgreSQL 17 (docs/benchmarks.md), two costs of a captured UPDATE were not
-- the outbox write itself but things PostgreSQL redoes for every statement:
-- 1. The CHECK constraint on hybriddb_outbox.op: the executor reads a table's CHECK expressions from
--    their stored text and plans them again for each INSERT (about a fifth of the trigger's cost).
--    The outbox is written only by the generated trigger functions (literals 'I', 'U', 'D') and by
--    WalCapture; no other role can write it, so the constraint goes and the column comment says so.
-- 2. The update trigger's WHEN (OLD.* IS DISTINCT FROM NEW.*): a trigger's WHEN expression is also
--    read from text and planned for each statement, and it compares every column (it also failed
--    on columns without an equality operator, such as json or point). The update trigger now has
--    no WHEN clause and the function makes no comparison: an UPDATE that changes nothing writes an
--    outbox row like any other, and the consumer rewrites the row's unchanged state (idempotent).
--    Measured per captured update (server CPU, interleaved loops): the WHEN clause cost about a
--    sixth of the trigger; OLD *= NEW inside the function still cost 13 us of 35, and
--    WHEN (NOT (OLD *= NEW)) 7 us. Tables with an updated_at trigger never make such updates.
--    WalCapture still skips them (it compares in Java, off the writer's path).
-- The generic hybriddb_outbox_capture() (the fallback where the attaching role cannot create
-- functions) is attached the same way. Every table attached in triggers mode is re-attached
-- here; in wal mode hybriddb_capture_use('triggers') attaches them.

--changeset hybriddb:0950-outbox-drop-op-check
ALTER TABLE hybriddb_sync.hybriddb_outbox DROP CONSTRAINT hybriddb_outbox_op_check;
COMMENT ON COLUMN hybriddb_sync.hybriddb_outbox.op IS 'I (insert), U (update) or D (delete). Written only by the generated capture functions and WalCapture; no CHECK constraint, because PostgreSQL re-plans CHECK expressions for every INSERT.';
--rollback ALTER TABLE hybriddb_sync.hybriddb_outbox ADD CONSTRAINT hybriddb_outbox_op_check CHECK (op IN ('I', 'U', 'D'));

--changeset hybriddb:0950-outbox-generic-capture-comment
COMMENT ON FUNCTION hybriddb_outbox_capture() IS 'Generic sync outbox trigger (arguments: key columns, owner columns, secret columns): one outbox row per written row (an UPDATE that changes nothing included); a NOTIFY hybriddb_outbox wake-up (empty payload) only when a consumer sleeps. hybriddb_outbox_attach generates a faster per-table function instead.';
--rollback SELECT 1;

--changeset hybriddb:0950-outbox-attach-triggers-no-when splitStatements:false
--comment: Same signature and outbox rows as 0930/0940, but the update trigger has no WHEN clause: an UPDATE that changes nothing writes a row too.
CREATE OR REPLACE FUNCTION hybriddb_outbox_attach_triggers(tbl regclass, key_columns text,
                                                           old_columns text DEFAULT '', secret_columns text DEFAULT '')
    RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    base     text;
    nsp      text;
    trg      text;
    keys     text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(key_columns, ''), ',')) c WHERE btrim(c) <> '');
    olds     text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(old_columns, ''), ',')) c WHERE btrim(c) <> '');
    secrets  text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(secret_columns, ''), ',')) c WHERE btrim(c) <> '');
    has_tenant boolean;
    missing  text;
    new_key  text;
    old_key  text;
    changed  text;
    old_upd  text;
    old_del  text;
BEGIN
    SELECT c.relname, n.nspname INTO base, nsp
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
    trg := base || '_hybriddb_outbox';
    SELECT string_agg(c, ', ') INTO missing FROM unnest(keys || olds) c
     WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = tbl AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped);
    IF cardinality(keys) = 0 OR missing IS NOT NULL THEN
        RAISE EXCEPTION 'hybriddb_outbox_attach(%): no such column(s): %', tbl, coalesce(missing, '(no key column given)');
    END IF;
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trg, tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trg || '_upd', tbl);
    IF NOT has_schema_privilege(nsp, 'CREATE')
       OR NOT has_schema_privilege('hybriddb_sync', 'USAGE')
       OR NOT has_table_privilege('hybriddb_sync.hybriddb_outbox', 'INSERT') THEN
        RAISE WARNING 'hybriddb_outbox_attach(%): % cannot create functions in schema % or write the outbox; using the slower generic trigger function', tbl, current_user, nsp;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE ON %s FOR EACH ROW '
                       'EXECUTE FUNCTION hybriddb_outbox_capture(%L, %L, %L)',
                       trg, tbl, array_to_string(keys, ','), array_to_string(olds, ','), array_to_string(secrets, ','));
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s FOR EACH ROW '
                       'EXECUTE FUNCTION hybriddb_outbox_capture(%L, %L, %L)',
                       trg || '_upd', tbl, array_to_string(keys, ','), array_to_string(olds, ','), array_to_string(secrets, ','));
        RETURN;
    END IF;
    has_tenant := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = tbl AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped);
    new_key := (SELECT string_agg(format('%L, NEW.%I', c, c), ', ') FROM unnest(keys) c);
    old_key := (SELECT string_agg(format('%L, OLD.%I', c, c), ', ') FROM unnest(keys) c);
    changed := (SELECT string_agg(format('OLD.%I IS DISTINCT FROM NEW.%I', c, c), ' OR ') FROM unnest(keys || olds) c);
    old_upd := (SELECT string_agg(format('%L, OLD.%I', c, c), ', ') FROM unnest(keys || olds) c)
               || CASE WHEN has_tenant THEN ', ''tenant_id'', OLD.tenant_id' ELSE ', ''tenant_id'', NULL::uuid' END;
    old_del := CASE WHEN cardinality(secrets) = 0 THEN 'to_jsonb(OLD)' ELSE format('to_jsonb(OLD) - %L::text[]', secrets) END;
    EXECUTE format($f$
CREATE OR REPLACE FUNCTION %1$I.%2$I() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $body$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key, old_row)
        VALUES (%3$s, TG_TABLE_NAME, 'U', jsonb_build_object(%4$s),
                CASE WHEN %6$s THEN jsonb_build_object(%7$s) END);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key)
        VALUES (%3$s, TG_TABLE_NAME, 'I', jsonb_build_object(%4$s));
    ELSE
        INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key, old_row)
        VALUES (%8$s, TG_TABLE_NAME, 'D', jsonb_build_object(%5$s), %9$s);
    END IF;
    IF NOT pg_try_advisory_xact_lock_shared(7528156495660475490) THEN
        PERFORM pg_notify('hybriddb_outbox', '');
    END IF;
    RETURN NULL;
END
$body$
$f$, nsp, trg,
        CASE WHEN has_tenant THEN 'NEW.tenant_id::uuid' ELSE 'NULL::uuid' END,
        new_key, old_key, changed, old_upd,
        CASE WHEN has_tenant THEN 'OLD.tenant_id::uuid' ELSE 'NULL::uuid' END,
        old_del);
    EXECUTE format('REVOKE ALL ON FUNCTION %I.%I() FROM PUBLIC', nsp, trg);
    EXECUTE format('COMMENT ON FUNCTION %I.%I() IS %L', nsp, trg,
                   format('Sync outbox trigger of %s, generated by hybriddb_outbox_attach(%L, %L, %L).',
                          tbl, array_to_string(keys, ','), array_to_string(olds, ','), array_to_string(secrets, ',')));
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION %I.%I()',
                   trg, tbl, nsp, trg);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION %I.%I()',
                   trg || '_upd', tbl, nsp, trg);
END
$$;
--rollback SELECT 1;

--changeset hybriddb:0950-outbox-reattach splitStatements:false
--comment: Regenerates the triggers of every table attached in triggers mode.
DO $$
DECLARE
    r record;
BEGIN
    IF hybriddb_capture_mode() = 'triggers' THEN
        FOR r IN SELECT * FROM hybriddb_sync.hybriddb_capture_tables LOOP
            PERFORM hybriddb_outbox_attach_triggers(r.tbl, array_to_string(r.key_columns, ','),
                                                    array_to_string(r.old_columns, ','), array_to_string(r.secret_columns, ','));
        END LOOP;
    END IF;
END
$$;
--rollback SELECT 1;
