-- Roles and extensions HybridDB expects (same as scripts/services on a machine without Docker).
CREATE ROLE hybriddb LOGIN CREATEDB CREATEROLE REPLICATION PASSWORD 'hybriddb';
CREATE ROLE hybriddb_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD 'hybriddb_app';
GRANT pg_signal_backend TO hybriddb;
GRANT hybriddb_app TO hybriddb WITH ADMIN OPTION;
CREATE DATABASE hybriddb OWNER hybriddb;
\c template1
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS age;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ag_catalog FROM PUBLIC;
GRANT USAGE ON SCHEMA ag_catalog TO hybriddb;
GRANT SELECT ON ag_catalog.ag_graph, ag_catalog.ag_label TO hybriddb;
-- pg_trgm's operators LEAKPROOF (schema/src/main/resources/db/superuser/trigram-leakproof.sql)
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_trgm'
            WHERE p.proname IN ('similarity_op', 'word_similarity_op', 'word_similarity_commutator_op',
                                'strict_word_similarity_op', 'strict_word_similarity_commutator_op')
  LOOP
    EXECUTE format('ALTER FUNCTION %s LEAKPROOF', f);
  END LOOP;
END $$;
\c hybriddb
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS age;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ag_catalog FROM PUBLIC;
GRANT USAGE ON SCHEMA ag_catalog TO hybriddb;
GRANT SELECT ON ag_catalog.ag_graph, ag_catalog.ag_label TO hybriddb;
GRANT CREATE ON SCHEMA public TO hybriddb;
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_trgm'
            WHERE p.proname IN ('similarity_op', 'word_similarity_op', 'word_similarity_commutator_op',
                                'strict_word_similarity_op', 'strict_word_similarity_commutator_op')
  LOOP
    EXECUTE format('ALTER FUNCTION %s LEAKPROOF', f);
  END LOOP;
END $$;
GRANT CREATE ON DATABASE hybriddb TO hybriddb_app;
