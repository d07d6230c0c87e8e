--liquibase formatted sql

-- Vector module (hybriddb-vector): conversation history by session. `seq` orders messages
-- written in the same transaction (which share created_at).

--changeset hybriddb-vector:0520-conversations
CREATE TABLE conversations (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    session_id text        NOT NULL CHECK (length(btrim(session_id)) > 0),
    role       text        NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content    text        NOT NULL,
    metadata   jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_session_idx ON conversations (tenant_id, session_id, seq);
CREATE INDEX conversations_created_at_idx ON conversations (created_at);
--rollback DROP TABLE conversations;

--changeset hybriddb-vector:0520-conversations-rls
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY conversations_tenant_isolation ON conversations
    USING (tenant_id = hybriddb_current_tenant())
    WITH CHECK (tenant_id = hybriddb_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON conversations TO ${app_role};
--rollback REVOKE ALL ON conversations FROM ${app_role};
--rollback DROP POLICY conversations_tenant_isolation ON conversations;
--rollback ALTER TABLE conversations NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE conversations DISABLE ROW LEVEL SECURITY;
