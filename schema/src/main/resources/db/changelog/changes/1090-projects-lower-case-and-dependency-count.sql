--liquibase formatted sql

-- Projects: ecosystem and name are stored lower-case (a CHECK, so direct SQL cannot store
-- 'React' next to 'react'), and dependency_count is maintained by the database: the number of
-- projects a project depends on (its project_dependencies rows with from_project_id = id).
-- Nobody writes dependency_count directly; the dependency triggers below keep it, and the row
-- lock their UPDATE takes makes concurrent inserts for one project count correctly.
-- Data fixes run with FORCE ROW LEVEL SECURITY lifted for the duration of the changeset (the
-- owner otherwise sees no rows without a tenant), and it is restored in the same transaction.

--changeset hybriddb:1090-projects-lower-case splitStatements:false
--comment: Existing mixed-case rows are lower-cased unless that collides with another project of the tenant; the CHECKs are validated when no such row is left, otherwise they check new writes only and a warning says how many rows to fix.
ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
UPDATE projects p
   SET ecosystem = lower(p.ecosystem), name = lower(p.name)
 WHERE (p.ecosystem <> lower(p.ecosystem) OR p.name <> lower(p.name))
   AND NOT EXISTS (SELECT 1 FROM projects q
                    WHERE q.tenant_id = p.tenant_id AND q.id <> p.id
                      AND lower(q.ecosystem) = lower(p.ecosystem) AND lower(q.name) = lower(p.name));
ALTER TABLE projects ADD CONSTRAINT projects_ecosystem_lower_case CHECK (ecosystem = lower(ecosystem)) NOT VALID;
ALTER TABLE projects ADD CONSTRAINT projects_name_lower_case CHECK (name = lower(name)) NOT VALID;
DO $$
DECLARE
    left_over bigint;
BEGIN
    SELECT count(*) INTO left_over FROM projects WHERE ecosystem <> lower(ecosystem) OR name <> lower(name);
    IF left_over = 0 THEN
        ALTER TABLE projects VALIDATE CONSTRAINT projects_ecosystem_lower_case;
        ALTER TABLE projects VALIDATE CONSTRAINT projects_name_lower_case;
    ELSE
        RAISE WARNING 'HybridDB: % project(s) keep a mixed-case ecosystem or name because the lower-case form is taken by another project of the tenant; rename or merge them, then VALIDATE CONSTRAINT projects_ecosystem_lower_case and projects_name_lower_case',
            left_over;
    END IF;
END
$$;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE projects DROP CONSTRAINT projects_name_lower_case, DROP CONSTRAINT projects_ecosystem_lower_case;

--changeset hybriddb:1090-project-dependency-count splitStatements:false
--comment: dependency_count = the project's outgoing dependencies, kept by triggers on project_dependencies; existing counts are recomputed.
CREATE FUNCTION hybriddb_project_dependency_count() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE public.projects SET dependency_count = dependency_count - 1 WHERE id = OLD.from_project_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE public.projects SET dependency_count = dependency_count + 1 WHERE id = NEW.from_project_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER project_dependencies_count
    AFTER INSERT OR DELETE OR UPDATE OF from_project_id ON project_dependencies
    FOR EACH ROW EXECUTE FUNCTION hybriddb_project_dependency_count();

ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
ALTER TABLE project_dependencies NO FORCE ROW LEVEL SECURITY;
UPDATE projects p SET dependency_count = c.n
  FROM (SELECT q.id, (SELECT count(*) FROM project_dependencies d WHERE d.from_project_id = q.id) AS n FROM projects q) c
 WHERE c.id = p.id AND p.dependency_count <> c.n;
ALTER TABLE project_dependencies FORCE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;

CREATE FUNCTION hybriddb_refuse_dependency_count_write() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Depth 1: the statement touching projects came from a client; the count trigger runs at depth 2.
    IF pg_trigger_depth() = 1 AND ((TG_OP = 'INSERT' AND NEW.dependency_count <> 0)
            OR (TG_OP = 'UPDATE' AND NEW.dependency_count IS DISTINCT FROM OLD.dependency_count)) THEN
        RAISE EXCEPTION 'projects.dependency_count is maintained by the database: add or remove project_dependencies rows instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'projects_dependency_count_maintained', TABLE = 'projects',
                  COLUMN = 'dependency_count';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER projects_dependency_count_maintained BEFORE INSERT OR UPDATE OF dependency_count ON projects
    FOR EACH ROW EXECUTE FUNCTION hybriddb_refuse_dependency_count_write();

--rollback DROP TRIGGER projects_dependency_count_maintained ON projects;
--rollback DROP FUNCTION hybriddb_refuse_dependency_count_write();
--rollback DROP TRIGGER project_dependencies_count ON project_dependencies;
--rollback DROP FUNCTION hybriddb_project_dependency_count();
