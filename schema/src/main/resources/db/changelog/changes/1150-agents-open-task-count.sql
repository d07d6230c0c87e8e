--liquibase formatted sql

-- An agent's open workload as a column: open_task_count = the number of tasks assigned to the
-- agent whose status is neither 'completed' nor 'aborted' (coordination's closed statuses).
-- Ranking agents for a task reads it instead of counting every candidate's assignments, in
-- PostgreSQL and on the graph's Agent nodes, where the sync projects it like any column.
-- Triggers on tasks keep it in the writing transaction: inserts and deletes once per statement
-- (one UPDATE for the agents whose count changes), updates per row and only when a statement sets
-- the assignment or the status (a title or priority change costs nothing). The row locks those
-- UPDATEs take make concurrent assignments count correctly. Nobody writes the column directly. The backfill runs with FORCE ROW LEVEL SECURITY
-- lifted for the changeset (the owner otherwise sees no rows without a tenant) and restored in
-- the same transaction.

--changeset hybriddb-graph:1150-agents-open-task-count splitStatements:false
--comment: agents.open_task_count, kept by triggers on tasks; existing counts are computed.
ALTER TABLE agents ADD COLUMN open_task_count integer NOT NULL DEFAULT 0;
ALTER TABLE agents ADD CONSTRAINT agents_open_task_count_not_negative CHECK (open_task_count >= 0);
COMMENT ON COLUMN agents.open_task_count IS
    'Tasks assigned to the agent whose status is not completed or aborted; kept by triggers on tasks, never written directly.';

CREATE FUNCTION hybriddb_agent_open_tasks() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Inserts and deletes, once per statement: each agent's change in one UPDATE.
    IF TG_OP = 'INSERT' THEN
        UPDATE public.agents a SET open_task_count = a.open_task_count + d.n
          FROM (SELECT assigned_agent_id AS id, count(*)::integer AS n FROM new_rows
                 WHERE assigned_agent_id IS NOT NULL AND status::text NOT IN ('completed', 'aborted')
                 GROUP BY assigned_agent_id) d
         WHERE a.id = d.id;
    ELSE
        UPDATE public.agents a SET open_task_count = a.open_task_count - d.n
          FROM (SELECT assigned_agent_id AS id, count(*)::integer AS n FROM old_rows
                 WHERE assigned_agent_id IS NOT NULL AND status::text NOT IN ('completed', 'aborted')
                 GROUP BY assigned_agent_id) d
         WHERE a.id = d.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION hybriddb_agent_open_tasks_moved() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    was_open boolean := OLD.assigned_agent_id IS NOT NULL AND OLD.status::text NOT IN ('completed', 'aborted');
    is_open  boolean := NEW.assigned_agent_id IS NOT NULL AND NEW.status::text NOT IN ('completed', 'aborted');
BEGIN
    -- Updates, per row, only of statements that set the assignment or the status.
    IF was_open AND is_open AND OLD.assigned_agent_id = NEW.assigned_agent_id THEN
        RETURN NULL;
    END IF;
    IF was_open THEN
        UPDATE public.agents SET open_task_count = open_task_count - 1 WHERE id = OLD.assigned_agent_id;
    END IF;
    IF is_open THEN
        UPDATE public.agents SET open_task_count = open_task_count + 1 WHERE id = NEW.assigned_agent_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tasks_agent_open_tasks_insert AFTER INSERT ON tasks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hybriddb_agent_open_tasks();
CREATE TRIGGER tasks_agent_open_tasks_delete AFTER DELETE ON tasks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hybriddb_agent_open_tasks();
CREATE TRIGGER tasks_agent_open_tasks_update AFTER UPDATE OF assigned_agent_id, status ON tasks
    FOR EACH ROW EXECUTE FUNCTION hybriddb_agent_open_tasks_moved();

CREATE FUNCTION hybriddb_refuse_open_task_count_write() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Depth 1: the statement touching agents came from a client; the count triggers run at depth 2.
    IF pg_trigger_depth() = 1 AND ((TG_OP = 'INSERT' AND NEW.open_task_count <> 0)
            OR (TG_OP = 'UPDATE' AND NEW.open_task_count IS DISTINCT FROM OLD.open_task_count)) THEN
        RAISE EXCEPTION 'agents.open_task_count is maintained by the database: assign tasks or change their status instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agents_open_task_count_maintained', TABLE = 'agents',
                  COLUMN = 'open_task_count';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER agents_open_task_count_maintained BEFORE INSERT OR UPDATE OF open_task_count ON agents
    FOR EACH ROW EXECUTE FUNCTION hybriddb_refuse_open_task_count_write();

ALTER TABLE agents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agents DISABLE TRIGGER agents_open_task_count_maintained;
UPDATE agents a SET open_task_count = c.n
  FROM (SELECT assigned_agent_id AS id, count(*)::integer AS n FROM tasks
         WHERE assigned_agent_id IS NOT NULL AND status::text NOT IN ('completed', 'aborted') GROUP BY assigned_agent_id) c
 WHERE c.id = a.id;
ALTER TABLE agents ENABLE TRIGGER agents_open_task_count_maintained;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
--rollback DROP TRIGGER agents_open_task_count_maintained ON agents;
--rollback DROP FUNCTION hybriddb_refuse_open_task_count_write();
--rollback DROP TRIGGER tasks_agent_open_tasks_update ON tasks;
--rollback DROP TRIGGER tasks_agent_open_tasks_delete ON tasks;
--rollback DROP TRIGGER tasks_agent_open_tasks_insert ON tasks;
--rollback DROP FUNCTION hybriddb_agent_open_tasks_moved();
--rollback DROP FUNCTION hybriddb_agent_open_tasks();
--rollback ALTER TABLE agents DROP COLUMN open_task_count;
