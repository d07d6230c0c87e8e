package dev.hybriddb.cli.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The doctor's check that AGE graphs are closed to the application role: no use of
 * {@code ag_catalog} (which lists every graph, hence every tenant, and holds {@code cypher()})
 * and no privilege on any graph schema. Run on the application role's connection.
 */
public final class AgeChecks {
    static final String NAME = "AGE graph isolation";
    private static final String SQL = """
            SELECT has_schema_privilege(n.oid, 'USAGE'),
                   coalesce((SELECT has_table_privilege(c.oid, 'SELECT') FROM pg_class c
                              WHERE c.relnamespace = n.oid AND c.relname = 'ag_graph'), false),
                   (SELECT count(*) FROM pg_class v WHERE v.relname = '_ag_label_vertex'
                       AND has_schema_privilege(v.relnamespace, 'USAGE'))
              FROM pg_namespace n WHERE n.nspname = 'ag_catalog'
            """;

    private AgeChecks() {}

    /**
     * OK when the application role can reach no graph; otherwise FAIL when AGE is the configured
     * backend ({@code ageBackend}), WARN when it is not. Nothing to check without the extension.
     */
    public static Check isolation(Connection app, boolean ageBackend, String graphRole) throws SQLException {
        if (!PostgresChecks.hasAge(app)) {
            return Check.ok(NAME, "the age extension is not installed");
        }
        boolean catalog;
        boolean listing;
        long graphs;
        try (Statement st = app.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
            rs.next();
            catalog = rs.getBoolean(1);
            listing = rs.getBoolean(2);
            graphs = rs.getLong(3);
        }
        if (!catalog && !listing && graphs == 0) {
            return Check.ok(NAME, "the application role can neither use ag_catalog nor any graph schema");
        }
        StringBuilder why = new StringBuilder();
        if (catalog || listing) {
            why.append("the application role can use ag_catalog (lists every tenant's graph, calls cypher());"
                    + " as a superuser (AGE's owner) run: REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC;"
                    + " REVOKE ALL ON ALL TABLES IN SCHEMA ag_catalog FROM PUBLIC; GRANT USAGE ON SCHEMA ag_catalog TO ")
                    .append(graphRole).append("; GRANT SELECT ON ag_catalog.ag_graph, ag_catalog.ag_label TO ")
                    .append(graphRole).append(" (and revoke any grant made to the application role itself)");
        }
        if (graphs > 0) {
            why.append(why.length() > 0 ? ". " : "").append("the application role can use ").append(graphs)
                    .append(" graph schema(s): graphs must be created by the graph role (it owns them; grant nothing on them)");
        }
        return ageBackend ? Check.fail(NAME, why.toString()) : Check.warn(NAME, why + " (AGE is not the configured backend)");
    }
}
