--liquibase formatted sql

-- Extensions and helper functions every later changeset relies on.

--changeset hybriddb:0000-extensions
--comment: Extensions are usually provisioned by a superuser already (template1); IF NOT EXISTS tolerates that.
--         They are shared with other features (AGE, vector helper), so a rollback leaves them in place.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS vector;
--rollback empty

--changeset hybriddb:0000-current-tenant-function splitStatements:false
--comment: The tenant of the current transaction, set with set_config('hybriddb.tenant_id', <uuid>, true). NULL when unset.
CREATE OR REPLACE FUNCTION hybriddb_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('hybriddb.tenant_id', true), '')::uuid $$;
COMMENT ON FUNCTION hybriddb_current_tenant() IS 'Tenant of the current transaction (setting hybriddb.tenant_id), NULL when unset; used by every RLS policy.';
--rollback DROP FUNCTION hybriddb_current_tenant();

--changeset hybriddb:0000-touch-updated-at-function splitStatements:false
--comment: BEFORE UPDATE trigger function that keeps updated_at current.
CREATE OR REPLACE FUNCTION hybriddb_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
--rollback DROP FUNCTION hybriddb_touch_updated_at();

--changeset hybriddb:0000-default-privileges
--comment: Tables and sequences that the migration role creates later (also in other modules' changelogs) are usable by the app role.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
--rollback ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${app_role};
--rollback ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${app_role};
