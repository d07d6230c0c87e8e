--liquibase formatted sql

-- A third capture mode, 'manual': the application syncs explicitly (HybridDB's manual sync mode),
-- so no trigger writes outbox rows that nobody would consume. Switching from manual back to
-- 'triggers' or 'wal' queues one rebuild of every registered tenant graph (a TRUNCATE marker row,
-- which the consumer answers by rebuilding them from PostgreSQL), since writes made while in
-- manual mode were not captured.

--changeset hybriddb:1030-capture-settings-manual
ALTER TABLE hybriddb_sync.hybriddb_capture_settings DROP CONSTRAINT hybriddb_capture_settings_mode_check;
ALTER TABLE hybriddb_sync.hybriddb_capture_settings ADD CONSTRAINT hybriddb_capture_settings_mode_check
    CHECK (mode IN ('triggers', 'wal', 'manual'));
--rollback ALTER TABLE hybriddb_sync.hybriddb_capture_settings DROP CONSTRAINT hybriddb_capture_settings_mode_check;
--rollback ALTER TABLE hybriddb_sync.hybriddb_capture_settings ADD CONSTRAINT hybriddb_capture_settings_mode_check CHECK (mode IN ('triggers', 'wal'));

--changeset hybriddb:1030-capture-use-manual splitStatements:false
--comment: hybriddb_capture_use gains 'manual' (no capture at all); leaving manual queues a rebuild of every registered tenant graph.
CREATE OR REPLACE FUNCTION hybriddb_capture_use(mode text) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    r        record;
    previous text := hybriddb_capture_mode();
BEGIN
    IF mode NOT IN ('triggers', 'wal', 'manual') THEN
        RAISE EXCEPTION 'hybriddb_capture_use: mode must be triggers, wal or manual, not %', mode USING ERRCODE = '22023';
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
            IF mode = 'manual' THEN
                PERFORM hybriddb_outbox_detach_triggers(r.tbl);
            ELSE
                PERFORM hybriddb_outbox_attach_triggers(r.tbl, array_to_string(r.key_columns, ','),
                                                        array_to_string(r.old_columns, ','), array_to_string(r.secret_columns, ','));
            END IF;
            IF EXISTS (SELECT 1 FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                WHERE p.pubname = 'hybriddb_capture' AND pr.prrelid = r.tbl) THEN
                EXECUTE format('ALTER PUBLICATION hybriddb_capture DROP TABLE %s', r.tbl);
            END IF;
            EXECUTE format('ALTER TABLE %s REPLICA IDENTITY DEFAULT', r.tbl);
        END LOOP;
    END IF;
    IF previous = 'manual' AND mode <> 'manual' THEN
        INSERT INTO hybriddb_sync.hybriddb_outbox (tenant_id, table_name, op, row_key)
        SELECT NULL, 'tasks', 'T', '{}'::jsonb
         WHERE EXISTS (SELECT 1 FROM hybriddb_sync.hybriddb_graph_tenants);
    END IF;
    UPDATE hybriddb_sync.hybriddb_capture_settings SET mode = hybriddb_capture_use.mode;
END
$$;
COMMENT ON FUNCTION hybriddb_capture_use(text) IS 'Switches change capture of every attached table: triggers (row triggers write the outbox), wal (WalCapture writes it from the slot hybriddb_capture_slot(); needs wal_level=logical) or manual (nothing is captured; the application syncs explicitly). Leaving manual queues a rebuild of every registered tenant graph.';
REVOKE ALL ON FUNCTION hybriddb_capture_use(text) FROM PUBLIC;
--rollback SELECT 1;
