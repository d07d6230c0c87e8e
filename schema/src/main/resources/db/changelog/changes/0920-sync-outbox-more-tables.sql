--liquibase formatted sql

-- Outbox triggers on the tables added to the default projection after 0910 (sync module,
-- Projection.defaults()): contributors, assets, contributions (a join table: edges owned by the
-- contributor), lessons and agent_tasks (varchar key). Same convention as 0910: key columns, then
-- the owner column whose old value an UPDATE keeps. None of these tables holds a secret column.

--changeset hybriddb:0920-outbox-more-triggers
SELECT hybriddb_outbox_attach('contributors', 'id');
SELECT hybriddb_outbox_attach('assets', 'id');
SELECT hybriddb_outbox_attach('contributions', 'id', 'contributor_id');
SELECT hybriddb_outbox_attach('lessons', 'id');
SELECT hybriddb_outbox_attach('agent_tasks', 'id');
--rollback SELECT hybriddb_outbox_detach('agent_tasks');
--rollback SELECT hybriddb_outbox_detach('lessons');
--rollback SELECT hybriddb_outbox_detach('contributions');
--rollback SELECT hybriddb_outbox_detach('assets');
--rollback SELECT hybriddb_outbox_detach('contributors');
