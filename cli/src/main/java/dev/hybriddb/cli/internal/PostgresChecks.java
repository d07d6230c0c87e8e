package dev.hybriddb.cli.internal;

import dev.hybriddb.schema.TrigramOperators;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The doctor's PostgreSQL checks, each one query on a plain connection. */
public final class PostgresChecks {
    /** Extensions HybridDB uses, and whether it cannot work without them. */
    static final Map<String, Boolean> EXTENSIONS = new LinkedHashMap<>();

    static {
        EXTENSIONS.put("vector", true);
        EXTENSIONS.put("pgcrypto", true);
        EXTENSIONS.put("pg_trgm", true);
        EXTENSIONS.put("age", false);
    }

    private PostgresChecks() {}

    public static Check server(Connection c) throws SQLException {
        return Check.ok("postgresql", "reachable, " + scalar(c, "SELECT 'PostgreSQL ' || current_setting('server_version')"));
    }

    public static List<Check> extensions(Connection c) throws SQLException {
        Map<String, String> present = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT extname, extversion FROM pg_extension")) {
            while (rs.next()) present.put(rs.getString(1), rs.getString(2));
        }
        List<Check> out = new ArrayList<>();
        EXTENSIONS.forEach((name, required) -> {
            String v = present.get(name);
            if (v != null) {
                out.add(Check.ok("extension " + name, "version " + v));
            } else if (required) {
                out.add(Check.fail("extension " + name, "missing: run `hybriddb migrate` as the owner role"));
            } else {
                out.add(Check.warn("extension " + name, "missing: only the AGE graph backend needs it"));
            }
        });
        return out;
    }

    /** The application role must not be a superuser, must not bypass RLS, and must own nothing. */
    public static List<Check> appRole(Connection c) throws SQLException {
        List<Check> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            String role = rs.getString(1);
            out.add(Check.of(!rs.getBoolean(2), "role " + role + " not superuser", rs.getBoolean(2) ? "is a superuser" : "ok"));
            out.add(Check.of(!rs.getBoolean(3), "role " + role + " obeys RLS", rs.getBoolean(3) ? "has BYPASSRLS" : "NOBYPASSRLS"));
        }
        List<String> owned = owned(c);
        out.add(Check.of(owned.isEmpty(), "app role owns nothing",
                owned.isEmpty() ? "owns no tables, views, sequences or functions" : "owns " + owned));
        return out;
    }

    /** Relations and functions the current role owns outside system schemas (graph schemas included). */
    static List<String> owned(Connection c) throws SQLException {
        String sql = """
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                   AND n.nspname NOT IN ('information_schema', 'ag_catalog') AND n.nspname NOT LIKE 'pg\\_%'
                UNION ALL
                SELECT n.nspname || '.' || p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                   AND n.nspname NOT IN ('information_schema', 'ag_catalog') AND n.nspname NOT LIKE 'pg\\_%'
                ORDER BY 1 LIMIT 10
                """;
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Every table with a tenant_id column has row-level security enabled and forced. */
    public static Check rowLevelSecurity(Connection c) throws SQLException {
        String sql = """
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE a.attname = 'tenant_id' AND c.relkind IN ('r', 'p') AND n.nspname = current_schema()
                 ORDER BY 1
                """;
        List<String> weak = new ArrayList<>();
        int tables = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3)) weak.add(rs.getString(1));
            }
        }
        if (tables == 0) {
            return Check.warn("row-level security", "no tenant tables yet: run `hybriddb migrate`");
        }
        return Check.of(weak.isEmpty(), "row-level security",
                weak.isEmpty() ? "enabled and forced on all " + tables + " tenant tables" : "not enabled+forced on " + weak);
    }

    /**
     * Whether trigram searches can use their GIN indexes under row-level security: pg_trgm's
     * similarity operators must be LEAKPROOF, which takes a superuser (a warning otherwise: searches
     * still return the right rows, reading whole tables).
     */
    public static Check trigramIndexes(Connection c) throws SQLException {
        return TrigramOperators.leakproof(c) ? Check.ok("trigram search indexes", "pg_trgm operators LEAKPROOF")
                : Check.warn("trigram search indexes", "unused under row-level security: a superuser runs"
                        + " db/superuser/trigram-leakproof.sql (TrigramOperators.LEAKPROOF_SQL) in this database");
    }

    /**
     * Rows waiting in the sync outbox and the age of the oldest, with the tenants that hold the
     * most and the oldest; WARN beyond 10,000 rows or 5 minutes.
     */
    public static Check outboxBacklog(Connection c) throws SQLException {
        if (scalar(c, "SELECT to_regclass('hybriddb_sync.hybriddb_outbox')::text") == null) {
            return Check.warn("outbox backlog", "no outbox table: run `hybriddb migrate`");
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM hybriddb_sync.hybriddb_outbox")) {
            rs.next();
            long rows = rs.getLong(1);
            double oldest = rs.getDouble(2);
            String detail = String.format(java.util.Locale.ROOT, "%,d row(s) waiting, oldest %.0f s", rows, oldest)
                    + registeredTenants(c) + (rows == 0 ? "" : tenantBacklogs(c));
            if (rows > 10_000 || oldest > 300) {
                return Check.warn("outbox backlog", detail + ": is RealtimeSync running and the graph reachable?");
            }
            return Check.ok("outbox backlog", detail);
        }
    }

    /**
     * "; by tenant: &lt;id&gt; n row(s), oldest s; ...": the three tenants with the most waiting rows
     * and the tenant with the oldest row (one GROUP BY over the outbox). The sync applies each
     * tenant on its own, so one tenant far behind the others points at that tenant's graph.
     */
    private static String tenantBacklogs(Connection c) throws SQLException {
        String sql = "SELECT tenant_id, n, age FROM (SELECT tenant_id, count(*) AS n, "
                + "extract(epoch FROM now() - min(created_at)) AS age, "
                + "row_number() OVER (ORDER BY count(*) DESC, min(created_at)) AS by_rows, "
                + "row_number() OVER (ORDER BY min(created_at)) AS by_age "
                + "FROM hybriddb_sync.hybriddb_outbox WHERE tenant_id IS NOT NULL GROUP BY tenant_id) t "
                + "WHERE by_rows <= 3 OR by_age = 1 ORDER BY by_rows";
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "; by tenant: " : "; ")
                        .append(String.format(java.util.Locale.ROOT, "%s %,d row(s), oldest %.0f s",
                                rs.getString(1), rs.getLong(2), rs.getDouble(3)));
            }
        }
        return sb.toString();
    }

    /** "; n tenant graph(s) registered" (changelog 0960), or nothing before it. */
    private static String registeredTenants(Connection c) throws SQLException {
        if (scalar(c, "SELECT to_regclass('hybriddb_sync.hybriddb_graph_tenants')::text") == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; %,d tenant graph(s) registered",
                Long.parseLong(scalar(c, "SELECT count(*) FROM hybriddb_sync.hybriddb_graph_tenants")));
    }

    /**
     * The application role can create nothing that would outlive a transaction and shadow
     * HybridDB's tables for the next user of a pooled connection (a schema, a table, a temporary
     * table), and has no role-level settings ({@code ALTER ROLE ... SET}), which every new
     * session of the role would start with.
     */
    public static List<Check> appRoleRights(Connection c) throws SQLException {
        List<String> rights = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT pg_catalog.has_database_privilege(current_database(), 'CREATE'),
                       pg_catalog.has_database_privilege(current_database(), 'TEMPORARY')""")) {
            rs.next();
            if (rs.getBoolean(1)) rights.add("CREATE on the database");
            if (rs.getBoolean(2)) rights.add("TEMPORARY on the database");
        }
        for (String schema : strings(c, """
                SELECT nspname FROM pg_catalog.pg_namespace WHERE pg_catalog.has_schema_privilege(oid, 'CREATE')
                   AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1""")) {
            rights.add("CREATE on schema " + schema);
        }
        List<String> settings = strings(c, """
                SELECT DISTINCT pg_catalog.split_part(cfg, '=', 1) FROM pg_catalog.pg_db_role_setting s, unnest(s.setconfig) cfg
                 WHERE s.setrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
                   AND s.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))
                 ORDER BY 1""");
        return List.of(
                Check.of(rights.isEmpty(), "app role creates nothing", rights.isEmpty()
                        ? "no CREATE or TEMPORARY on the database, no CREATE on any schema"
                        : "has " + String.join(", ", rights) + ": run `hybriddb migrate` as the database owner, or revoke them"),
                Check.of(settings.isEmpty(), "app role has no role settings", settings.isEmpty() ? "none"
                        : "ALTER ROLE ... SET " + settings + ": an administrator should ALTER ROLE ... RESET them"));
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static boolean hasAge(Connection c) throws SQLException {
        return "t".equals(scalar(c, "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'age') THEN 't' ELSE 'f' END"));
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
