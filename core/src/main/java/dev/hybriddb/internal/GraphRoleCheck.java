package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The start-up check for a graph kept in the same PostgreSQL (Apache AGE, backend name
 * {@code age}): the application role, which tenant code runs as, must not be able to use
 * {@code ag_catalog}, or it could list every tenant's graph and call {@code cypher()}.
 */
public final class GraphRoleCheck {
    private static final String CATALOG_USABLE = "select exists (select 1 from pg_catalog.pg_namespace"
            + " where nspname = 'ag_catalog' and has_schema_privilege(oid, 'USAGE'))";

    private GraphRoleCheck() {}

    /** Throws {@link ConfigurationException} when {@code graph} is AGE and the application role can use its catalog. */
    public static void requireGraphClosedToApplication(Database db, String role, GraphBackend graph) {
        if (graph == null || !"age".equals(graph.name())) {
            return;
        }
        boolean usable = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(CATALOG_USABLE); ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (usable) {
            throw new ConfigurationException("user (POSTGRES_USER)", role, "may use ag_catalog, so tenant code could list"
                    + " and read every tenant's AGE graph; a superuser must REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC"
                    + " (and from this role) and grant USAGE to the graph role only (see hybriddb doctor)");
        }
    }
}
