--liquibase formatted sql

-- Swarms and agents (seeds 000, 001, 002). A project manager is an agent whose role is
-- 'project_manager'; manager_id links a managed agent to its manager.

--changeset hybriddb:0040-agent-enums
CREATE TYPE swarm_status AS ENUM ('active', 'paused', 'completed', 'failed', 'terminated');
CREATE TYPE agent_role AS ENUM ('project_manager', 'coordinator', 'planner', 'architect', 'coder',
    'reviewer', 'tester', 'researcher', 'designer', 'devops', 'worker');
CREATE TYPE agent_status AS ENUM ('idle', 'active', 'pending', 'running', 'busy', 'paused',
    'completed', 'failed', 'terminated');
--rollback DROP TYPE agent_status;
--rollback DROP TYPE agent_role;
--rollback DROP TYPE swarm_status;

--changeset hybriddb:0040-swarms
CREATE TABLE swarms (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text         NOT NULL,
    description text,
    status      swarm_status NOT NULL DEFAULT 'active',
    config      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    metadata    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT swarms_tenant_id_id_key UNIQUE (tenant_id, id)
);
CREATE INDEX swarms_status_idx ON swarms (tenant_id, status);
CREATE INDEX swarms_name_trgm_idx ON swarms USING gin (name gin_trgm_ops);
CREATE TRIGGER swarms_touch_updated_at BEFORE UPDATE ON swarms
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE swarms ENABLE ROW LEVEL SECURITY;
ALTER TABLE swarms FORCE ROW LEVEL SECURITY;
CREATE POLICY swarms_tenant_isolation ON swarms
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON swarms TO ${app_role};
--rollback DROP TABLE swarms;

--changeset hybriddb:0040-agents
CREATE TABLE agents (
    id              uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    swarm_id        uuid,
    name            text             NOT NULL,
    role            agent_role       NOT NULL DEFAULT 'worker',
    model           text,
    task            text,
    status          agent_status     NOT NULL DEFAULT 'idle',
    lifecycle_state text             NOT NULL DEFAULT 'created',
    capabilities    text[]           NOT NULL DEFAULT '{}',
    pos_x           double precision NOT NULL DEFAULT 0,
    pos_y           double precision NOT NULL DEFAULT 0,
    pos_z           double precision NOT NULL DEFAULT 0,
    manager_id      uuid,
    paused_by       text,
    paused_at       timestamptz,
    config          jsonb            NOT NULL DEFAULT '{}'::jsonb,
    metadata        jsonb            NOT NULL DEFAULT '{}'::jsonb,
    started_at      timestamptz,
    completed_at    timestamptz,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT agents_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT agents_not_own_manager CHECK (manager_id <> id),
    CONSTRAINT agents_swarm_fk FOREIGN KEY (tenant_id, swarm_id)
        REFERENCES swarms (tenant_id, id) ON DELETE SET NULL (swarm_id),
    CONSTRAINT agents_manager_fk FOREIGN KEY (tenant_id, manager_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (manager_id)
);
CREATE INDEX agents_swarm_id_idx ON agents (swarm_id);
CREATE INDEX agents_manager_id_idx ON agents (manager_id);
CREATE INDEX agents_status_idx ON agents (tenant_id, status);
CREATE INDEX agents_role_idx ON agents (tenant_id, role);
CREATE INDEX agents_capabilities_idx ON agents USING gin (capabilities);
CREATE INDEX agents_name_trgm_idx ON agents USING gin (name gin_trgm_ops);
CREATE TRIGGER agents_touch_updated_at BEFORE UPDATE ON agents
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
CREATE POLICY agents_tenant_isolation ON agents
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON agents TO ${app_role};
--rollback DROP TABLE agents;
