package dev.hybriddb.vector.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads every row of a prepared query. */
public final class Rows {
    private Rows() {}

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Executes {@code ps} and reads every row with {@code reader}, in order. */
    public static <T> List<T> all(PreparedStatement ps, Reader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(reader.read(rs));
            }
        }
        return out;
    }
}
