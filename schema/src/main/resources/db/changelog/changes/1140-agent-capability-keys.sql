--liquibase formatted sql

-- Capability matching by index. An agent's capabilities as matching keys: trimmed, lower case,
-- distinct, blanks left out (the normalization coordination applies when it compares an agent's
-- capabilities with a task's). A generated column, so every writer keeps it right; the sync
-- projects it onto Agent nodes, where the graph indexes it too.

--changeset hybriddb-graph:1140-capability-keys-function
CREATE FUNCTION hybriddb_capability_keys(caps text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT k), '{}'::text[])
    FROM (SELECT lower(btrim(c, E' \t\n\r\f\v')) AS k FROM unnest(caps) AS c) s
    WHERE k <> ''
$$;
--rollback DROP FUNCTION hybriddb_capability_keys(text[]);

--changeset hybriddb-graph:1140-agents-capability-keys
ALTER TABLE agents ADD COLUMN capability_keys text[]
    GENERATED ALWAYS AS (hybriddb_capability_keys(capabilities)) STORED;
CREATE INDEX agents_capability_keys_idx ON agents USING gin (capability_keys);
--rollback ALTER TABLE agents DROP COLUMN capability_keys;
