package dev.hybriddb.coordination.internal;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.internal.SdkWork;
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
    private static final EdgeType EXECUTED = EdgeType.of("Agent", "EXECUTED", "Task");

    private ExecutionWriter() {}

    public static ExecutionRecord insert(Database db, UUID tenant, UUID agent, UUID task, NewExecution e) {
        if (tenant == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        if (agent == null) {
            throw new InvalidInputException("agentId", null, "must not be null");
        }
        if (task == null) {
            throw new InvalidInputException("taskId", null, "must not be null");
        }
        return db.inTenant(tenant, SdkWork.of(c -> {
            String title;
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM public.agents WHERE id = ?), "
                    + "(SELECT title FROM public.tasks WHERE id = ?), (SELECT count(*) FROM public.tasks WHERE id = ?)")) {
                ps.setObject(1, agent);
                ps.setObject(2, task);
                ps.setObject(3, task);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new NotFoundException("agent", agent);
                    }
                    if (rs.getLong(3) == 0) {
                        throw new NotFoundException("task", task);
                    }
                    title = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_executions (tenant_id, agent_id, task_id, "
                    + "result, model, started_at, finished_at, duration_ms, tokens, cost) "
                    + "VALUES (?, ?, ?, ?::public.execution_result, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, tenant);
                ps.setObject(2, agent);
                ps.setObject(3, task);
                ps.setString(4, e.result().literal());
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
            return new ExecutionRecord(agent, task, title, e.result(), e.model(), e.startedAt(), e.finishedAt(),
                    e.durationMs(), e.tokens(), e.cost().doubleValue());
        }));
    }

    /**
     * Writes the EXECUTED edge through the SPI's upsert unless the edge already holds a later
     * execution; returns false when it was not written (the agent or task node is not in the graph
     * yet, or the edge is newer).
     */
    public static boolean project(GraphBackend graph, String g, ExecutionRecord r) {
        graph.ensureGraph(g);
        List<GraphRow> current = graph.query(g, "MATCH (:Agent {id: $agent})-[e:EXECUTED]->(:Task {id: $task}) "
                + "RETURN e.started_at AS started", Map.of("agent", r.agentId().toString(), "task", r.taskId().toString()));
        String started = (String) GraphValues.property("started_at", r.startedAt());
        for (GraphRow row : current) {
            String existing = row.getString("started");
            if (existing != null && existing.compareTo(started) > 0) {
                return false;
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("result", r.result() == null ? null : r.result().literal());
        props.put("model", r.model());
        props.put("started_at", r.startedAt());
        props.put("finished_at", r.finishedAt());
        props.put("duration_ms", r.durationMs());
        props.put("tokens", r.tokens());
        props.put("cost", r.cost());
        return graph.upsertEdges(g, EXECUTED, List.of(new EdgeRecord(r.agentId().toString(), r.taskId().toString(), props))) == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
