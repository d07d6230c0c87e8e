package dev.hybriddb.coordination.internal;

import dev.hybriddb.Database;
import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.RankedCandidates;
import dev.hybriddb.coordination.internal.Rows.ClosureRows;
import dev.hybriddb.coordination.internal.Rows.Neighbourhood;
import dev.hybriddb.coordination.internal.Rows.TaskClosures;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import dev.hybriddb.internal.SdkWork;
import dev.hybriddb.model.TaskStatus;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Coordination rows from PostgreSQL (tables agents, tasks, task_dependencies, agent_executions),
 * in one tenant-scoped transaction per call, every value a parameter. Enum columns are read as
 * their literals and converted to the SDK's enums here.
 */
public final class SqlStore implements CoordinationStore {
    private static final String AGENT_COLUMNS = "a.id, a.name, a.role::text, a.status::text";

    private final Database db;

    public SqlStore(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> select(UUID tenant, String sql, Binder binder, RowMapper<T> mapper) {
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps, c);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            }
        }));
    }

    @Override
    public Optional<TaskProfile> task(UUID tenant, UUID id) {
        return select(tenant, "SELECT id, title, status::text, required_capabilities, pos_x, pos_y, pos_z "
                + "FROM public.tasks WHERE id = ?", (ps, c) -> ps.setObject(1, id),
                rs -> new TaskProfile(uuid(rs, 1), rs.getString(2), Rows.taskStatus(rs.getString(3)),
                        strings(rs.getArray(4)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7))).stream().findFirst();
    }

    @Override
    public List<AgentCandidate> candidates(UUID tenant, Set<TaskStatus> closedStatuses) {
        Object[] closed = closedStatuses.stream().map(TaskStatus::literal).toArray();
        return select(tenant, "SELECT " + AGENT_COLUMNS + ", a.capabilities, a.pos_x, a.pos_y, a.pos_z, "
                + "(SELECT count(*) FROM public.tasks w WHERE w.assigned_agent_id = a.id AND w.status::text <> ALL (?)) "
                + "FROM public.agents a",
                (ps, c) -> ps.setArray(1, c.createArrayOf("text", closed)),
                rs -> new AgentCandidate(agent(rs), strings(rs.getArray(5)), rs.getDouble(6), rs.getDouble(7),
                        rs.getDouble(8), rs.getLong(9)));
    }

    /**
     * Starts from the GIN index on {@code capability_keys}, keeps the eligible agents, reads each
     * one's {@code open_task_count} (kept by triggers on tasks) and computes the whole score in the
     * order and float8 arithmetic of {@link AssignmentScorer#score}, then sorts and keeps the
     * first {@code limit}.
     */
    @Override
    public RankedCandidates topCandidates(UUID tenant, TaskProfile task, List<String> keys, Map<String, Double> availability,
                                          int limit) {
        String sql = "SELECT h.id, h.name, h.role, h.status, h.capabilities, h.x, h.y, h.z, h.open, "
                + "floor(40.0::float8 * (h.m / ?::float8) + 25.0::float8 * (1.0::float8 / (1.0::float8 + h.open)) "
                + "+ 20.0::float8 * h.av + 15.0::float8 * (1.0::float8 / (1.0::float8 + sqrt((h.x - ?) * (h.x - ?) "
                + "+ (h.y - ?) * (h.y - ?) + (h.z - ?) * (h.z - ?)) / 10.0::float8)) + 0.5::float8) AS score "
                + "FROM (SELECT a.id, a.name, a.role::text AS role, a.status::text AS status, a.capabilities, "
                + "coalesce(a.pos_x, 0)::float8 AS x, coalesce(a.pos_y, 0)::float8 AS y, coalesce(a.pos_z, 0)::float8 AS z, "
                + "(SELECT count(*) FROM unnest(a.capability_keys) k WHERE k = ANY (?))::float8 AS m, "
                + "coalesce((?::float8[])[array_position(?::text[], a.status::text)], 0.0::float8) AS av, "
                + "a.open_task_count::float8 AS open "
                + "FROM public.agents a WHERE a.capability_keys && ?::text[] AND a.role::text <> ? AND a.status::text = ANY (?)) h "
                + "ORDER BY score DESC, h.m DESC, h.open ASC, h.id LIMIT ?";
        Object[] statuses = availability.keySet().toArray();
        List<Integer> scores = new ArrayList<>();
        List<AgentCandidate> rows = select(tenant, sql, (ps, c) -> {
            Array keyArray = c.createArrayOf("text", keys.toArray());
            Array statusArray = c.createArrayOf("text", statuses);
            int i = 1;
            ps.setDouble(i++, keys.size());
            for (double v : new double[] {task.x(), task.x(), task.y(), task.y(), task.z(), task.z()}) {
                ps.setDouble(i++, v);
            }
            ps.setArray(i++, keyArray);
            ps.setArray(i++, c.createArrayOf("float8", availability.values().toArray()));
            ps.setArray(i++, statusArray);
            ps.setArray(i++, keyArray);
            ps.setString(i++, dev.hybriddb.model.AgentRole.PROJECT_MANAGER.literal());
            ps.setArray(i++, statusArray);
            ps.setInt(i, limit);
        }, rs -> {
            scores.add((int) rs.getDouble(10));
            return new AgentCandidate(agent(rs), strings(rs.getArray(5)), rs.getDouble(6), rs.getDouble(7),
                    rs.getDouble(8), rs.getLong(9));
        });
        return new RankedCandidates(rows, scores);
    }

    @Override
    public List<AgentSummary> agents(UUID tenant, Collection<UUID> agentIds) {
        UUID[] ids = agentIds.toArray(UUID[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return select(tenant, "SELECT " + AGENT_COLUMNS + " FROM public.agents a WHERE a.id = ANY (?)",
                (ps, c) -> ps.setArray(1, c.createArrayOf("uuid", ids)), SqlStore::agent);
    }

    @Override
    public List<AgentSummary> managedBy(UUID tenant, UUID id) {
        return select(tenant, "SELECT " + AGENT_COLUMNS + " FROM public.agents a WHERE a.manager_id = ?",
                (ps, c) -> ps.setObject(1, id), SqlStore::agent);
    }

    @Override
    public List<TaskSummary> teamTasks(UUID tenant, UUID id) {
        // index lookups only (a UNION, each agent's tasks in a LATERAL seek): with OR ... IN (subquery)
        // PostgreSQL filtered every task of the tenant
        return select(tenant, "SELECT t.id, t.title, t.status::text FROM public.tasks t WHERE t.coordinator_id = ? "
                + "UNION SELECT t.id, t.title, t.status::text FROM public.agents m CROSS JOIN LATERAL "
                + "(SELECT t.id, t.title, t.status FROM public.tasks t WHERE t.assigned_agent_id = m.id OFFSET 0) t "
                + "WHERE m.manager_id = ?",
                (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setObject(2, id);
                }, rs -> new TaskSummary(uuid(rs, 1), rs.getString(2), Rows.taskStatus(rs.getString(3))));
    }

    /**
     * Both closures and the task's own row in one statement: two recursive walks over the
     * dependency edges themselves (so no join back to the edge table is needed), each step and
     * each far task an index seek in a {@code LATERAL (... OFFSET 0)} subquery that the planner
     * cannot turn into a hash join over the whole table (which it chose for small tables: 12 ms
     * instead of 0.8 at 5,000 tasks). {@code UNION} keeps each edge once, also around cycles.
     * Column 1 tells the rows apart: 0 the task itself, 1 an edge towards its blockers, 2 an edge
     * from a task it blocks.
     */
    private static final String BOTH_CLOSURES = "WITH RECURSIVE "
            + "down(near, far) AS (SELECT d.task_id, d.depends_on_task_id FROM public.task_dependencies d WHERE d.task_id = ? "
            + "UNION SELECT e.task_id, e.depends_on_task_id FROM down r CROSS JOIN LATERAL (SELECT d.task_id, d.depends_on_task_id "
            + "FROM public.task_dependencies d WHERE d.task_id = r.far OFFSET 0) e), "
            + "up(near, far) AS (SELECT d.depends_on_task_id, d.task_id FROM public.task_dependencies d WHERE d.depends_on_task_id = ? "
            + "UNION SELECT e.depends_on_task_id, e.task_id FROM up r CROSS JOIN LATERAL (SELECT d.task_id, d.depends_on_task_id "
            + "FROM public.task_dependencies d WHERE d.depends_on_task_id = r.far OFFSET 0) e) "
            + "SELECT 0, t.id, t.id, t.id, t.title, t.status::text FROM public.tasks t WHERE t.id = ? "
            + "UNION ALL SELECT 1, r.near, r.far, t.id, t.title, t.status::text FROM down r CROSS JOIN LATERAL "
            + "(SELECT t.id, t.title, t.status FROM public.tasks t WHERE t.id = r.far OFFSET 0) t "
            + "UNION ALL SELECT 2, r.far, r.near, t.id, t.title, t.status::text FROM up r CROSS JOIN LATERAL "
            + "(SELECT t.id, t.title, t.status FROM public.tasks t WHERE t.id = r.far OFFSET 0) t";

    @Override
    public Optional<TaskClosures> dependencies(UUID tenant, UUID taskId) {
        ClosureRows down = new ClosureRows();
        ClosureRows up = new ClosureRows();
        List<Integer> kinds = select(tenant, BOTH_CLOSURES, (ps, c) -> {
            ps.setObject(1, taskId);
            ps.setObject(2, taskId);
            ps.setObject(3, taskId);
        }, rs -> {
            int kind = rs.getInt(1);
            if (kind != 0) {
                (kind == 1 ? down : up).add(uuid(rs, 2), uuid(rs, 3), uuid(rs, 4), rs.getString(5), rs.getString(6));
            }
            return kind;
        });
        if (!kinds.contains(0)) {
            return Optional.empty();
        }
        return Optional.of(new TaskClosures(down.closure(), up.closure()));
    }

    /** The agents' managers and the agents they manage, both ends' summaries on each row. */
    private static final String MANAGES_LINKS = "SELECT m.id, m.name, m.role::text, m.status::text, "
            + "a.id, a.name, a.role::text, a.status::text FROM public.agents a JOIN public.agents m ON m.id = a.manager_id "
            + "WHERE a.id = ANY (?) OR a.manager_id = ANY (?)";
    /** The agents' swarm mates, with the mates' summaries. */
    private static final String SWARM_LINKS = "SELECT b.id, b.name, b.role::text, b.status::text, a.id, a.swarm_id "
            + "FROM public.agents a JOIN public.agents b ON b.swarm_id = a.swarm_id AND b.id <> a.id WHERE a.id = ANY (?)";

    @Override
    public Neighbourhood links(UUID tenant, Collection<UUID> agentIds) {
        UUID[] ids = agentIds.toArray(UUID[]::new);
        if (ids.length == 0) {
            return new Neighbourhood(List.of(), Map.of());
        }
        return db.inTenant(tenant, SdkWork.of(c -> {
            Array array = c.createArrayOf("uuid", ids);
            List<AgentLink> links = new ArrayList<>();
            Map<UUID, AgentSummary> agents = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(MANAGES_LINKS)) {
                ps.setArray(1, array);
                ps.setArray(2, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AgentSummary manager = agent(rs, 1);
                        AgentSummary managed = agent(rs, 5);
                        agents.put(manager.id(), manager);
                        agents.put(managed.id(), managed);
                        links.add(new AgentLink(manager.id(), managed.id(), AgentLink.MANAGES, null));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SWARM_LINKS)) {
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AgentSummary mate = agent(rs, 1);
                        agents.put(mate.id(), mate);
                        links.add(new AgentLink(uuid(rs, 5), mate.id(), AgentLink.SAME_SWARM, uuid(rs, 6)));
                    }
                }
            }
            return new Neighbourhood(links, agents);
        }));
    }

    @Override
    public List<ExecutionRecord> executions(UUID tenant, UUID id, int limit) {
        return select(tenant, "SELECT l.task_id, t.title, l.result::text, l.model, l.started_at, l.finished_at, "
                + "l.duration_ms, l.tokens, l.cost FROM (SELECT DISTINCT ON (e.task_id) e.* FROM public.agent_executions e "
                + "WHERE e.agent_id = ? ORDER BY e.task_id, e.started_at DESC, e.id DESC) l "
                + "JOIN public.tasks t ON t.id = l.task_id ORDER BY l.started_at DESC, l.task_id ASC LIMIT ?",
                (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setInt(2, limit);
                },
                rs -> new ExecutionRecord(id, uuid(rs, 1), rs.getString(2), Rows.result(rs.getString(3)), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
                        rs.getObject(7) == null ? null : rs.getLong(7), rs.getLong(8), decimal(rs.getBigDecimal(9))));
    }

    private static AgentSummary agent(ResultSet rs) throws SQLException {
        return agent(rs, 1);
    }

    /** The id, name, role and status in columns {@code first} to {@code first + 3}. */
    private static AgentSummary agent(ResultSet rs, int first) throws SQLException {
        return new AgentSummary(uuid(rs, first), rs.getString(first + 1), Rows.role(rs.getString(first + 2)),
                Rows.agentStatus(rs.getString(first + 3)));
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static double decimal(BigDecimal d) {
        return d == null ? 0.0 : d.doubleValue();
    }
}
