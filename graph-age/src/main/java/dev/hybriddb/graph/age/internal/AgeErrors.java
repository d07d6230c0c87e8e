package dev.hybriddb.graph.age.internal;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Translates JDBC failures into HybridDB's exceptions. */
public final class AgeErrors {
    private AgeErrors() {}

    /** Unavailable for connection loss, pool timeouts, shutdowns, lack of resources and timeouts; else GraphException. */
    public static HybridDBException translate(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = action + " failed: " + e.getMessage() + (state.isEmpty() ? "" : " [SQLState " + state + "]");
        if (isUnavailable(e, state)) {
            return new UnavailableException(message, e);
        }
        return new GraphException(message, e);
    }

    private static boolean isUnavailable(SQLException e, String state) {
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08")      // connection exceptions
                || state.startsWith("53")      // insufficient resources
                || state.startsWith("57P")     // admin shutdown, crash shutdown, cannot connect now
                || state.equals("57014");      // query canceled (timeout)
    }
}
