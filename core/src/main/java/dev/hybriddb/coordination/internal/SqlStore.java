package dev.hybriddb.coordination.internal;

import dev.hybriddb.Database;
import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.Dependency;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import dev.hybriddb.internal.SdkWork;
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
import java.util.UUID;

/**
 * Coordination rows from PostgreSQL (tables agents, tasks, task_dependencies, agent_executions),
 * in one tenant-scoped transaction per call, every value a parameter. Keys that are not UUIDs
 * cannot exist there and find nothing.
 */
public final class SqlStore implements CoordinationStore {
    private static final String AGENT_COLUMNS = "a.id::text, a.name, a.role::text, a.status::text";

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

    /** The key as a UUID, or null when it is not one (then nothing can match it). */
    static UUID uuid(String id) {
        try {
            return id != null && id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID[] uuids(Collection<String> ids) {
        return ids.stream().map(SqlStore::uuid).filter(java.util.Objects::nonNull).toArray(UUID[]::new);
    }

    @Override
    public Optional<TaskProfile> task(UUID tenant, String taskId) {
        UUID id = uuid(taskId);
        if (id == null) {
            return Optional.empty();
        }
        return select(tenant, "SELECT id::text, title, status::text, required_capabilities, pos_x, pos_y, pos_z "
                + "FROM tasks WHERE id = ?", (ps, c) -> ps.setObject(1, id),
                rs -> new TaskProfile(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7))).stream().findFirst();
    }

    @Override
    public List<AgentCandidate> candidates(UUID tenant, List<String> closedStatuses) {
        return select(tenant, "SELECT " + AGENT_COLUMNS + ", a.capabilities, a.pos_x, a.pos_y, a.pos_z, "
                + "(SELECT count(*) FROM tasks w WHERE w.assigned_agent_id = a.id AND w.status::text <> ALL (?)) "
                + "FROM agents a",
                (ps, c) -> ps.setArray(1, c.createArrayOf("text", closedStatuses.toArray())),
                rs -> new AgentCandidate(agent(rs), strings(rs.getArray(5)), rs.getDouble(6), rs.getDouble(7),
                        rs.getDouble(8), rs.getLong(9)));
    }

    @Override
    public List<AgentSummary> agents(UUID tenant, Collection<String> agentIds) {
        UUID[] ids = uuids(agentIds);
        if (ids.length == 0) {
            return List.of();
        }
        return select(tenant, "SELECT " + AGENT_COLUMNS + " FROM agents a WHERE a.id = ANY (?)",
                (ps, c) -> ps.setArray(1, c.createArrayOf("uuid", ids)), SqlStore::agent);
    }

    @Override
    public List<AgentSummary> managedBy(UUID tenant, String managerId) {
        UUID id = uuid(managerId);
        if (id == null) {
            return List.of();
        }
        return select(tenant, "SELECT " + AGENT_COLUMNS + " FROM agents a WHERE a.manager_id = ?",
                (ps, c) -> ps.setObject(1, id), SqlStore::agent);
    }

    @Override
    public List<TaskSummary> teamTasks(UUID tenant, String pmId) {
        UUID id = uuid(pmId);
        if (id == null) {
            return List.of();
        }
        return select(tenant, "SELECT t.id::text, t.title, t.status::text FROM tasks t WHERE t.coordinator_id = ? "
                + "OR t.assigned_agent_id IN (SELECT m.id FROM agents m WHERE m.manager_id = ?)",
                (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setObject(2, id);
                }, rs -> new TaskSummary(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public DependencyClosure blockers(UUID tenant, String taskId) {
        return closure(tenant, taskId, "WITH RECURSIVE reach(id) AS (SELECT ?::uuid UNION "
                + "SELECT d.depends_on_task_id FROM task_dependencies d JOIN reach r ON d.task_id = r.id) "
                + "SELECT d.task_id::text, d.depends_on_task_id::text, t.id::text, t.title, t.status::text "
                + "FROM task_dependencies d JOIN reach r ON d.task_id = r.id JOIN tasks t ON t.id = d.depends_on_task_id");
    }

    @Override
    public DependencyClosure blocked(UUID tenant, String taskId) {
        return closure(tenant, taskId, "WITH RECURSIVE reach(id) AS (SELECT ?::uuid UNION "
                + "SELECT d.task_id FROM task_dependencies d JOIN reach r ON d.depends_on_task_id = r.id) "
                + "SELECT d.task_id::text, d.depends_on_task_id::text, t.id::text, t.title, t.status::text "
                + "FROM task_dependencies d JOIN reach r ON d.depends_on_task_id = r.id JOIN tasks t ON t.id = d.task_id");
    }

    private DependencyClosure closure(UUID tenant, String taskId, String sql) {
        UUID id = uuid(taskId);
        if (id == null) {
            return new DependencyClosure(List.of(), Map.of());
        }
        Map<String, TaskSummary> tasks = new HashMap<>();
        List<Dependency> edges = select(tenant, sql, (ps, c) -> ps.setObject(1, id), rs -> {
            tasks.put(rs.getString(3), new TaskSummary(rs.getString(3), rs.getString(4), rs.getString(5)));
            return new Dependency(rs.getString(1), rs.getString(2));
        });
        return new DependencyClosure(edges, tasks);
    }

    @Override
    public List<AgentLink> links(UUID tenant, Collection<String> agentIds) {
        UUID[] ids = uuids(agentIds);
        if (ids.length == 0) {
            return List.of();
        }
        return db.inTenant(tenant, SdkWork.of(c -> {
            Array array = c.createArrayOf("uuid", ids);
            List<AgentLink> links = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.manager_id::text, a.id::text FROM agents a "
                    + "WHERE a.manager_id IS NOT NULL AND (a.id = ANY (?) OR a.manager_id = ANY (?))")) {
                ps.setArray(1, array);
                ps.setArray(2, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        links.add(new AgentLink(rs.getString(1), rs.getString(2), AgentLink.MANAGES, null));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id::text, b.id::text, a.swarm_id::text FROM agents a "
                    + "JOIN agents b ON b.swarm_id = a.swarm_id AND b.id <> a.id WHERE a.id = ANY (?)")) {
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        links.add(new AgentLink(rs.getString(1), rs.getString(2), AgentLink.SAME_SWARM, rs.getString(3)));
                    }
                }
            }
            return links;
        }));
    }

    @Override
    public List<ExecutionRecord> executions(UUID tenant, String agentId, int limit) {
        UUID id = uuid(agentId);
        if (id == null) {
            return List.of();
        }
        return select(tenant, "SELECT l.task_id::text, t.title, l.result::text, l.model, l.started_at, l.finished_at, "
                + "l.duration_ms, l.tokens, l.cost FROM (SELECT DISTINCT ON (e.task_id) e.* FROM agent_executions e "
                + "WHERE e.agent_id = ? ORDER BY e.task_id, e.started_at DESC, e.id DESC) l "
                + "JOIN tasks t ON t.id = l.task_id ORDER BY l.started_at DESC, l.task_id ASC LIMIT ?",
                (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setInt(2, limit);
                },
                rs -> new ExecutionRecord(agentId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
                        rs.getObject(7) == null ? null : rs.getLong(7), rs.getLong(8), decimal(rs.getBigDecimal(9))));
    }

    private static AgentSummary agent(ResultSet rs) throws SQLException {
        return new AgentSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
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
