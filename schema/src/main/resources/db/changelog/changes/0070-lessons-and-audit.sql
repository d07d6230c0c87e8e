--liquibase formatted sql

-- Knowledge and accountability (seed 002): lessons learned and the audit log.

--changeset hybriddb:0070-lessons
CREATE TABLE lessons (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    project_id      uuid,
    task_id         uuid,
    agent_id        uuid,
    title           text        NOT NULL,
    content         text        NOT NULL,
    category        text,
    tags            text[]      NOT NULL DEFAULT '{}',
    confidence      numeric(3, 2) CHECK (confidence BETWEEN 0 AND 1),
    applied_count   integer     NOT NULL DEFAULT 0 CHECK (applied_count >= 0),
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lessons_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT lessons_project_fk FOREIGN KEY (tenant_id, project_id)
        REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT lessons_task_fk FOREIGN KEY (tenant_id, task_id)
        REFERENCES tasks (tenant_id, id) ON DELETE SET NULL (task_id),
    CONSTRAINT lessons_agent_fk FOREIGN KEY (tenant_id, agent_id)
        REFERENCES agents (tenant_id, id) ON DELETE SET NULL (agent_id)
);
CREATE INDEX lessons_project_id_idx ON lessons (project_id);
CREATE INDEX lessons_task_id_idx ON lessons (task_id);
CREATE INDEX lessons_agent_id_idx ON lessons (agent_id);
CREATE INDEX lessons_tags_idx ON lessons USING gin (tags);
CREATE INDEX lessons_title_trgm_idx ON lessons USING gin (title gin_trgm_ops);
CREATE INDEX lessons_content_trgm_idx ON lessons USING gin (content gin_trgm_ops);
CREATE TRIGGER lessons_touch_updated_at BEFORE UPDATE ON lessons
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE lessons ENABLE ROW LEVEL SECURITY;
ALTER TABLE lessons FORCE ROW LEVEL SECURITY;
CREATE POLICY lessons_tenant_isolation ON lessons
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON lessons TO ${app_role};
--rollback DROP TABLE lessons;

--changeset hybriddb:0070-audit-logs
--comment: Who did what to which resource. actor_id and resource_id are text: actors and resources may live outside this schema.
CREATE TABLE audit_logs (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    actor_type      text        NOT NULL DEFAULT 'system',
    actor_id        text,
    action          text        NOT NULL,
    resource_type   text,
    resource_id     text,
    details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    ip_address      inet,
    user_agent      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_actor_type_check CHECK (actor_type IN ('user', 'agent', 'system', 'api_key')),
    CONSTRAINT audit_logs_action_not_blank CHECK (length(btrim(action)) > 0)
);
CREATE INDEX audit_logs_tenant_created_idx ON audit_logs (tenant_id, created_at DESC);
CREATE INDEX audit_logs_resource_idx ON audit_logs (tenant_id, resource_type, resource_id);
CREATE INDEX audit_logs_actor_idx ON audit_logs (tenant_id, actor_type, actor_id);

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_logs_tenant_isolation ON audit_logs
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_logs TO ${app_role};
--rollback DROP TABLE audit_logs;
