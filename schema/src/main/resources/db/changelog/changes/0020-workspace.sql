--liquibase formatted sql

-- Workspace (seed 000): users, guests, teams and their members, apps, kanban boards and their
-- columns (task_states). Tasks follow in 0050 once agents and projects exist.
-- Every tenant-scoped table: tenant_id NOT NULL -> tenants ON DELETE CASCADE, UNIQUE (tenant_id, id)
-- so that child rows reference parents of the same tenant only (composite foreign keys), and RLS.

--changeset hybriddb:0020-users
CREATE TABLE users (
    id                      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id               uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                    text        NOT NULL,
    email                   text,
    role                    text        NOT NULL DEFAULT 'member',
    is_available_for_hire   boolean     NOT NULL DEFAULT false,
    hourly_rate             numeric(10, 2) CHECK (hourly_rate >= 0),
    expertise               text[]      NOT NULL DEFAULT '{}',
    metadata                jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT users_tenant_email_key UNIQUE (tenant_id, email)
);
CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_tenant_isolation ON users
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO ${app_role};
--rollback DROP TABLE users;

--changeset hybriddb:0020-guests
CREATE TABLE guests (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text,
    email       text,
    fingerprint text,
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT guests_tenant_id_id_key UNIQUE (tenant_id, id)
);
CREATE TRIGGER guests_touch_updated_at BEFORE UPDATE ON guests
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE guests ENABLE ROW LEVEL SECURITY;
ALTER TABLE guests FORCE ROW LEVEL SECURITY;
CREATE POLICY guests_tenant_isolation ON guests
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON guests TO ${app_role};
--rollback DROP TABLE guests;

--changeset hybriddb:0020-teams
CREATE TABLE teams (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    owner_id    uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT teams_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX teams_owner_id_idx ON teams (owner_id);
CREATE INDEX teams_name_trgm_idx ON teams USING gin (name gin_trgm_ops);
CREATE TRIGGER teams_touch_updated_at BEFORE UPDATE ON teams
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY teams_tenant_isolation ON teams
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON teams TO ${app_role};
--rollback DROP TABLE teams;

--changeset hybriddb:0020-team-members
CREATE TABLE team_members (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    team_id     uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    role        text        NOT NULL DEFAULT 'member',
    joined_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_members_team_user_key UNIQUE (team_id, user_id),
    CONSTRAINT team_members_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT team_members_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_tenant_idx ON team_members (tenant_id);
CREATE INDEX team_members_user_id_idx ON team_members (user_id);

ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY team_members_tenant_isolation ON team_members
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON team_members TO ${app_role};
--rollback DROP TABLE team_members;

--changeset hybriddb:0020-apps
CREATE TABLE apps (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    user_id     uuid,
    team_id     uuid,
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT apps_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT apps_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id),
    CONSTRAINT apps_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id)
);
CREATE INDEX apps_user_id_idx ON apps (user_id);
CREATE INDEX apps_team_id_idx ON apps (team_id);
CREATE INDEX apps_name_trgm_idx ON apps USING gin (name gin_trgm_ops);
CREATE TRIGGER apps_touch_updated_at BEFORE UPDATE ON apps
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE apps FORCE ROW LEVEL SECURITY;
CREATE POLICY apps_tenant_isolation ON apps
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON apps TO ${app_role};
--rollback DROP TABLE apps;

--changeset hybriddb:0020-kanban-boards
CREATE TABLE kanban_boards (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    user_id     uuid,
    team_id     uuid,
    app_id      uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT kanban_boards_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT kanban_boards_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id),
    CONSTRAINT kanban_boards_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    CONSTRAINT kanban_boards_app_fk FOREIGN KEY (tenant_id, app_id)
        REFERENCES apps (tenant_id, id) ON DELETE SET NULL (app_id)
);
CREATE INDEX kanban_boards_user_id_idx ON kanban_boards (user_id);
CREATE INDEX kanban_boards_team_id_idx ON kanban_boards (team_id);
CREATE INDEX kanban_boards_app_id_idx ON kanban_boards (app_id);
CREATE TRIGGER kanban_boards_touch_updated_at BEFORE UPDATE ON kanban_boards
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE kanban_boards ENABLE ROW LEVEL SECURITY;
ALTER TABLE kanban_boards FORCE ROW LEVEL SECURITY;
CREATE POLICY kanban_boards_tenant_isolation ON kanban_boards
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON kanban_boards TO ${app_role};
--rollback DROP TABLE kanban_boards;

--changeset hybriddb:0020-task-states
--comment: The columns of a kanban board.
CREATE TABLE task_states (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    board_id    uuid        NOT NULL,
    name        text        NOT NULL,
    position    integer     NOT NULL DEFAULT 0,
    color       text,
    wip_limit   integer     CHECK (wip_limit > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT task_states_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT task_states_board_fk FOREIGN KEY (tenant_id, board_id)
        REFERENCES kanban_boards (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX task_states_board_id_idx ON task_states (board_id, position);
CREATE TRIGGER task_states_touch_updated_at BEFORE UPDATE ON task_states
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE task_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_states FORCE ROW LEVEL SECURITY;
CREATE POLICY task_states_tenant_isolation ON task_states
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON task_states TO ${app_role};
--rollback DROP TABLE task_states;
