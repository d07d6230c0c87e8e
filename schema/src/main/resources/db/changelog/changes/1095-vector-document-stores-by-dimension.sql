--liquibase formatted sql

-- Vector module: document stores for embedders of other dimensions than the documents table's.
-- hybriddb_create_document_store(n) creates public.documents_d<n>, a copy of documents (columns,
-- defaults, checks, generated full-text column) whose embedding column is vector(n), or
-- halfvec(n) above 2,000 dimensions so that HNSW can still index it (pgvector indexes vector up
-- to 2,000 dimensions and halfvec up to 4,000). It gets the same indexes (HNSW cosine with
-- m = 16, ef_construction = 64), trigger, row-level security and grants as documents. Only the
-- owner runs it (the application role creates nothing); it is idempotent, and the table name is
-- built from the validated integer alone. Columns added to documents later are not added to
-- existing per-dimension tables.

--changeset hybriddb-vector:1095-create-document-store-function splitStatements:false
CREATE FUNCTION hybriddb_create_document_store(dims integer) RETURNS text
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tbl  text;
    typ  text;
    ext  name;
BEGIN
    IF dims IS NULL OR dims < 1 OR dims > 4000 THEN
        RAISE EXCEPTION 'dimensions must be between 1 and 4000: %', dims USING ERRCODE = 'invalid_parameter_value';
    END IF;
    tbl := 'documents_d' || dims;
    typ := CASE WHEN dims > 2000 THEN 'halfvec' ELSE 'vector' END;
    SELECT n.nspname INTO STRICT ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'vector';
    PERFORM pg_advisory_xact_lock(pg_catalog.hashtext('hybriddb_create_document_store'), dims);
    IF to_regclass('public.' || tbl) IS NOT NULL THEN
        RETURN tbl;
    END IF;
    EXECUTE format('CREATE TABLE public.%I (LIKE public.documents INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                   ' INCLUDING GENERATED INCLUDING STORAGE)', tbl);
    EXECUTE format('ALTER TABLE public.%I ALTER COLUMN embedding TYPE %I.%s(%s) USING NULL', tbl, ext, typ, dims);
    EXECUTE format('ALTER TABLE public.%I ADD PRIMARY KEY (id),'
                   ' ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id) ON DELETE CASCADE', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I (tenant_id, created_at)', tbl || '_tenant_created_idx', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I USING gin (metadata jsonb_path_ops)', tbl || '_metadata_gin', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I USING gin (content_tsv)', tbl || '_content_tsv_gin', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I USING hnsw (embedding %I.%s) WITH (m = 16, ef_construction = 64)',
                   tbl || '_embedding_hnsw_cosine', tbl, ext, typ || '_cosine_ops');
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON public.%I FOR EACH ROW EXECUTE FUNCTION public.hybriddb_touch_updated_at()',
                   tbl || '_touch_updated_at', tbl);
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY %I ON public.%I USING (tenant_id = public.hybriddb_current_tenant())'
                   ' WITH CHECK (tenant_id = public.hybriddb_current_tenant())', tbl || '_tenant_isolation', tbl);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', tbl, '${app_role}');
    RETURN tbl;
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_create_document_store(integer) FROM PUBLIC;
--rollback DROP FUNCTION hybriddb_create_document_store(integer);
