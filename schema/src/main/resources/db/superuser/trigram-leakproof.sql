-- Run as a superuser, in each database (and in template1 for databases made from it).
--
-- Row-level security lets the planner use an index for a condition only when the condition's
-- operator is LEAKPROOF (it reveals nothing about the rows row-level security hides). pg_trgm's
-- similarity operators (%, <%, %>, <<%, %>>) are not marked so, which leaves their GIN indexes
-- unused on tenant tables: trigram searches still return the right rows, but read every row of
-- the table. These functions only compare two texts and raise no data-dependent error; marking
-- them LEAKPROOF needs a superuser. Repeat after ALTER EXTENSION pg_trgm UPDATE.
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
