--liquibase formatted sql

-- Sync outbox (sync module, DESIGN "How data flows"). A trigger on every projected table writes one
-- row here in the writing transaction and sends a NOTIFY wake-up with an empty payload; RealtimeSync
-- claims rows (FOR UPDATE SKIP LOCKED, oldest first), reads the rows' current state, writes the graph
-- and deletes the claimed rows after the graph acknowledged. It lives in its own schema, hybriddb_sync:
-- it is not a tenant table (one consumer reads every tenant's rows, so no row-level security) and the
-- application role has no access to it at all (no USAGE on the schema); the trigger writes it as definer.

--changeset hybriddb:0900-outbox-table
CREATE SCHEMA hybriddb_sync;
REVOKE ALL ON SCHEMA hybriddb_sync FROM PUBLIC;
COMMENT ON SCHEMA hybriddb_sync IS 'Internal state of the sync module (outbox); no application access.';
CREATE TABLE hybriddb_sync.hybriddb_outbox (
    id          bigserial   PRIMARY KEY,
    tenant_id   uuid,
    table_name  text        NOT NULL,
    op          char(1)     NOT NULL,
    row_key     jsonb       NOT NULL,
    old_row     jsonb,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT hybriddb_outbox_op_check CHECK (op IN ('I', 'U', 'D'))
);
COMMENT ON TABLE hybriddb_sync.hybriddb_outbox IS 'Row changes of projected tables waiting for the graph (sync module). Claimed oldest first by primary key (the claiming index): SELECT ... ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED.';
COMMENT ON COLUMN hybriddb_sync.hybriddb_outbox.row_key IS 'The primary key columns of the changed row, as a JSON object.';
COMMENT ON COLUMN hybriddb_sync.hybriddb_outbox.old_row IS 'DELETE: the old row (secret columns left out). UPDATE: old key and owner columns, only when they changed. INSERT: null.';
CREATE INDEX hybriddb_outbox_tenant_idx ON hybriddb_sync.hybriddb_outbox (tenant_id, id);
REVOKE ALL ON hybriddb_sync.hybriddb_outbox FROM PUBLIC;
REVOKE ALL ON SEQUENCE hybriddb_sync.hybriddb_outbox_id_seq FROM PUBLIC;
--rollback DROP TABLE hybriddb_sync.hybriddb_outbox;
--rollback DROP SCHEMA hybriddb_sync;

--changeset hybriddb:0900-outbox-capture-function splitStatements:false
--comment: The one generic trigger function. Arguments: (1) key columns, comma separated; (2) optional columns whose old values an UPDATE keeps when they change (the owner columns of join tables); (3) optional columns never copied (secrets). SECURITY DEFINER with a fixed search_path: writers need no rights on the outbox.
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
    PERFORM pg_notify('hybriddb_outbox', '');
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION hybriddb_outbox_capture() FROM PUBLIC;
COMMENT ON FUNCTION hybriddb_outbox_capture() IS 'Sync outbox trigger: one outbox row per changed row, then a NOTIFY hybriddb_outbox wake-up with an empty payload.';
--rollback DROP FUNCTION hybriddb_outbox_capture();

--changeset hybriddb:0900-outbox-attach-function splitStatements:false
--comment: Attaches the outbox triggers to a table (applications call it for their own projected tables in their own migrations). Idempotent.
CREATE OR REPLACE FUNCTION hybriddb_outbox_attach(tbl regclass, key_columns text,
                                                  old_columns text DEFAULT '', secret_columns text DEFAULT '')
    RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    base text := (SELECT c.relname FROM pg_class c WHERE c.oid = tbl);
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox_upd', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE ON %s FOR EACH ROW '
                   'EXECUTE FUNCTION hybriddb_outbox_capture(%L, %L, %L)',
                   base || '_hybriddb_outbox', tbl, key_columns, old_columns, secret_columns);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) '
                   'EXECUTE FUNCTION hybriddb_outbox_capture(%L, %L, %L)',
                   base || '_hybriddb_outbox_upd', tbl, key_columns, old_columns, secret_columns);
END
$$;
CREATE OR REPLACE FUNCTION hybriddb_outbox_detach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    base text := (SELECT c.relname FROM pg_class c WHERE c.oid = tbl);
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', base || '_hybriddb_outbox_upd', tbl);
END
$$;
--rollback DROP FUNCTION hybriddb_outbox_detach(regclass);
--rollback DROP FUNCTION hybriddb_outbox_attach(regclass, text, text, text);
