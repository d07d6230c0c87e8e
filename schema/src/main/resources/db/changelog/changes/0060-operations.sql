--liquibase formatted sql

-- The agents' operational data (seeds 001 and 002): executions, the event log, session trees,
-- budgets and API keys (ciphertext only).

--changeset hybriddb:0060-execution-result-enum
CREATE TYPE execution_result AS ENUM ('success', 'failure', 'cancelled', 'timeout');
--rollback DROP TYPE execution_result;

--changeset hybriddb:0060-agent-executions
--comment: One run of an agent on a task; result stays NULL while it runs.
CREATE TABLE agent_executions (
    id          uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_id    uuid             NOT NULL,
    task_id     uuid             NOT NULL,
    result      execution_result,
    model       text,
    output      jsonb,
    error       text,
    started_at  timestamptz      NOT NULL DEFAULT now(),
    finished_at timestamptz,
    duration_ms bigint           CHECK (duration_ms >= 0),
    tokens      bigint           NOT NULL DEFAULT 0 CHECK (tokens >= 0),
    cost        numeric(14, 6)   NOT NULL DEFAULT 0 CHECK (cost >= 0),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT agent_executions_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT agent_executions_finished_after_start CHECK (finished_at IS NULL OR finished_at >= started_at),
    CONSTRAINT agent_executions_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT agent_executions_task_fk FOREIGN KEY (tenant_id, task_id)
        REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_executions_agent_started_idx ON agent_executions (agent_id, started_at DESC);
CREATE INDEX agent_executions_task_id_idx ON agent_executions (task_id);

ALTER TABLE agent_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_executions FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_executions_tenant_isolation ON agent_executions
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_executions TO ${app_role};
--rollback DROP TABLE agent_executions;

--changeset hybriddb:0060-events
--comment: Append-mostly event log (time series), e.g. type 'agent.spawned'.
CREATE TABLE events (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type        text        NOT NULL,
    swarm_id    uuid,
    agent_id    uuid,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_type_not_blank CHECK (length(btrim(type)) > 0),
    CONSTRAINT events_swarm_fk FOREIGN KEY (tenant_id, swarm_id)
        REFERENCES swarms (tenant_id, id) ON DELETE SET NULL (swarm_id),
    CONSTRAINT events_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX events_tenant_created_idx ON events (tenant_id, created_at DESC);
CREATE INDEX events_type_idx ON events (type);
CREATE INDEX events_swarm_created_idx ON events (swarm_id, created_at DESC);
CREATE INDEX events_agent_created_idx ON events (agent_id, created_at DESC);

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_tenant_isolation ON events
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON events TO ${app_role};
--rollback DROP TABLE events;

--changeset hybriddb:0060-sessions
CREATE TABLE sessions (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    swarm_id        uuid,
    agent_id        uuid,
    tree_data       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    current_branch  text        NOT NULL DEFAULT 'main',
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sessions_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT sessions_swarm_fk FOREIGN KEY (tenant_id, swarm_id)
        REFERENCES swarms (tenant_id, id) ON DELETE SET NULL (swarm_id),
    CONSTRAINT sessions_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX sessions_swarm_id_idx ON sessions (swarm_id);
CREATE INDEX sessions_agent_id_idx ON sessions (agent_id);
CREATE TRIGGER sessions_touch_updated_at BEFORE UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_tenant_isolation ON sessions
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO ${app_role};
--rollback DROP TABLE sessions;

--changeset hybriddb:0060-budgets
--comment: A budget for a scope (swarm, agent, project, tenant). The CHECKs make overspending impossible.
CREATE TABLE budgets (
    id              uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    swarm_id        uuid,
    scope_type      text           NOT NULL DEFAULT 'swarm',
    scope_id        uuid,
    allocated       numeric(14, 4) NOT NULL DEFAULT 0,
    consumed        numeric(14, 4) NOT NULL DEFAULT 0,
    max_tokens      bigint,
    consumed_tokens bigint         NOT NULL DEFAULT 0,
    currency        char(3)        NOT NULL DEFAULT 'USD',
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT budgets_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT budgets_scope_type_check CHECK (scope_type IN ('tenant', 'project', 'swarm', 'agent', 'task')),
    CONSTRAINT budgets_allocated_non_negative CHECK (allocated >= 0),
    CONSTRAINT budgets_consumed_non_negative CHECK (consumed >= 0),
    CONSTRAINT budgets_consumed_within_allocated CHECK (consumed <= allocated),
    CONSTRAINT budgets_max_tokens_non_negative CHECK (max_tokens >= 0),
    CONSTRAINT budgets_consumed_tokens_non_negative CHECK (consumed_tokens >= 0),
    CONSTRAINT budgets_tokens_within_max CHECK (max_tokens IS NULL OR consumed_tokens <= max_tokens),
    CONSTRAINT budgets_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT budgets_swarm_fk FOREIGN KEY (tenant_id, swarm_id)
        REFERENCES swarms (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX budgets_swarm_id_idx ON budgets (swarm_id);
CREATE INDEX budgets_scope_idx ON budgets (tenant_id, scope_type, scope_id);
CREATE TRIGGER budgets_touch_updated_at BEFORE UPDATE ON budgets
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE budgets FORCE ROW LEVEL SECURITY;
CREATE POLICY budgets_tenant_isolation ON budgets
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON budgets TO ${app_role};
--rollback DROP TABLE budgets;

--changeset hybriddb:0060-api-keys
--comment: Secrets are stored only as AES-GCM ciphertext with their nonce and the version of the key that encrypted them.
CREATE TABLE api_keys (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_id        uuid,
    service         text        NOT NULL,
    description     text,
    ciphertext      bytea       NOT NULL,
    nonce           bytea       NOT NULL,
    key_version     integer     NOT NULL DEFAULT 1 CHECK (key_version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT api_keys_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT api_keys_service_not_blank CHECK (length(btrim(service)) > 0),
    CONSTRAINT api_keys_nonce_length CHECK (octet_length(nonce) BETWEEN 12 AND 16),
    CONSTRAINT api_keys_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX api_keys_agent_id_idx ON api_keys (agent_id);
CREATE INDEX api_keys_service_idx ON api_keys (tenant_id, service);
CREATE TRIGGER api_keys_touch_updated_at BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY api_keys_tenant_isolation ON api_keys
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO ${app_role};
--rollback DROP TABLE api_keys;
