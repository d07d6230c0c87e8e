package dev.hybriddb.coordination.internal;

import dev.hybriddb.Database;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records executions: the row in {@code agent_executions} (the source of truth) and the
 * {@code (Agent)-[:EXECUTED {id, ...}]->(Task)} edge in the graph, keyed by the execution id so
 * writing it again (here or by the sync) changes nothing.
 */
public final class ExecutionWriter {
    private ExecutionWriter() {}

    public static ExecutionRecord insert(Database db, UUID tenant, String agentId, String taskId, NewExecution e) {
        UUID agent = SqlStore.uuid(agentId);
        UUID task = SqlStore.uuid(taskId);
        if (agent == null) {
            throw new NotFoundException("agent", agentId);
        }
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        return db.inTenant(tenant, c -> {
            String title;
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM agents WHERE id = ?), "
                    + "(SELECT title FROM tasks WHERE id = ?), (SELECT count(*) FROM tasks WHERE id = ?)")) {
                ps.setObject(1, agent);
                ps.setObject(2, task);
                ps.setObject(3, task);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new NotFoundException("agent", agentId);
                    }
                    if (rs.getLong(3) == 0) {
                        throw new NotFoundException("task", taskId);
                    }
                    title = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_executions (tenant_id, agent_id, task_id, "
                    + "result, model, started_at, finished_at, duration_ms, tokens, cost) "
                    + "VALUES (?, ?, ?, ?::execution_result, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, tenant);
                ps.setObject(2, agent);
                ps.setObject(3, task);
                ps.setString(4, e.result());
                ps.setString(5, e.model());
                ps.setObject(6, utc(e.startedAt()));
                ps.setObject(7, utc(e.finishedAt()));
                if (e.durationMs() == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, e.durationMs());
                }
                ps.setLong(9, e.tokens());
                ps.setBigDecimal(10, e.cost());
                ps.executeUpdate();
            }
            return new ExecutionRecord(agentId, taskId, title, e.result(), e.model(), e.startedAt(), e.finishedAt(),
                    e.durationMs(), e.tokens(), e.cost().doubleValue());
        });
    }

    /**
     * Writes the EXECUTED edge unless it already holds a later execution; returns false when the
     * agent or task node is not in the graph (yet).
     */
    public static boolean project(GraphBackend graph, UUID tenant, ExecutionRecord r) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("result", r.result());
        props.put("model", r.model());
        props.put("started_at", r.startedAt());
        props.put("finished_at", r.finishedAt());
        props.put("duration_ms", r.durationMs());
        props.put("tokens", r.tokens());
        props.put("cost", r.cost());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agent", r.agentId());
        params.put("task", r.taskId());
        params.put("started", r.startedAt());
        params.put("props", props);
        String g = GraphNames.forTenant(tenant);
        graph.ensureGraph(g);
        List<?> rows = graph.execute(g, "MATCH (a:Agent {id: $agent}) MATCH (t:Task {id: $task}) "
                + "MERGE (a)-[e:EXECUTED]->(t) WITH a, e WHERE e.started_at IS NULL OR e.started_at <= $started "
                + "SET e += $props RETURN a.id AS id", params);
        if (rows.isEmpty()) {
            // no row: the nodes are missing, or the edge holds a later execution
            return graph.query(g, "MATCH (:Agent {id: $agent})-[e:EXECUTED]->(:Task {id: $task}) RETURN count(e) AS n",
                    Map.of("agent", r.agentId(), "task", r.taskId())).get(0).getLong("n") > 0;
        }
        return true;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
