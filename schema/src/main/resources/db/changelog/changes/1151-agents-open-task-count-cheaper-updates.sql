--liquibase formatted sql

-- Task updates pay for agents.open_task_count only when the count moves. The row trigger gets a
-- WHEN condition, evaluated without calling the function: it fires when the assignment changes or
-- the status crosses between open and closed (completed, aborted), so a status change from
-- pending to in_progress, or a statement that sets the assignment to the same agent, costs
-- nothing. A task moving between two agents while open changes both counts in one UPDATE, which
-- locks the two agent rows in index order whichever way the task moves.

--changeset hybriddb-graph:1151-agents-open-task-count-cheaper-updates splitStatements:false
--comment: open task count: the row trigger fires only when the count moves; a reassignment is one UPDATE.
CREATE OR REPLACE FUNCTION hybriddb_agent_open_tasks_moved() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    was_open boolean := OLD.assigned_agent_id IS NOT NULL AND OLD.status::text NOT IN ('completed', 'aborted');
    is_open  boolean := NEW.assigned_agent_id IS NOT NULL AND NEW.status::text NOT IN ('completed', 'aborted');
BEGIN
    IF was_open AND is_open THEN
        IF OLD.assigned_agent_id <> NEW.assigned_agent_id THEN
            UPDATE public.agents
               SET open_task_count = open_task_count + CASE WHEN id = NEW.assigned_agent_id THEN 1 ELSE -1 END
             WHERE id IN (OLD.assigned_agent_id, NEW.assigned_agent_id);
        END IF;
    ELSIF was_open THEN
        UPDATE public.agents SET open_task_count = open_task_count - 1 WHERE id = OLD.assigned_agent_id;
    ELSIF is_open THEN
        UPDATE public.agents SET open_task_count = open_task_count + 1 WHERE id = NEW.assigned_agent_id;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER tasks_agent_open_tasks_update ON tasks;
CREATE TRIGGER tasks_agent_open_tasks_update AFTER UPDATE OF assigned_agent_id, status ON tasks
    FOR EACH ROW
    WHEN (OLD.assigned_agent_id IS DISTINCT FROM NEW.assigned_agent_id
          OR (OLD.status::text IN ('completed', 'aborted')) IS DISTINCT FROM (NEW.status::text IN ('completed', 'aborted')))
    EXECUTE FUNCTION hybriddb_agent_open_tasks_moved();
--rollback DROP TRIGGER tasks_agent_open_tasks_update ON tasks;
--rollback CREATE TRIGGER tasks_agent_open_tasks_update AFTER UPDATE OF assigned_agent_id, status ON tasks FOR EACH ROW EXECUTE FUNCTION hybriddb_agent_open_tasks_moved();
