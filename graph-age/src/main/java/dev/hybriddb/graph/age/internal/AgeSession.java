package dev.hybriddb.graph.age.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes AGE usable on a connection: loads the library ({@code LOAD 'age'}, or for roles that may
 * only load plugins, {@code LOAD '$libdir/plugins/age'}) and puts {@code ag_catalog} on the
 * search path. Loading a library that is already loaded (e.g. by
 * {@code session_preload_libraries}) does nothing.
 *
 * <p>The backend's statements are index seeks and batched writes of a few hundred rows, never
 * analytics, so its sessions (and, on a caller's DataSource, its transactions) run without JIT
 * compilation ({@link #NO_JIT}): without statistics on freshly loaded label tables the planner
 * estimates a walk at millions of rows, and compiling it took about 380 ms for a 1.5 ms query.
 */
public final class AgeSession {
    /** The search path AGE's documentation asks for. */
    public static final String SEARCH_PATH = "ag_catalog, \"$user\", public";
    /** Turns off JIT compilation for the session (or, with {@code SET LOCAL}, the transaction). */
    public static final String NO_JIT = "jit = off";
    private static final Logger LOG = LoggerFactory.getLogger(AgeSession.class);
    private static final List<String> LOADS = List.of("LOAD 'age'", "LOAD '$libdir/plugins/age'");

    private volatile String workingLoad;

    /** Loads AGE on an autocommit connection; remembers which LOAD worked. */
    public void load(Connection c) throws SQLException {
        String known = workingLoad;
        if (known != null) {
            try (Statement st = c.createStatement()) {
                st.execute(known);
                return;
            }
        }
        SQLException last = null;
        for (String load : LOADS) {
            try (Statement st = c.createStatement()) {
                st.execute(load);
                workingLoad = load;
                return;
            } catch (SQLException e) {
                if (isConnectionFailure(e)) {
                    throw e;
                }
                last = e;
            }
        }
        // Neither LOAD was allowed; AGE may still be preloaded. Queries will say so if it is not.
        LOG.warn("could not LOAD the AGE library ({}); relying on it being preloaded", last.getMessage());
    }

    /** Loads AGE and sets the session's search path: for connections a pool of our own hands out. */
    public void prepareSession(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (!auto) {
            c.setAutoCommit(true);
        }
        load(c);
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path = " + SEARCH_PATH + "; SET " + NO_JIT);
        }
        if (!auto) {
            c.setAutoCommit(false);
        }
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }
}
