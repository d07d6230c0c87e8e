--liquibase formatted sql

-- Vector module: documents get an optional title (shown when listing a tenant's documents).
-- NULL means untitled; a title is not blank and at most 500 characters.

--changeset hybriddb-vector:1040-document-title
ALTER TABLE public.documents ADD COLUMN title text;
ALTER TABLE public.documents ADD CONSTRAINT documents_title_check
    CHECK (title IS NULL OR (char_length(title) BETWEEN 1 AND 500 AND length(btrim(title)) > 0));
--rollback ALTER TABLE public.documents DROP COLUMN title;
