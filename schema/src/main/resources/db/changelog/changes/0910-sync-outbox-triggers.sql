--liquibase formatted sql

-- Outbox triggers on every table of the default projection (sync module, Projection.defaults()).
-- Key columns first; then, for join tables, the owner column whose old value an UPDATE must keep
-- (the edge leaves its old owner); then secret columns never copied into the outbox.

--changeset hybriddb:0910-outbox-triggers
SELECT hybriddb_outbox_attach('users', 'id');
SELECT hybriddb_outbox_attach('guests', 'id');
SELECT hybriddb_outbox_attach('teams', 'id');
SELECT hybriddb_outbox_attach('team_members', 'id', 'user_id');
SELECT hybriddb_outbox_attach('apps', 'id');
SELECT hybriddb_outbox_attach('kanban_boards', 'id');
SELECT hybriddb_outbox_attach('task_states', 'id');
SELECT hybriddb_outbox_attach('projects', 'id');
SELECT hybriddb_outbox_attach('project_dependencies', 'id', 'from_project_id');
SELECT hybriddb_outbox_attach('swarms', 'id');
SELECT hybriddb_outbox_attach('agents', 'id');
SELECT hybriddb_outbox_attach('tasks', 'id');
SELECT hybriddb_outbox_attach('task_dependencies', 'id', 'task_id');
SELECT hybriddb_outbox_attach('agent_executions', 'id', 'task_id');
SELECT hybriddb_outbox_attach('api_keys', 'id', '', 'ciphertext,nonce');
--rollback SELECT hybriddb_outbox_detach('api_keys');
--rollback SELECT hybriddb_outbox_detach('agent_executions');
--rollback SELECT hybriddb_outbox_detach('task_dependencies');
--rollback SELECT hybriddb_outbox_detach('tasks');
--rollback SELECT hybriddb_outbox_detach('agents');
--rollback SELECT hybriddb_outbox_detach('swarms');
--rollback SELECT hybriddb_outbox_detach('project_dependencies');
--rollback SELECT hybriddb_outbox_detach('projects');
--rollback SELECT hybriddb_outbox_detach('task_states');
--rollback SELECT hybriddb_outbox_detach('kanban_boards');
--rollback SELECT hybriddb_outbox_detach('apps');
--rollback SELECT hybriddb_outbox_detach('team_members');
--rollback SELECT hybriddb_outbox_detach('teams');
--rollback SELECT hybriddb_outbox_detach('guests');
--rollback SELECT hybriddb_outbox_detach('users');
