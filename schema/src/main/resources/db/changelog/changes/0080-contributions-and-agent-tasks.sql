--liquibase formatted sql

-- Contribution accounting and agent task orchestration (seed 003), tenant-scoped.

--changeset hybriddb:0080-contributors
CREATE TABLE contributors (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    email           text,
    github_username text,
    wallet_address  text,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contributors_tenant_id_id_key UNIQUE (tenant_id, id)
);
CREATE INDEX contributors_github_idx ON contributors (github_username);
CREATE INDEX contributors_email_idx ON contributors (email);
CREATE INDEX contributors_created_idx ON contributors (created_at DESC);
CREATE INDEX contributors_name_trgm_idx ON contributors USING gin (name gin_trgm_ops);
CREATE TRIGGER contributors_touch_updated_at BEFORE UPDATE ON contributors
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE contributors ENABLE ROW LEVEL SECURITY;
ALTER TABLE contributors FORCE ROW LEVEL SECURITY;
CREATE POLICY contributors_tenant_isolation ON contributors
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON contributors TO ${app_role};
--rollback DROP TABLE contributors;

--changeset hybriddb:0080-assets
--comment: total_cost is maintained by the contributions trigger; do not write it directly.
CREATE TABLE assets (
    id          uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text           NOT NULL,
    description text,
    asset_type  text           NOT NULL,
    total_cost  numeric(15, 2) NOT NULL DEFAULT 0,
    metadata    jsonb          NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT assets_tenant_id_id_key UNIQUE (tenant_id, id)
);
CREATE INDEX assets_type_idx ON assets (asset_type);
CREATE INDEX assets_created_idx ON assets (created_at DESC);
CREATE INDEX assets_total_cost_idx ON assets (total_cost DESC);
CREATE INDEX assets_name_trgm_idx ON assets USING gin (name gin_trgm_ops);
CREATE INDEX assets_description_trgm_idx ON assets USING gin (description gin_trgm_ops);
CREATE TRIGGER assets_touch_updated_at BEFORE UPDATE ON assets
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE assets FORCE ROW LEVEL SECURITY;
CREATE POLICY assets_tenant_isolation ON assets
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON assets TO ${app_role};
--rollback DROP TABLE assets;

--changeset hybriddb:0080-contributions
CREATE TABLE contributions (
    id              uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    contributor_id  uuid           NOT NULL,
    asset_id        uuid           NOT NULL,
    cost_amount     numeric(15, 2) NOT NULL CHECK (cost_amount >= 0),
    coherence_score numeric(3, 2)  NOT NULL CHECK (coherence_score >= 0 AND coherence_score <= 1),
    metadata        jsonb          NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT contributions_contributor_fk FOREIGN KEY (tenant_id, contributor_id)
        REFERENCES contributors (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT contributions_asset_fk FOREIGN KEY (tenant_id, asset_id)
        REFERENCES assets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contributions_tenant_idx ON contributions (tenant_id);
CREATE INDEX contributions_contributor_idx ON contributions (contributor_id);
CREATE INDEX contributions_asset_idx ON contributions (asset_id);
CREATE INDEX contributions_created_idx ON contributions (created_at DESC);
CREATE INDEX contributions_coherence_idx ON contributions (coherence_score DESC);

ALTER TABLE contributions ENABLE ROW LEVEL SECURITY;
ALTER TABLE contributions FORCE ROW LEVEL SECURITY;
CREATE POLICY contributions_tenant_isolation ON contributions
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON contributions TO ${app_role};
--rollback DROP TABLE contributions;

--changeset hybriddb:0080-contributions-asset-cost-trigger splitStatements:false
--comment: Keeps assets.total_cost equal to the sum of its contributions on insert, update (amount or asset) and delete.
CREATE OR REPLACE FUNCTION hybriddb_contributions_asset_cost() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE assets
           SET total_cost = total_cost - OLD.cost_amount
         WHERE id = OLD.asset_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE assets
           SET total_cost = total_cost + NEW.cost_amount
         WHERE id = NEW.asset_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER contributions_asset_cost
    AFTER INSERT OR DELETE OR UPDATE OF cost_amount, asset_id ON contributions
    FOR EACH ROW EXECUTE FUNCTION hybriddb_contributions_asset_cost();
--rollback DROP TRIGGER contributions_asset_cost ON contributions;
--rollback DROP FUNCTION hybriddb_contributions_asset_cost();

--changeset hybriddb:0080-agent-task-enums
CREATE TYPE agent_task_type AS ENUM ('spec', 'test', 'impl', 'review', 'heal');
CREATE TYPE agent_task_status AS ENUM ('pending', 'running', 'completed', 'failed', 'needs_decision');
--rollback DROP TYPE agent_task_status;
--rollback DROP TYPE agent_task_type;

--changeset hybriddb:0080-agent-tasks
--comment: Orchestrated agent work items (seed 003). The id is chosen by the caller (e.g. 'task_abc123').
CREATE TABLE agent_tasks (
    id              varchar(50)       PRIMARY KEY,
    tenant_id       uuid              NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_id        uuid,
    direction       text              NOT NULL,
    task_type       agent_task_type   NOT NULL,
    status          agent_task_status NOT NULL DEFAULT 'pending',
    model           varchar(100)      NOT NULL,
    command         text              NOT NULL,
    output          text,
    context         jsonb             NOT NULL DEFAULT '{}'::jsonb,
    progress_pct    integer           CHECK (progress_pct >= 0 AND progress_pct <= 100),
    current_step    text,
    decision_prompt text,
    decision        text,
    tier            varchar(50),
    started_at      timestamptz,
    created_at      timestamptz       NOT NULL DEFAULT now(),
    updated_at      timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT agent_tasks_direction_not_empty CHECK (length(btrim(direction)) > 0),
    CONSTRAINT agent_tasks_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX agent_tasks_tenant_idx ON agent_tasks (tenant_id);
CREATE INDEX agent_tasks_agent_id_idx ON agent_tasks (agent_id);
CREATE INDEX agent_tasks_status_idx ON agent_tasks (status);
CREATE INDEX agent_tasks_type_idx ON agent_tasks (task_type);
CREATE INDEX agent_tasks_created_idx ON agent_tasks (created_at DESC);
CREATE INDEX agent_tasks_updated_idx ON agent_tasks (updated_at DESC);
CREATE INDEX agent_tasks_status_type_idx ON agent_tasks (status, task_type);
-- The "attention" queue: tasks waiting for a human decision or that failed.
CREATE INDEX agent_tasks_attention_idx ON agent_tasks (status, created_at DESC)
    WHERE status IN ('needs_decision', 'failed');
CREATE TRIGGER agent_tasks_touch_updated_at BEFORE UPDATE ON agent_tasks
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE agent_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_tasks_tenant_isolation ON agent_tasks
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_tasks TO ${app_role};
--rollback DROP TABLE agent_tasks;
