--liquibase formatted sql

-- Vector module: agent memory stores for embedders of other dimensions than the memories
-- table's, like the document stores (1095): hybriddb_create_memory_store(n) creates
-- public.memories_d<n>, a copy of memories whose embedding column is vector(n), or halfvec(n)
-- above 2,000 dimensions, with the same keys (the bank belongs to the memory's tenant), indexes
-- (HNSW cosine, m = 16, ef_construction = 64), row-level security and grants. Memory banks stay
-- in memory_banks, whatever the dimensions of their memories. Owner only, idempotent.

--changeset hybriddb-vector:1096-create-memory-store-function splitStatements:false
CREATE FUNCTION hybriddb_create_memory_store(dims integer) RETURNS text
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
    tbl := 'memories_d' || dims;
    typ := CASE WHEN dims > 2000 THEN 'halfvec' ELSE 'vector' END;
    SELECT n.nspname INTO STRICT ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'vector';
    PERFORM pg_advisory_xact_lock(pg_catalog.hashtext('hybriddb_create_memory_store'), dims);
    IF to_regclass('public.' || tbl) IS NOT NULL THEN
        RETURN tbl;
    END IF;
    EXECUTE format('CREATE TABLE public.%I (LIKE public.memories INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                   ' INCLUDING GENERATED INCLUDING STORAGE)', tbl);
    EXECUTE format('ALTER TABLE public.%I ALTER COLUMN embedding TYPE %I.%s(%s) USING NULL', tbl, ext, typ, dims);
    EXECUTE format('ALTER TABLE public.%I ADD PRIMARY KEY (id),'
                   ' ADD FOREIGN KEY (tenant_id) REFERENCES public.tenants (id) ON DELETE CASCADE,'
                   ' ADD FOREIGN KEY (tenant_id, memory_bank_id) REFERENCES public.memory_banks (tenant_id, id) ON DELETE CASCADE', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I (memory_bank_id)', tbl || '_bank_idx', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I (tenant_id, importance DESC)', tbl || '_tenant_importance_idx', tbl);
    EXECUTE format('CREATE INDEX %I ON public.%I USING hnsw (embedding %I.%s) WITH (m = 16, ef_construction = 64)',
                   tbl || '_embedding_hnsw_cosine', tbl, ext, typ || '_cosine_ops');
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY %I ON public.%I USING (tenant_id = public.hybriddb_current_tenant())'
                   ' WITH CHECK (tenant_id = public.hybriddb_current_tenant())', tbl || '_tenant_isolation', tbl);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', tbl, '${app_role}');
    RETURN tbl;
END
$$;
REVOKE EXECUTE ON FUNCTION hybriddb_create_memory_store(integer) FROM PUBLIC;
--rollback DROP FUNCTION hybriddb_create_memory_store(integer);
