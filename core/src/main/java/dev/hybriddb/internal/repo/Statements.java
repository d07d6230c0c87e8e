package dev.hybriddb.internal.repo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import dev.hybriddb.internal.jooq.SdkEnumConverter;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultBinding;

/**
 * Fixed-shape repository statements (find, insert, update, delete by key), their SQL rendered by
 * jOOQ once per shape and reused: rendering the qualified column lists of a DSL query costs more
 * client time than the round trip it sends. A shape is rendered with a typed bind placeholder per
 * value ({@link #slot}), so the text is exactly what the DSL sends (casts included) and no value is
 * ever part of it; each execution binds the values as JDBC parameters on the transaction's
 * connection and reads the rows with jOOQ into the table's generated record. Only columns on
 * jOOQ's default bindings holding plain values qualify ({@link #bindable}); the rest stay on the DSL.
 * SQL errors surface as jOOQ's {@link DataAccessException}, as from the DSL.
 */
final class Statements {
    private static final int MAX = 4096;
    private static final Map<List<Object>, String> SQL = new ConcurrentHashMap<>();
    private static final Set<Class<?>> PLAIN = Set.of(String.class, UUID.class, Integer.class, Long.class, Short.class,
            Double.class, Float.class, BigDecimal.class, Boolean.class, OffsetDateTime.class, LocalDate.class,
            LocalDateTime.class, JSONB.class, String[].class);

    private static final String JOOQ_BINDINGS = DefaultBinding.class.getPackageName();

    private Statements() {}

    /** The SQL of the shape identified by {@code key}, rendered by {@code query} on first use. */
    static String sql(DSLContext dsl, List<Object> key, Supplier<Query> query) {
        String sql = SQL.get(key);
        if (sql == null) {
            sql = dsl.render(query.get());
            if (SQL.size() < MAX) {
                SQL.put(key, sql);
            }
        }
        return sql;
    }

    /** A bind placeholder of {@code field}'s type (rendered as the DSL renders a value of it). */
    static <T> Param<T> slot(Field<T> field) {
        return DSL.val(null, field.getDataType());
    }

    /** True when every column uses a default jOOQ binding and holds NULL or a plain value. */
    static boolean bindable(Map<Field<?>, Object> columns) {
        for (Map.Entry<Field<?>, Object> e : columns.entrySet()) {
            if (!bindable(e.getKey(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code field} uses one of jOOQ's built-in bindings (not a custom one such as the
     * vector or inet bindings) and {@code value} is NULL or a plain value.
     */
    static boolean bindable(Field<?> field, Object value) {
        return JOOQ_BINDINGS.equals(field.getBinding().getClass().getPackageName())
                && (value == null || value instanceof Enum<?> || PLAIN.contains(value.getClass()));
    }

    /** The single row of {@code sql} (a query or DML with RETURNING) as a {@code table} record, if any. */
    static <R extends Record> Optional<R> fetchOptional(DSLContext dsl, String sql, Table<R> table, Object... values) {
        return run(dsl, sql, values, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return dsl.fetchOptional(rs, table.fields()).map(r -> r.into(table));
            }
        });
    }

    /** Executes a DML statement and returns the affected row count. */
    static int execute(DSLContext dsl, String sql, Object... values) {
        return run(dsl, sql, values, PreparedStatement::executeUpdate);
    }

    private interface Work<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }

    private static <T> T run(DSLContext dsl, String sql, Object[] values, Work<T> work) {
        ConnectionProvider provider = dsl.configuration().connectionProvider();
        Connection c = provider.acquire();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                bind(ps, i + 1, values[i]);
            }
            return work.apply(ps);
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        } finally {
            provider.release(c);
        }
    }

    /** Binds a value of {@link #PLAIN} (or an enum, or NULL) as jOOQ's default bindings would. */
    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else if (value instanceof EnumType e) {
            ps.setString(index, e.getLiteral());
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, SdkEnumConverter.literalOf(e));
        } else if (value instanceof JSONB j) {
            ps.setString(index, j.data());
        } else if (value instanceof String[] a) {
            ps.setArray(index, ps.getConnection().createArrayOf("text", a));
        } else {
            ps.setObject(index, value);
        }
    }
}
