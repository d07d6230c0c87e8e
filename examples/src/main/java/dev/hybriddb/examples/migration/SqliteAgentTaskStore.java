package dev.hybriddb.examples.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A legacy store in a SQLite file: one {@code agent_tasks} table, written and read through jOOQ's
 * DSL with {@link SQLDialect#SQLITE} over sqlite-jdbc. This is the one example that shows the jOOQ
 * DSL on purpose: an application that already speaks SQL to its old store keeps doing so, typed
 * and with bind values, while it moves onto HybridDB. Not thread-safe beyond SQLite's own
 * locking: one connection, synchronized calls.
 */
public final class SqliteAgentTaskStore implements AgentTaskStore, AutoCloseable {
    static final Table<Record> AGENT_TASKS = DSL.table(DSL.name("agent_tasks"));
    static final Field<String> ID = DSL.field(DSL.name("id"), SQLDataType.CLOB.nullable(false));
    static final Field<String> DIRECTION = DSL.field(DSL.name("direction"), SQLDataType.CLOB);
    static final Field<String> TASK_TYPE = DSL.field(DSL.name("task_type"), SQLDataType.CLOB);
    static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    static final Field<String> MODEL = DSL.field(DSL.name("model"), SQLDataType.CLOB);
    static final Field<String> COMMAND = DSL.field(DSL.name("command"), SQLDataType.CLOB);
    static final Field<String> OUTPUT = DSL.field(DSL.name("output"), SQLDataType.CLOB);
    static final Field<Integer> PROGRESS_PCT = DSL.field(DSL.name("progress_pct"), SQLDataType.INTEGER);
    private static final List<Field<?>> COLUMNS = List.of(ID, DIRECTION, TASK_TYPE, STATUS, MODEL, COMMAND, OUTPUT, PROGRESS_PCT);

    private final Connection connection;
    private final DSLContext dsl;

    private SqliteAgentTaskStore(Connection connection) {
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.SQLITE);
    }

    /** Opens (and creates when missing) the database file and its table. */
    public static SqliteAgentTaskStore open(Path file) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteAgentTaskStore store = new SqliteAgentTaskStore(c);
            store.dsl.createTableIfNotExists(AGENT_TASKS).columns(COLUMNS).primaryKey(ID).execute();
            return store;
        } catch (SQLException | DataAccessException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void put(AgentTask t) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(DIRECTION, t.direction());
        values.put(TASK_TYPE, t.taskType());
        values.put(STATUS, t.status());
        values.put(MODEL, t.model());
        values.put(COMMAND, t.command());
        values.put(OUTPUT, t.output());
        values.put(PROGRESS_PCT, t.progressPct());
        try {
            dsl.insertInto(AGENT_TASKS).set(ID, t.id()).set(values)
                    .onConflict(ID).doUpdate().set(values)      // INSERT ... ON CONFLICT (id) DO UPDATE, in SQLite's dialect
                    .execute();
        } catch (DataAccessException e) {
            throw new IllegalStateException("SQLite write of task " + t.id() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<AgentTask> get(String id) {
        return read(() -> dsl.select(COLUMNS).from(AGENT_TASKS).where(ID.eq(id)).fetchOptional(SqliteAgentTaskStore::task));
    }

    @Override
    public synchronized List<AgentTask> all() {
        return read(() -> dsl.select(COLUMNS).from(AGENT_TASKS).orderBy(ID).fetch(SqliteAgentTaskStore::task));
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            throw new IllegalStateException("SQLite read failed: " + e.getMessage(), e);
        }
    }

    private static AgentTask task(Record r) {
        return new AgentTask(r.get(ID), r.get(DIRECTION), r.get(TASK_TYPE), r.get(STATUS), r.get(MODEL),
                r.get(COMMAND), r.get(OUTPUT), r.get(PROGRESS_PCT));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the SQLite store failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the open failure is what the caller needs to see
            }
        }
    }
}
