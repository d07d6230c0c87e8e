--liquibase formatted sql

-- The application role creates nothing: no schema, no table in public, no temporary table.
-- Anything it could create would outlive the transaction of the tenant whose work created it and
-- could shadow HybridDB's tables for the next user of a pooled connection (a temporary table named
-- like one of ours, a schema put first on search_path, a function named like a built-in that an
-- inlined row-security function would call). The SDK pins search_path and schema-qualifies its SQL
-- as well; this takes away the means. PUBLIC loses the same rights on this database, since every
-- role inherits them from it.
-- Database-level privileges can only be revoked by the database owner (or a superuser); when the
-- migration role is neither, a warning says so and `hybriddb doctor` reports the remaining grant.

--changeset hybriddb:0980-revoke-create-on-public-schema
--comment: CREATE on schema public: PostgreSQL 15+ no longer grants it to PUBLIC, older versions do; never to the app role.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM ${app_role};
--rollback GRANT CREATE ON SCHEMA public TO ${app_role};

--changeset hybriddb:0980-revoke-create-and-temporary-on-database splitStatements:false
--comment: CREATE (schemas) and TEMPORARY (temporary tables) on the current database, from the app role and PUBLIC.
DO $$
DECLARE
    db name := current_database();
BEGIN
    IF pg_catalog.pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database WHERE datname = db), 'USAGE')
       OR (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC, %I', db, '${app_role}');
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', db, '${app_role}');
    ELSE
        RAISE WARNING 'HybridDB: % does not own database %, so it cannot revoke CREATE and TEMPORARY on it from % and PUBLIC; ask the owner to (see hybriddb doctor)',
            current_user, db, '${app_role}';
    END IF;
END
$$;
--rollback DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database()); END $$;

--changeset hybriddb:0980-current-tenant-qualified splitStatements:false
--comment: Every name in the body of the row-security function qualified: it is inlined into each query and parsed with that query's search_path.
CREATE OR REPLACE FUNCTION hybriddb_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(pg_catalog.current_setting('hybriddb.tenant_id', true), '')::pg_catalog.uuid $$;
--rollback CREATE OR REPLACE FUNCTION hybriddb_current_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT NULLIF(current_setting('hybriddb.tenant_id', true), '')::uuid $$;
