--liquibase formatted sql

-- Vector module (hybriddb-vector): agent memory banks and memories. The default HNSW index
-- (cosine) is created here; see 0500 for the ANN index policy.

--changeset hybriddb-vector:0510-memory-banks
CREATE TABLE memory_banks (
    id          uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT memory_banks_tenant_name_key UNIQUE (tenant_id, name)
);
CREATE TRIGGER memory_banks_touch_updated_at BEFORE UPDATE ON memory_banks
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();
--rollback DROP TABLE memory_banks;

--changeset hybriddb-vector:0510-memories
CREATE TABLE memories (
    id             uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    memory_bank_id uuid        NOT NULL REFERENCES memory_banks (id) ON DELETE CASCADE,
    content        text        NOT NULL CHECK (length(btrim(content)) > 0),
    embedding      vector(${embedding_dimensions}) NOT NULL,
    metadata       jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    importance     integer     NOT NULL DEFAULT 1 CHECK (importance >= 0),
    access_count   integer     NOT NULL DEFAULT 0 CHECK (access_count >= 0),
    last_accessed  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX memories_bank_idx ON memories (memory_bank_id);
CREATE INDEX memories_tenant_importance_idx ON memories (tenant_id, importance DESC);
CREATE INDEX memories_embedding_hnsw_cosine ON memories USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
--rollback DROP TABLE memories;

--changeset hybriddb-vector:0510-memories-rls
ALTER TABLE memory_banks ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_banks FORCE ROW LEVEL SECURITY;
CREATE POLICY memory_banks_tenant_isolation ON memory_banks
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
ALTER TABLE memories ENABLE ROW LEVEL SECURITY;
ALTER TABLE memories FORCE ROW LEVEL SECURITY;
CREATE POLICY memories_tenant_isolation ON memories
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON memory_banks, memories TO ${app_role};
--rollback REVOKE ALL ON memory_banks, memories FROM ${app_role};
--rollback DROP POLICY memories_tenant_isolation ON memories;
--rollback ALTER TABLE memories NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE memories DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY memory_banks_tenant_isolation ON memory_banks;
--rollback ALTER TABLE memory_banks NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE memory_banks DISABLE ROW LEVEL SECURITY;
