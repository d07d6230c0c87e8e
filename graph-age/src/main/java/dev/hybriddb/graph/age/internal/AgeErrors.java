package dev.hybriddb.graph.age.internal;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Translates JDBC failures into HybridDB's exceptions. */
public final class AgeErrors {
    private AgeErrors() {}

    /**
     * A timeout for a statement canceled by its time limit (a slow statement; the server answered),
     * Unavailable for connection loss, pool timeouts, shutdowns and lack of resources; else
     * GraphException.
     */
    public static HybridDBException translate(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = action + " failed: " + e.getMessage() + (state.isEmpty() ? "" : " [SQLState " + state + "]");
        if (state.equals("57014")) {
            return new GraphTimeoutException(action + " timed out (statement canceled by PostgreSQL, server reachable): "
                    + e.getMessage(), null, e);
        }
        if (isUnavailable(e, state)) {
            return new UnavailableException(message, e);
        }
        return new GraphException(message, e);
    }

    private static boolean isUnavailable(SQLException e, String state) {
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08")      // connection exceptions
                || state.startsWith("53")      // insufficient resources
                || state.startsWith("57P");    // admin shutdown, crash shutdown, cannot connect now
    }
}
