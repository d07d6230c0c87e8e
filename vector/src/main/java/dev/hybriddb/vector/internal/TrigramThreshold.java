package dev.hybriddb.vector.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * pg_trgm's word similarity threshold (the cut-off of the index operator {@code %>}), set for
 * the transaction with {@code set_config(..., true)} and put back afterwards.
 */
public final class TrigramThreshold {
    private static final String SETTING = "pg_trgm.word_similarity_threshold";

    private TrigramThreshold() {}

    /** Sets the threshold and returns the value it had (null when pg_trgm was not loaded yet). */
    public static String set(Connection c, double value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true), set_config(?, ?, true)")) {
            ps.setString(1, SETTING);
            ps.setString(2, SETTING);
            ps.setString(3, Double.toString(value));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Puts back a value {@link #set} returned (nothing to do for null). */
    public static void restore(Connection c, String previous) throws SQLException {
        if (previous == null || previous.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, true)")) {
            ps.setString(1, SETTING);
            ps.setString(2, previous);
            ps.execute();
        }
    }
}
