--liquibase formatted sql

-- Tasks (seeds 000 and 002, unified): kanban cards (task_state_id is the column) that agents are
-- assigned to and coordinate, and their dependencies.

--changeset hybriddb:0050-task-enums
CREATE TYPE task_type AS ENUM ('feature', 'bugfix', 'refactor', 'docs', 'config', 'test', 'chore');
CREATE TYPE task_status AS ENUM ('pending', 'analyzing', 'orchestrating', 'agent_working',
    'in_progress', 'blocked', 'awaiting_approval', 'completing', 'completed', 'failed', 'aborted');
--rollback DROP TYPE task_status;
--rollback DROP TYPE task_type;

--changeset hybriddb:0050-tasks
CREATE TABLE tasks (
    id                      uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id               uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    title                   text             NOT NULL,
    description             text,
    type                    task_type        NOT NULL DEFAULT 'feature',
    status                  task_status      NOT NULL DEFAULT 'pending',
    priority                integer          NOT NULL DEFAULT 0,
    task_state_id           uuid,
    board_id                uuid,
    app_id                  uuid,
    user_id                 uuid,
    project_id              uuid,
    assigned_agent_id       uuid,
    coordinator_id          uuid,
    required_capabilities   text[]           NOT NULL DEFAULT '{}',
    pos_x                   double precision NOT NULL DEFAULT 0,
    pos_y                   double precision NOT NULL DEFAULT 0,
    pos_z                   double precision NOT NULL DEFAULT 0,
    prompt                  text,
    analysis                jsonb,
    current_agent           text,
    completed_agents        text[]           NOT NULL DEFAULT '{}',
    agent_queue             text[]           NOT NULL DEFAULT '{}',
    retry_count             integer          NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    max_retries             integer          NOT NULL DEFAULT 3 CHECK (max_retries >= 0),
    error                   jsonb,
    checkpoints             jsonb            NOT NULL DEFAULT '[]'::jsonb,
    due_at                  timestamptz,
    started_at              timestamptz,
    completed_at            timestamptz,
    created_at              timestamptz      NOT NULL DEFAULT now(),
    updated_at              timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT tasks_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT tasks_title_not_blank CHECK (length(btrim(title)) > 0),
    CONSTRAINT tasks_task_state_fk FOREIGN KEY (tenant_id, task_state_id)
        REFERENCES task_states (tenant_id, id) ON DELETE SET NULL (task_state_id),
    CONSTRAINT tasks_board_fk FOREIGN KEY (tenant_id, board_id)
        REFERENCES kanban_boards (tenant_id, id) ON DELETE SET NULL (board_id),
    CONSTRAINT tasks_app_fk FOREIGN KEY (tenant_id, app_id)
        REFERENCES apps (tenant_id, id) ON DELETE SET NULL (app_id),
    CONSTRAINT tasks_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id),
    CONSTRAINT tasks_project_fk FOREIGN KEY (tenant_id, project_id)
        REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT tasks_assigned_agent_fk FOREIGN KEY (tenant_id, assigned_agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (assigned_agent_id),
    CONSTRAINT tasks_coordinator_fk FOREIGN KEY (tenant_id, coordinator_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (coordinator_id)
);
CREATE INDEX tasks_status_idx ON tasks (tenant_id, status);
CREATE INDEX tasks_task_state_id_idx ON tasks (task_state_id);
CREATE INDEX tasks_board_id_idx ON tasks (board_id);
CREATE INDEX tasks_app_id_idx ON tasks (app_id);
CREATE INDEX tasks_user_id_idx ON tasks (user_id);
CREATE INDEX tasks_project_id_idx ON tasks (project_id);
CREATE INDEX tasks_assigned_agent_id_idx ON tasks (assigned_agent_id);
CREATE INDEX tasks_coordinator_id_idx ON tasks (coordinator_id);
CREATE INDEX tasks_title_trgm_idx ON tasks USING gin (title gin_trgm_ops);
CREATE INDEX tasks_description_trgm_idx ON tasks USING gin (description gin_trgm_ops);
CREATE TRIGGER tasks_touch_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_tenant_isolation ON tasks
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON tasks TO ${app_role};
--rollback DROP TABLE tasks;

--changeset hybriddb:0050-task-dependencies
--comment: task_id is blocked by depends_on_task_id. No self edges, no duplicates.
CREATE TABLE task_dependencies (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    task_id             uuid        NOT NULL,
    depends_on_task_id  uuid        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT task_dependencies_task_depends_on_key UNIQUE (task_id, depends_on_task_id),
    CONSTRAINT task_dependencies_no_self CHECK (task_id <> depends_on_task_id),
    CONSTRAINT task_dependencies_task_fk FOREIGN KEY (tenant_id, task_id)
        REFERENCES tasks (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT task_dependencies_depends_on_fk FOREIGN KEY (tenant_id, depends_on_task_id)
        REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX task_dependencies_tenant_idx ON task_dependencies (tenant_id);
CREATE INDEX task_dependencies_depends_on_idx ON task_dependencies (depends_on_task_id);

ALTER TABLE task_dependencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_dependencies FORCE ROW LEVEL SECURITY;
CREATE POLICY task_dependencies_tenant_isolation ON task_dependencies
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON task_dependencies TO ${app_role};
--rollback DROP TABLE task_dependencies;
