--liquibase formatted sql

-- Vector module (hybriddb-vector): documents with embeddings and full-text search.
-- ANN index policy: the default HNSW index (cosine, m=16, ef_construction=64) is created here so a
-- fresh schema searches fast out of the box; other indexes (L2 / inner product opclasses, other
-- HNSW parameters, IVFFlat) are created and dropped at run time by dev.hybriddb.vector.IndexManager
-- on an owner connection, with names of the pattern <table>_embedding_<hnsw|ivfflat>_<cosine|l2|ip>.

--changeset hybriddb-vector:0500-documents
CREATE TABLE documents (
    id          uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    content     text        NOT NULL CHECK (length(btrim(content)) > 0),
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    embedding   vector(${embedding_dimensions}) NOT NULL,
    content_tsv tsvector    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, content)) STORED,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_tenant_created_idx ON documents (tenant_id, created_at);
CREATE INDEX documents_metadata_gin ON documents USING gin (metadata jsonb_path_ops);
CREATE INDEX documents_content_tsv_gin ON documents USING gin (content_tsv);
CREATE INDEX documents_embedding_hnsw_cosine ON documents USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE TRIGGER documents_touch_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();
--rollback DROP TABLE documents;

--changeset hybriddb-vector:0500-documents-rls
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_tenant_isolation ON documents
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO ${app_role};
--rollback REVOKE ALL ON documents FROM ${app_role};
--rollback DROP POLICY documents_tenant_isolation ON documents;
--rollback ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE documents DISABLE ROW LEVEL SECURITY;
