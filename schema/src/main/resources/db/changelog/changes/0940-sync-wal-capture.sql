--liquibase formatted sql

-- Trigger-free change capture (issue 7: writers with sync capture at least 85% as fast as without).
-- In 'wal' mode the attached tables have no outbox triggers: they are in the publication
-- hybriddb_capture with REPLICA IDENTITY FULL, and WalCapture (sync module) reads their row changes
-- from the logical replication slot hybriddb_capture_slot() and writes the same outbox rows the
-- triggers write, in batches, confirming the slot only after its rows are committed. The consumer
-- (RealtimeSync) does not change. 'triggers' (the default) is the 0930 behaviour.
-- 1. hybriddb_capture_tables remembers what every table was attached with (key, owner and secret
--    columns), so both modes produce the same outbox rows; backfilled from the triggers of 0930.
-- 2. hybriddb_outbox_attach/detach keep their signatures; attach follows the current mode.
-- 3. hybriddb_capture_use('wal' | 'triggers') switches every attached table in one transaction.

--changeset hybriddb:0940-capture-tables splitStatements:false
--comment: What each table is attached with, and the capture mode.
CREATE TABLE hybriddb_sync.hybriddb_capture_tables (
    tbl            regclass PRIMARY KEY,
    key_columns    text[] NOT NULL CHECK (cardinality(key_columns) > 0),
    old_columns    text[] NOT NULL DEFAULT '{}',
    secret_columns text[] NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE hybriddb_sync.hybriddb_capture_tables IS 'Tables whose changes reach the sync outbox, with the arguments of hybriddb_outbox_attach.';
CREATE TABLE hybriddb_sync.hybriddb_capture_settings (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    mode     text NOT NULL DEFAULT 'triggers' CHECK (mode IN ('triggers', 'wal'))
);
INSERT INTO hybriddb_sync.hybriddb_capture_settings DEFAULT VALUES;
COMMENT ON TABLE hybriddb_sync.hybriddb_capture_settings IS 'The capture mode: triggers (outbox rows written by row triggers) or wal (written by WalCapture from a logical replication slot).';
--rollback DROP TABLE hybriddb_sync.hybriddb_capture_settings; DROP TABLE hybriddb_sync.hybriddb_capture_tables;

--changeset hybriddb:0940-capture-functions splitStatements:false
--comment: The slot name, the mode, and typed JSON of a row given as text values (what to_jsonb(OLD) gives a trigger).
CREATE FUNCTION hybriddb_capture_slot() RETURNS text
    LANGUAGE sql STABLE
AS $$ SELECT 'hybriddb_capture_' || left(md5(current_database()), 16) $$;
COMMENT ON FUNCTION hybriddb_capture_slot() IS 'The logical replication slot WalCapture reads in this database (slot names are cluster-wide).';
CREATE FUNCTION hybriddb_capture_mode() RETURNS text
    LANGUAGE sql STABLE
AS $$ SELECT mode FROM hybriddb_sync.hybriddb_capture_settings $$;
CREATE FUNCTION hybriddb_sync.hybriddb_capture_typed(tbl regclass, vals jsonb) RETURNS jsonb
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    typed jsonb;
BEGIN
    EXECUTE format('SELECT to_jsonb(jsonb_populate_record(NULL::%s, $1))', tbl) INTO typed USING vals;
    RETURN (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(typed) e WHERE vals ? e.key);
END
$$;
COMMENT ON FUNCTION hybriddb_sync.hybriddb_capture_typed(regclass, jsonb) IS 'The columns in vals (text output of each value; json values as json) typed as to_jsonb types them.';
--rollback DROP FUNCTION hybriddb_sync.hybriddb_capture_typed(regclass, jsonb); DROP FUNCTION hybriddb_capture_mode(); DROP FUNCTION hybriddb_capture_slot();

--changeset hybriddb:0940-capture-attach splitStatements:false
--comment: 0930's attach becomes hybriddb_outbox_attach_triggers; attach and detach register the table and follow the mode.
ALTER FUNCTION hybriddb_outbox_attach(regclass, text, text, text) RENAME TO hybriddb_outbox_attach_triggers;
ALTER FUNCTION hybriddb_outbox_detach(regclass) RENAME TO hybriddb_outbox_detach_triggers;
CREATE FUNCTION hybriddb_outbox_attach(tbl regclass, key_columns text,
                                       old_columns text DEFAULT '', secret_columns text DEFAULT '')
    RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    keys    text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(key_columns, ''), ',')) c WHERE btrim(c) <> '');
    olds    text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(old_columns, ''), ',')) c WHERE btrim(c) <> '');
    secrets text[] := ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(secret_columns, ''), ',')) c WHERE btrim(c) <> '');
BEGIN
    PERFORM hybriddb_outbox_attach_triggers(tbl, key_columns, old_columns, secret_columns);   -- validates the columns
    INSERT INTO hybriddb_sync.hybriddb_capture_tables (tbl, key_columns, old_columns, secret_columns)
    VALUES (tbl, keys, olds, secrets)
    ON CONFLICT ON CONSTRAINT hybriddb_capture_tables_pkey DO UPDATE SET key_columns = EXCLUDED.key_columns, old_columns = EXCLUDED.old_columns,
                                    secret_columns = EXCLUDED.secret_columns;
    IF hybriddb_capture_mode() = 'wal' THEN
        PERFORM hybriddb_sync.hybriddb_capture_publish(tbl);
    END IF;
END
$$;
COMMENT ON FUNCTION hybriddb_outbox_attach(regclass, text, text, text) IS 'Sends the changes of a table to the sync outbox (key columns, owner columns whose old values an update records, columns a deleted row leaves out): by generated row triggers, or in wal mode through the publication hybriddb_capture.';
CREATE FUNCTION hybriddb_outbox_detach(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM hybriddb_outbox_detach_triggers(tbl);
    IF EXISTS (SELECT 1 FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                WHERE p.pubname = 'hybriddb_capture' AND pr.prrelid = tbl) THEN
        EXECUTE format('ALTER PUBLICATION hybriddb_capture DROP TABLE %s', tbl);
    END IF;
    DELETE FROM hybriddb_sync.hybriddb_capture_tables WHERE hybriddb_capture_tables.tbl = hybriddb_outbox_detach.tbl;
END
$$;
CREATE FUNCTION hybriddb_sync.hybriddb_capture_publish(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM hybriddb_outbox_detach_triggers(tbl);
    EXECUTE format('ALTER TABLE %s REPLICA IDENTITY FULL', tbl);
    IF NOT EXISTS (SELECT 1 FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                WHERE p.pubname = 'hybriddb_capture' AND pr.prrelid = tbl) THEN
        EXECUTE format('ALTER PUBLICATION hybriddb_capture ADD TABLE %s', tbl);
    END IF;
END
$$;
--rollback DROP FUNCTION hybriddb_sync.hybriddb_capture_publish(regclass);
--rollback DROP FUNCTION hybriddb_outbox_detach(regclass);
--rollback DROP FUNCTION hybriddb_outbox_attach(regclass, text, text, text);
--rollback ALTER FUNCTION hybriddb_outbox_detach_triggers(regclass) RENAME TO hybriddb_outbox_detach;
--rollback ALTER FUNCTION hybriddb_outbox_attach_triggers(regclass, text, text, text) RENAME TO hybriddb_outbox_attach;

--changeset hybriddb:0940-capture-backfill splitStatements:false
--comment: Registers the tables attached before this changeset: the arguments are in the comment of each generated function (0930), or in the trigger arguments of the generic one.
DO $$
DECLARE
    r    record;
    m    text[];
    args text[];
BEGIN
    FOR r IN SELECT DISTINCT t.tgrelid::regclass AS tbl, p.oid AS fn, p.proname, t.tgargs
               FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
              WHERE t.tgname LIKE '%\_hybriddb\_outbox' LOOP
        IF r.proname = 'hybriddb_outbox_capture' THEN
            args := string_to_array(encode(r.tgargs, 'escape'), '\000');
        ELSE
            m := regexp_match(obj_description(r.fn, 'pg_proc'),
                              'generated by hybriddb_outbox_attach\(''((?:[^'']|'''')*)'', ''((?:[^'']|'''')*)'', ''((?:[^'']|'''')*)''\)');
            CONTINUE WHEN m IS NULL;
            args := ARRAY[replace(m[1], '''''', ''''), replace(m[2], '''''', ''''), replace(m[3], '''''', '''')];
        END IF;
        INSERT INTO hybriddb_sync.hybriddb_capture_tables (tbl, key_columns, old_columns, secret_columns)
        VALUES (r.tbl,
                ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(args[1], ''), ',')) c WHERE btrim(c) <> ''),
                ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(args[2], ''), ',')) c WHERE btrim(c) <> ''),
                ARRAY(SELECT btrim(c) FROM unnest(string_to_array(coalesce(args[3], ''), ',')) c WHERE btrim(c) <> ''))
        ON CONFLICT (tbl) DO NOTHING;
    END LOOP;
END
$$;
--rollback DELETE FROM hybriddb_sync.hybriddb_capture_tables;

--changeset hybriddb:0940-capture-publication splitStatements:false
--comment: The (empty) publication exists before any slot: a slot decodes with the catalog of each change's time, and pgoutput fails on changes from before its publication existed. WalCapture.install calls the function too, where this changeset lacked the privilege.
CREATE FUNCTION hybriddb_capture_publication() RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'hybriddb_capture') THEN
        SET LOCAL client_min_messages = error;          -- no wal_level warning where wal mode is never used
        CREATE PUBLICATION hybriddb_capture;
    END IF;
END
$$;
DO $$
BEGIN
    IF has_database_privilege(current_database(), 'CREATE') THEN
        PERFORM hybriddb_capture_publication();
    ELSE
        RAISE WARNING 'publication hybriddb_capture not created (% lacks CREATE on the database); WalCapture.install creates it', current_user;
    END IF;
END
$$;
--rollback DROP PUBLICATION IF EXISTS hybriddb_capture;
--rollback DROP FUNCTION hybriddb_capture_publication();

--changeset hybriddb:0940-capture-use splitStatements:false
--comment: Switches the capture of every attached table in one transaction. 'wal' needs wal_level=logical and the slot (WalCapture creates it), so no change falls between the triggers and the slot.
CREATE FUNCTION hybriddb_capture_use(mode text) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    r record;
BEGIN
    IF mode NOT IN ('triggers', 'wal') THEN
        RAISE EXCEPTION 'hybriddb_capture_use: mode must be triggers or wal, not %', mode USING ERRCODE = '22023';
    END IF;
    IF mode = 'wal' THEN
        IF current_setting('wal_level') <> 'logical' THEN
            RAISE EXCEPTION 'hybriddb_capture_use(wal): wal_level is %, must be logical (postgresql.conf, then a restart)',
                current_setting('wal_level') USING ERRCODE = '55000';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot()) THEN
            RAISE EXCEPTION 'hybriddb_capture_use(wal): the replication slot % does not exist; WalCapture.createSlot() creates it',
                hybriddb_capture_slot() USING ERRCODE = '55000';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'hybriddb_capture') THEN
            RAISE EXCEPTION 'hybriddb_capture_use(wal): the publication hybriddb_capture does not exist; it must be created before the slot (WalCapture.install does both)'
                USING ERRCODE = '55000';
        END IF;
        FOR r IN SELECT tbl FROM hybriddb_sync.hybriddb_capture_tables LOOP
            PERFORM hybriddb_sync.hybriddb_capture_publish(r.tbl);
        END LOOP;
    ELSE
        FOR r IN SELECT * FROM hybriddb_sync.hybriddb_capture_tables LOOP
            PERFORM hybriddb_outbox_attach_triggers(r.tbl, array_to_string(r.key_columns, ','),
                                                    array_to_string(r.old_columns, ','), array_to_string(r.secret_columns, ','));
            IF EXISTS (SELECT 1 FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                WHERE p.pubname = 'hybriddb_capture' AND pr.prrelid = r.tbl) THEN
                EXECUTE format('ALTER PUBLICATION hybriddb_capture DROP TABLE %s', r.tbl);
            END IF;
            EXECUTE format('ALTER TABLE %s REPLICA IDENTITY DEFAULT', r.tbl);
        END LOOP;
    END IF;
    UPDATE hybriddb_sync.hybriddb_capture_settings SET mode = hybriddb_capture_use.mode;
END
$$;
COMMENT ON FUNCTION hybriddb_capture_use(text) IS 'Switches change capture of every attached table: triggers (row triggers write the outbox) or wal (WalCapture writes it from the slot hybriddb_capture_slot(); needs wal_level=logical).';
REVOKE ALL ON FUNCTION hybriddb_capture_use(text) FROM PUBLIC;
--rollback SELECT hybriddb_capture_use('triggers');
--rollback DROP FUNCTION hybriddb_capture_use(text);
