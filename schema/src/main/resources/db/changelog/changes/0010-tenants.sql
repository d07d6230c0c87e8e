--liquibase formatted sql

-- Tenancy (seed 002). A tenant sees and updates only its own row: id = hybriddb_current_tenant().

--changeset hybriddb:0010-tenant-enums
CREATE TYPE tenant_type AS ENUM ('free', 'starter', 'professional', 'enterprise');
CREATE TYPE tenant_status AS ENUM ('active', 'suspended', 'pending', 'deleted');
--rollback DROP TYPE tenant_status;
--rollback DROP TYPE tenant_type;

--changeset hybriddb:0010-tenants
CREATE TABLE tenants (
    id                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    name                text          NOT NULL,
    slug                text          NOT NULL,
    type                tenant_type   NOT NULL DEFAULT 'free',
    status              tenant_status NOT NULL DEFAULT 'pending',
    owner_user_id       uuid,
    owner_email         text,
    owner_name          text,
    settings            jsonb         NOT NULL DEFAULT '{}'::jsonb,
    quotas              jsonb         NOT NULL DEFAULT '{}'::jsonb,
    usage               jsonb         NOT NULL DEFAULT '{"currentUsers": 0, "currentProjects": 0, "tokensThisMonth": 0, "storageUsedGB": 0}'::jsonb,
    stripe_customer_id  text,
    subscription_id     text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    suspended_at        timestamptz,
    deleted_at          timestamptz,
    CONSTRAINT tenants_slug_key UNIQUE (slug),
    CONSTRAINT tenants_name_not_blank CHECK (length(btrim(name)) > 0)
);
CREATE INDEX tenants_status_idx ON tenants (status);
CREATE TRIGGER tenants_touch_updated_at BEFORE UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_own_row ON tenants
    USING (id = hybriddb_current_tenant())
    WITH CHECK (id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants TO ${app_role};
--rollback DROP TABLE tenants;
