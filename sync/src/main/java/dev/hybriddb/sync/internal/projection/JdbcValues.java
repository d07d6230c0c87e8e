package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.sync.internal.JsonText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.util.PGobject;

/**
 * Reads a column into a neutral Java value: String, Long, Double, BigDecimal, Boolean, Instant,
 * LocalDate, UUID, List, {@link JsonText}, or null.
 */
public final class JdbcValues {
    private JdbcValues() {}

    public static Object read(ResultSet rs, int i) throws SQLException {
        return read(rs, i, rs.getMetaData().getColumnTypeName(i));
    }

    /** Reads column {@code i} whose PostgreSQL type name is {@code type}. */
    public static Object read(ResultSet rs, int i, String type) throws SQLException {
        switch (type) {
            case "timestamptz": {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case "timestamp": {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
            case "date": {
                return rs.getObject(i, LocalDate.class);
            }
            case "json":
            case "jsonb": {
                String s = rs.getString(i);
                return s == null ? null : new JsonText(s);
            }
            default:
                break;
        }
        Object v = rs.getObject(i);
        if (v instanceof Array a) {
            try {
                Object[] elements = (Object[]) a.getArray();
                return new ArrayList<>(Arrays.asList(elements));
            } finally {
                a.free();
            }
        }
        if (v instanceof PGobject p) {
            return p.getValue();
        }
        if (v instanceof Short || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    /** The PostgreSQL type names of columns 1..n. */
    public static String[] typeNames(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        String[] types = new String[n];
        for (int i = 0; i < n; i++) {
            types[i] = md.getColumnTypeName(i + 1);
        }
        return types;
    }
}
