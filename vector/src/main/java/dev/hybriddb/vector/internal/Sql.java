package dev.hybriddb.vector.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A SQL text with its parameters, built in order; values never enter the text. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends SQL text (fixed fragments only). */
    public Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends SQL text containing one {@code ?} and its value. */
    public Sql append(String fragment, Object param) {
        text.append(fragment);
        params.add(param);
        return this;
    }

    /** Appends another builder's text and parameters. */
    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    /** Prepares the statement and binds the parameters. */
    public PreparedStatement prepare(Connection c) throws SQLException {
        return prepare(c, "");
    }

    /** Prepares {@code prefix + text} (e.g. {@code EXPLAIN }) and binds the parameters. */
    public PreparedStatement prepare(Connection c, String prefix) throws SQLException {
        PreparedStatement ps = c.prepareStatement(prefix + text);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
