package dev.hybriddb.examples.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A legacy store in a SQLite file (seed 001 keeps its SQLite storage layer for backward
 * compatibility): one {@code agent_tasks} table, written and read with plain JDBC through
 * sqlite-jdbc. Not thread-safe beyond SQLite's own locking: one connection, synchronized calls.
 */
public final class SqliteAgentTaskStore implements AgentTaskStore, AutoCloseable {
    private static final String COLUMNS = "id, direction, task_type, status, model, command, output, progress_pct";

    private final Connection connection;

    private SqliteAgentTaskStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (and creates when missing) the database file and its table. */
    public static SqliteAgentTaskStore open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS agent_tasks (id TEXT PRIMARY KEY, direction TEXT, task_type TEXT,"
                        + " status TEXT, model TEXT, command TEXT, output TEXT, progress_pct INTEGER)");
            }
            return new SqliteAgentTaskStore(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void put(AgentTask t) {
        String sql = "INSERT INTO agent_tasks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET direction = excluded.direction, task_type = excluded.task_type,"
                + " status = excluded.status, model = excluded.model, command = excluded.command,"
                + " output = excluded.output, progress_pct = excluded.progress_pct";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, t.id());
            ps.setString(2, t.direction());
            ps.setString(3, t.taskType());
            ps.setString(4, t.status());
            ps.setString(5, t.model());
            ps.setString(6, t.command());
            ps.setString(7, t.output());
            if (t.progressPct() == null) {
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(8, t.progressPct());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite write of task " + t.id() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<AgentTask> get(String id) {
        List<AgentTask> found = query("SELECT " + COLUMNS + " FROM agent_tasks WHERE id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public synchronized List<AgentTask> all() {
        return query("SELECT " + COLUMNS + " FROM agent_tasks ORDER BY id", null);
    }

    private List<AgentTask> query(String sql, String id) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<AgentTask> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int progress = rs.getInt(8);
                    out.add(new AgentTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.wasNull() ? null : progress));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the SQLite store failed: " + e.getMessage(), e);
        }
    }
}
