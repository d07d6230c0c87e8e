--liquibase formatted sql

-- Reporting views (seed 001). security_invoker = true: the caller's privileges and row-level
-- security apply to the underlying tables, so a tenant sees only its own rows through a view.

--changeset hybriddb:0100-swarm-summary
CREATE VIEW swarm_summary WITH (security_invoker = true) AS
SELECT s.id,
       s.tenant_id,
       s.name,
       s.status,
       a.agent_count,
       a.active_agent_count,
       coalesce(b.budget_allocated, 0) AS budget_allocated,
       coalesce(b.budget_consumed, 0)  AS budget_consumed,
       s.created_at,
       s.updated_at
  FROM swarms s
  CROSS JOIN LATERAL (
        SELECT count(*) AS agent_count,
               count(*) FILTER (WHERE ag.status IN ('active', 'running', 'busy')) AS active_agent_count
          FROM agents ag
         WHERE ag.swarm_id = s.id) a
  CROSS JOIN LATERAL (
        SELECT sum(bu.allocated) AS budget_allocated,
               sum(bu.consumed)  AS budget_consumed
          FROM budgets bu
         WHERE bu.swarm_id = s.id) b;
GRANT SELECT ON swarm_summary TO ${app_role};
--rollback DROP VIEW swarm_summary;

--changeset hybriddb:0100-agent-activity
CREATE VIEW agent_activity WITH (security_invoker = true) AS
SELECT ag.id,
       ag.tenant_id,
       ag.swarm_id,
       ag.name,
       ag.role,
       ag.model,
       ag.status,
       ag.lifecycle_state,
       ag.started_at,
       ag.completed_at,
       extract(epoch FROM coalesce(ag.completed_at, now()) - coalesce(ag.started_at, ag.created_at))::bigint
           AS duration_seconds,
       ev.event_count,
       ev.last_event_at,
       ex.execution_count,
       coalesce(ex.total_tokens, 0) AS total_tokens,
       coalesce(ex.total_cost, 0)   AS total_cost,
       ag.created_at,
       ag.updated_at
  FROM agents ag
  CROSS JOIN LATERAL (
        SELECT count(*) AS event_count, max(e.created_at) AS last_event_at
          FROM events e
         WHERE e.agent_id = ag.id) ev
  CROSS JOIN LATERAL (
        SELECT count(*) AS execution_count, sum(x.tokens) AS total_tokens, sum(x.cost) AS total_cost
          FROM agent_executions x
         WHERE x.agent_id = ag.id) ex;
GRANT SELECT ON agent_activity TO ${app_role};
--rollback DROP VIEW agent_activity;

--changeset hybriddb:0100-event-stats-24h
CREATE VIEW event_stats_24h WITH (security_invoker = true) AS
SELECT e.tenant_id,
       e.type,
       count(*)                   AS event_count,
       count(DISTINCT e.agent_id) AS agent_count,
       count(DISTINCT e.swarm_id) AS swarm_count,
       min(e.created_at)          AS first_at,
       max(e.created_at)          AS last_at
  FROM events e
 WHERE e.created_at > now() - interval '24 hours'
 GROUP BY e.tenant_id, e.type;
GRANT SELECT ON event_stats_24h TO ${app_role};
--rollback DROP VIEW event_stats_24h;
