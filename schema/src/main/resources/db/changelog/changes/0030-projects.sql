--liquibase formatted sql

-- Projects (seeds 002 and 003, unified): a tenant's projects, identified by (ecosystem, name),
-- and the dependency graph between them.

--changeset hybriddb:0030-project-status-enum
CREATE TYPE project_status AS ENUM ('active', 'archived', 'deleted');
--rollback DROP TYPE project_status;

--changeset hybriddb:0030-projects
CREATE TABLE projects (
    id                  uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ecosystem           text           NOT NULL DEFAULT 'default',
    name                text           NOT NULL,
    description         text,
    status              project_status NOT NULL DEFAULT 'active',
    config              jsonb          NOT NULL DEFAULT '{}'::jsonb,
    tech_stack          text[]         NOT NULL DEFAULT '{}',
    repository_url      text,
    homepage_url        text,
    default_branch      text           NOT NULL DEFAULT 'main',
    dependency_count    integer        NOT NULL DEFAULT 0 CHECK (dependency_count >= 0),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    archived_at         timestamptz,
    CONSTRAINT projects_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT projects_tenant_ecosystem_name_key UNIQUE (tenant_id, ecosystem, name),
    CONSTRAINT projects_name_not_blank CHECK (length(btrim(name)) > 0)
);
CREATE INDEX projects_status_idx ON projects (tenant_id, status);
CREATE INDEX projects_name_trgm_idx ON projects USING gin (name gin_trgm_ops);
CREATE INDEX projects_description_trgm_idx ON projects USING gin (description gin_trgm_ops);
CREATE TRIGGER projects_touch_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant_isolation ON projects
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON projects TO ${app_role};
--rollback DROP TABLE projects;

--changeset hybriddb:0030-project-dependencies
--comment: from_project_id depends on to_project_id. No self edges, no duplicates.
CREATE TABLE project_dependencies (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    from_project_id     uuid        NOT NULL,
    to_project_id       uuid        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_dependencies_from_to_key UNIQUE (from_project_id, to_project_id),
    CONSTRAINT project_dependencies_no_self CHECK (from_project_id <> to_project_id),
    CONSTRAINT project_dependencies_from_fk FOREIGN KEY (tenant_id, from_project_id)
        REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT project_dependencies_to_fk FOREIGN KEY (tenant_id, to_project_id)
        REFERENCES projects (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX project_dependencies_tenant_idx ON project_dependencies (tenant_id);
CREATE INDEX project_dependencies_to_idx ON project_dependencies (to_project_id);

ALTER TABLE project_dependencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE project_dependencies FORCE ROW LEVEL SECURITY;
CREATE POLICY project_dependencies_tenant_isolation ON project_dependencies
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON project_dependencies TO ${app_role};
--rollback DROP TABLE project_dependencies;
