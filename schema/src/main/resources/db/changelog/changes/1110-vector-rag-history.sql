--liquibase formatted sql

-- Vector module (hybriddb-vector): the history of retrieval-augmented generation. A session
-- (rag_sessions, named by the application's session key) holds queries (rag_queries): the
-- question, the answer or the failure of the answering model (exactly one of answer and error),
-- and the time spent retrieving and answering. The passages given to the model are kept with their rank and scores
-- (rag_query_sources), copied as they were retrieved so that the history stays true when the
-- documents change later. Tenant-scoped like the other vector tables; the composite keys keep a
-- query in its session's tenant and a source in its query's tenant.

--changeset hybriddb-vector:1110-rag-sessions
CREATE TABLE rag_sessions (
    id          uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_key text        NOT NULL CHECK (length(btrim(session_key)) > 0),
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rag_sessions_session_key_length CHECK (char_length(session_key) <= 255),
    CONSTRAINT rag_sessions_tenant_key UNIQUE (tenant_id, session_key),
    CONSTRAINT rag_sessions_tenant_id_key UNIQUE (tenant_id, id)
);
CREATE INDEX rag_sessions_tenant_updated_idx ON rag_sessions (tenant_id, updated_at);
CREATE TRIGGER rag_sessions_touch_updated_at BEFORE UPDATE ON rag_sessions
    FOR EACH ROW EXECUTE FUNCTION hybriddb_touch_updated_at();
--rollback DROP TABLE rag_sessions;

--changeset hybriddb-vector:1110-rag-queries
CREATE TABLE rag_queries (
    id           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id    uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    question     text        NOT NULL CHECK (length(btrim(question)) > 0),
    answer       text,
    model        text,
    error        text,
    retrieval_us bigint      NOT NULL CHECK (retrieval_us >= 0),
    answer_us    bigint      NOT NULL CHECK (answer_us >= 0),
    latency_us   bigint      NOT NULL CHECK (latency_us >= retrieval_us + answer_us),
    metadata     jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rag_queries_outcome CHECK ((answer IS NOT NULL AND error IS NULL) OR (answer IS NULL AND error IS NOT NULL)),
    CONSTRAINT rag_queries_question_length CHECK (char_length(question) <= 1000000),
    CONSTRAINT rag_queries_answer_length CHECK (char_length(answer) <= 1000000),
    CONSTRAINT rag_queries_model_length CHECK (char_length(model) <= 255),
    CONSTRAINT rag_queries_error_length CHECK (char_length(error) <= 1000000),
    CONSTRAINT rag_queries_tenant_id_key UNIQUE (tenant_id, id),
    CONSTRAINT rag_queries_tenant_session_fkey FOREIGN KEY (tenant_id, session_id)
        REFERENCES rag_sessions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX rag_queries_session_idx ON rag_queries (tenant_id, session_id, seq);
CREATE INDEX rag_queries_created_at_idx ON rag_queries (created_at);
--rollback DROP TABLE rag_queries;

--changeset hybriddb-vector:1110-rag-query-sources
CREATE TABLE rag_query_sources (
    tenant_id   uuid             NOT NULL,
    query_id    uuid             NOT NULL,
    rank        integer          NOT NULL CHECK (rank >= 1),
    document_id uuid             NOT NULL,
    title       text,
    content     text             NOT NULL,
    score       double precision NOT NULL,
    distance    double precision,
    PRIMARY KEY (query_id, rank),
    CONSTRAINT rag_query_sources_title_length CHECK (char_length(title) <= 500),
    CONSTRAINT rag_query_sources_content_length CHECK (char_length(content) <= 1000000),
    CONSTRAINT rag_query_sources_tenant_query_fkey FOREIGN KEY (tenant_id, query_id)
        REFERENCES rag_queries (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX rag_query_sources_document_idx ON rag_query_sources (tenant_id, document_id);
--rollback DROP TABLE rag_query_sources;

--changeset hybriddb-vector:1110-rag-history-rls
ALTER TABLE rag_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE rag_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY rag_sessions_tenant_isolation ON rag_sessions
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
ALTER TABLE rag_queries ENABLE ROW LEVEL SECURITY;
ALTER TABLE rag_queries FORCE ROW LEVEL SECURITY;
CREATE POLICY rag_queries_tenant_isolation ON rag_queries
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
ALTER TABLE rag_query_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE rag_query_sources FORCE ROW LEVEL SECURITY;
CREATE POLICY rag_query_sources_tenant_isolation ON rag_query_sources
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON rag_sessions, rag_queries, rag_query_sources TO ${app_role};
--rollback REVOKE ALL ON rag_sessions, rag_queries, rag_query_sources FROM ${app_role};
--rollback DROP POLICY rag_query_sources_tenant_isolation ON rag_query_sources;
--rollback DROP POLICY rag_queries_tenant_isolation ON rag_queries;
--rollback DROP POLICY rag_sessions_tenant_isolation ON rag_sessions;
--rollback ALTER TABLE rag_query_sources NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE rag_query_sources DISABLE ROW LEVEL SECURITY;
--rollback ALTER TABLE rag_queries NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE rag_queries DISABLE ROW LEVEL SECURITY;
--rollback ALTER TABLE rag_sessions NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE rag_sessions DISABLE ROW LEVEL SECURITY;
