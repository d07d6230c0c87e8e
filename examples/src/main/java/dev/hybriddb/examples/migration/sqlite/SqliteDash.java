package dev.hybriddb.examples.migration.sqlite;

import dev.hybriddb.migrate.MigrationStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The legacy storage of the application: swarms and agents in a SQLite file, read and written
 * through jOOQ's DSL with {@link SQLDialect#SQLITE} (typed, with bind values). It is one side of
 * the migration: {@link #swarms()} and {@link #agents()} implement {@link MigrationStore}. One
 * connection, synchronized calls.
 */
public final class SqliteDash implements AutoCloseable {
    static final Table<Record> SWARMS = DSL.table(DSL.name("swarms"));
    static final Table<Record> AGENTS = DSL.table(DSL.name("agents"));
    static final Field<String> ID = DSL.field(DSL.name("id"), SQLDataType.CLOB.nullable(false));
    static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
    static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    static final Field<String> SWARM_ID = DSL.field(DSL.name("swarm_id"), SQLDataType.CLOB);
    static final Field<String> MODEL = DSL.field(DSL.name("model"), SQLDataType.CLOB);
    static final Field<String> TASK = DSL.field(DSL.name("task"), SQLDataType.CLOB);
    static final List<Field<?>> SWARM_COLUMNS = List.of(ID, NAME, STATUS);
    static final List<Field<?>> AGENT_COLUMNS = List.of(ID, SWARM_ID, NAME, MODEL, TASK, STATUS);

    private final Connection connection;
    private final DSLContext dsl;

    private SqliteDash(Connection connection) {
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.SQLITE);
    }

    /** Opens (and creates when missing) the database file and its tables. */
    public static SqliteDash open(Path file) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteDash dash = new SqliteDash(c);
            dash.dsl.createTableIfNotExists(SWARMS).columns(SWARM_COLUMNS).primaryKey(ID).execute();
            dash.dsl.createTableIfNotExists(AGENTS).columns(AGENT_COLUMNS).primaryKey(ID).execute();
            return dash;
        } catch (SQLException | DataAccessException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The swarms table as one side of a migration. */
    public MigrationStore<DashSwarm> swarms() {
        return new Side<>(SWARMS, SWARM_COLUMNS, s -> columns(NAME, s.name(), STATUS, s.status()),
                DashSwarm::id, r -> new DashSwarm(r.get(ID), r.get(NAME), r.get(STATUS)));
    }

    /** The agents table as one side of a migration. */
    public MigrationStore<DashAgent> agents() {
        return new Side<>(AGENTS, AGENT_COLUMNS, a -> columns(SWARM_ID, a.swarmId(), NAME, a.name(), MODEL, a.model(),
                TASK, a.task(), STATUS, a.status()),
                DashAgent::id, r -> new DashAgent(r.get(ID), r.get(SWARM_ID), r.get(NAME), r.get(MODEL), r.get(TASK), r.get(STATUS)));
    }

    /** One table: upsert by id, read, delete, read all ordered by id. */
    private final class Side<V> implements MigrationStore<V> {
        private final Table<Record> table;
        private final List<Field<?>> columns;
        private final java.util.function.Function<V, Map<Field<?>, Object>> values;
        private final java.util.function.Function<V, String> idOf;
        private final org.jooq.RecordMapper<Record, V> mapper;

        Side(Table<Record> table, List<Field<?>> columns, java.util.function.Function<V, Map<Field<?>, Object>> values,
                java.util.function.Function<V, String> idOf, org.jooq.RecordMapper<Record, V> mapper) {
            this.table = table;
            this.columns = columns;
            this.values = values;
            this.idOf = idOf;
            this.mapper = mapper;
        }

        @Override
        public Optional<V> read(String key) {
            return call(() -> dsl.select(columns).from(table).where(ID.eq(key)).fetchOptional(mapper));
        }

        @Override
        public void write(V value) {
            Map<Field<?>, Object> v = values.apply(value);
            call(() -> dsl.insertInto(table).set(ID, idOf.apply(value)).set(v)
                    .onConflict(ID).doUpdate().set(v)           // INSERT ... ON CONFLICT (id) DO UPDATE, in SQLite's dialect
                    .execute());
        }

        @Override
        public boolean delete(String key) {
            return call(() -> dsl.deleteFrom(table).where(ID.eq(key)).execute() == 1);
        }

        @Override
        public List<V> readAll() {
            return call(() -> dsl.select(columns).from(table).orderBy(ID).fetch(mapper));
        }
    }

    private <T> T call(Supplier<T> work) {
        synchronized (this) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                throw new IllegalStateException("SQLite call failed: " + e.getMessage(), e);
            }
        }
    }

    /** Column values in order (field, value, field, value...); a null value is written as NULL. */
    private static Map<Field<?>, Object> columns(Object... fieldsAndValues) {
        Map<Field<?>, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            out.put((Field<?>) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return out;
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
