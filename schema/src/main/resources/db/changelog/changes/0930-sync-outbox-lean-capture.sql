--liquibase formatted sql

-- Cheaper outbox capture (issue 7: writer throughput with the triggers at least 85% of without).
-- 1. hybriddb_outbox_attach generates one trigger function per table, named like its trigger
--    (<table>_hybriddb_outbox, in the table's schema), with the key, owner and tenant columns
--    inlined (NEW.id, OLD.user_id ...): no to_jsonb of the whole row except a DELETE's old row, no
--    loops over column names. The outbox rows it writes are the same as the generic function's.
-- 2. The wake-up NOTIFY is sent only when a consumer sleeps. A sleeping RealtimeSync holds the
--    session advisory lock hybriddb_outbox_wake_key() exclusively; a writer that can take it
--    shared (no consumer asleep) skips the NOTIFY and holds it until its commit, so a consumer
--    about to sleep waits for such writers to commit, then claims once more before sleeping.
--    NOTIFY takes a database-wide lock at commit that serializes notifying commits; writers now
--    pay it only for the first change after the consumer fell asleep.
-- 3. The second outbox index (tenant_id, id) goes: the consumer claims by primary key only.
-- The generic hybriddb_outbox_capture() stays (same outbox rows, same wake-up rule) for triggers
-- that still call it; every table attached before this changeset is re-attached here.

--changeset hybriddb:0930-outbox-drop-tenant-index
DROP INDEX hybriddb_sync.hybriddb_outbox_tenant_idx;
--rollback CREATE INDEX hybriddb_outbox_tenant_idx ON hybriddb_sync.hybriddb_outbox (tenant_id, id);

--changeset hybriddb:0930-outbox-wake-key splitStatements:false
--comment: The advisory lock key of the wake-up protocol ('hybriddb' in ASCII); RealtimeSync uses the same constant.
CREATE OR REPLACE FUNCTION hybriddb_outbox_wake_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 7528156495660475490::bigint $$;
COMMENT ON FUNCTION hybriddb_outbox_wake_key() IS 'Advisory lock key: a sleeping outbox consumer holds it exclusively (session level); writers that can take it shared skip the NOTIFY.';
--rollback DROP FUNCTION hybriddb_outbox_wake_key();

--changeset hybriddb:0930-outbox-generic-capture splitStatements:false
--comment: The generic trigger function, kept for triggers that still call it: same outbox rows as 0900, NOTIFY only when a consumer sleeps.
CREATE OR REPLACE FUNCTION hybriddb_outbox_capture() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    key_cols    text[] := string_to_array(TG_ARGV[0], ',');
    old_cols    text[] := CASE WHEN TG_NARGS > 1 THEN string_to_array(TG_ARGV[1], ',') ELSE '{}'::text[] END;
    secret_cols text[] := CASE WHEN TG_NARGS > 2 THEN string_to_array(TG_ARGV[2], ',') ELSE '{}'::text[] END;
    cur         jsonb;
    prev        jsonb;
    k           jsonb := '{}'::jsonb;
    o           jsonb;
    col         text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        cur := to_jsonb(OLD);
    ELSE
        cur := to_jsonb(NEW);
    END IF;
    FOREACH col IN ARRAY key_cols LOOP
        k := k || jsonb_build_object(col, cur -> col);
    END LOOP;
    IF TG_OP = 'DELETE' THEN
        o := cur - secret_cols;
    ELSIF TG_OP = 'UPDATE' THEN
        prev := to_jsonb(OLD);
        FOREACH col IN ARRAY key_cols || old_cols LOOP
            IF (prev -> col) IS DISTINCT FROM (cur -> col) THEN
                o := '{}'::jsonb;
                FOREACH col IN ARRAY key_cols || old_cols || ARRAY['tenant_id'] LOOP
                    o := o || jsonb_build_object(col, prev -> col);
                END LOOP;
                EXIT;
            END IF;
        END LOOP;
    END IF;
    INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key, old_row)
    VALUES ((cur ->> 'tenant_id')::uuid, TG_TABLE_NAME, left(TG_OP, 1), k, o);
    IF NOT pg_try_advisory_xact_lock_shared(7528156495660475490) THEN
        PERFORM pg_notify('hybriddb_outbox', '');
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION hybriddb_outbox_capture() IS 'Generic sync outbox trigger (arguments: key columns, owner columns, secret columns): one outbox row per changed row; a NOTIFY hybriddb_outbox wake-up (empty payload) only when a consumer sleeps. hybriddb_outbox_attach generates a faster per-table function instead.';
--rollback SELECT 1;

--changeset hybriddb:0930-outbox-attach-per-table splitStatements:false
--comment: Same signature as 0900. Generates <table>_hybriddb_outbox() in the table's schema with the columns inlined; falls back to the generic function (with a warning) when the caller cannot create functions there or cannot write the outbox.
CREATE OR REPLACE FUNCTION hybriddb_outbox_attach(tbl regclass, key_columns text,
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
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) '
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
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) '
                   'EXECUTE FUNCTION %I.%I()', trg || '_upd', tbl, nsp, trg);
END
$$;
CREATE OR REPLACE FUNCTION hybriddb_outbox_detach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    base text;
    nsp  text;
BEGIN
    SELECT c.relname, n.nspname INTO base, nsp
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox_upd', tbl);
    EXECUTE format('DROP FUNCTION IF EXISTS %I.%I()', nsp, base || '_hybriddb_outbox');
END
$$;
--rollback SELECT 1;

--changeset hybriddb:0930-outbox-reattach splitStatements:false
--comment: Re-attaches every table whose outbox triggers still call the generic function (this module's tables and any an application attached), with the arguments it was attached with.
DO $$
DECLARE
    r    record;
    args text[];
BEGIN
    FOR r IN SELECT DISTINCT ON (t.tgrelid) t.tgrelid::regclass AS tbl, t.tgargs
               FROM pg_trigger t
              WHERE t.tgfoid = 'hybriddb_outbox_capture()'::regprocedure
              ORDER BY t.tgrelid, t.tgname LOOP
        -- tgargs: each argument followed by a NUL byte ('escape' shows it as \000)
        args := string_to_array(encode(r.tgargs, 'escape'), '\000');
        BEGIN
            PERFORM hybriddb_outbox_attach(r.tbl, args[1], coalesce(args[2], ''), coalesce(args[3], ''));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'outbox triggers of % left on the generic function: %', r.tbl, SQLERRM;
        END;
    END LOOP;
END
$$;
--rollback SELECT 1;
