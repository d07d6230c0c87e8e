--liquibase formatted sql

-- Vector module: a trigram index on document titles, so that hybrid search can rank titles by
-- word similarity (typo-tolerant) without reading every document of the tenant.

--changeset hybriddb-vector:1070-document-title-trgm
CREATE INDEX documents_title_trgm_idx ON public.documents USING gin (title gin_trgm_ops);
--rollback DROP INDEX public.documents_title_trgm_idx;
