--liquibase formatted sql

-- Durable rebuild requests (sync). Until now a real-time consumer kept the tenant graphs it had to
-- rebuild after a graph server restart in memory only: a consumer killed during that rebuild lost
-- it, and its replacement never knew. Now a needed rebuild is a row state in PostgreSQL:
-- 1. hybriddb_graph_tenants.rebuild_requested_at / rebuild_reason: set (committed) before a
--    rebuild starts, by the consumer that noticed a graph server restart (every registered tenant)
--    or found a tenant's graph missing or not matching PostgreSQL; cleared by the transaction that
--    completes the rebuild, under the tenant's sync lock, and only if no newer request came in
--    meanwhile. Any consumer in any process finishes a rebuild another one began.
-- A TRUNCATE needs none of this: its outbox row ('T', changelog 0960) stays until the rebuilds it
-- causes have committed.

--changeset hybriddb:1010-graph-tenants-rebuild-requests
ALTER TABLE hybriddb_sync.hybriddb_graph_tenants
    ADD COLUMN rebuild_requested_at timestamptz,
    ADD COLUMN rebuild_reason       text;
CREATE INDEX hybriddb_graph_tenants_rebuild_idx ON hybriddb_sync.hybriddb_graph_tenants (rebuild_requested_at)
    WHERE rebuild_requested_at IS NOT NULL;
COMMENT ON COLUMN hybriddb_sync.hybriddb_graph_tenants.rebuild_requested_at IS 'Set when the tenant graph must be rebuilt from PostgreSQL (graph server restart, graph missing or not matching); cleared by the transaction that completes the rebuild. Null: nothing pending.';
COMMENT ON COLUMN hybriddb_sync.hybriddb_graph_tenants.rebuild_reason IS 'Why the pending rebuild was requested (for operators); null when none is pending.';
--rollback DROP INDEX hybriddb_sync.hybriddb_graph_tenants_rebuild_idx;
--rollback ALTER TABLE hybriddb_sync.hybriddb_graph_tenants DROP COLUMN rebuild_reason, DROP COLUMN rebuild_requested_at;
