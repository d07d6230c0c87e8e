package dev.hybriddb.sync.internal.capture;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each captured table was attached with ({@code hybriddb_sync.hybriddb_capture_tables},
 * changelog 0940): key, owner and secret columns, by schema and table name.
 */
public final class CaptureTables {
    /** The attach arguments of one table. */
    public record Spec(List<String> keyColumns, List<String> oldColumns, List<String> secretColumns) {
        /** The columns whose old values an update records when any of them changed. */
        public List<String> keyAndOldColumns() {
            return java.util.stream.Stream.concat(keyColumns.stream(), oldColumns.stream()).toList();
        }
    }

    private static final String SQL = "SELECT n.nspname, c.relname, t.key_columns, t.old_columns, t.secret_columns"
            + " FROM hybriddb_sync.hybriddb_capture_tables t JOIN pg_class c ON c.oid = t.tbl"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace";

    private final Map<String, Spec> specs;

    private CaptureTables(Map<String, Spec> specs) {
        this.specs = specs;
    }

    public static CaptureTables load(Connection c) throws SQLException {
        Map<String, Spec> specs = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
            while (rs.next()) {
                specs.put(key(rs.getString(1), rs.getString(2)),
                        new Spec(strings(rs.getArray(3)), strings(rs.getArray(4)), strings(rs.getArray(5))));
            }
        }
        return new CaptureTables(specs);
    }

    public Optional<Spec> spec(String schema, String table) {
        return Optional.ofNullable(specs.get(key(schema, table)));
    }

    private static String key(String schema, String table) {
        return schema + '\u0000' + table;
    }

    private static List<String> strings(Array a) throws SQLException {
        try {
            return List.of((String[]) a.getArray());
        } finally {
            a.free();
        }
    }
}
