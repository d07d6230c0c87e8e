package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The start-up check: the application role must not be superuser, must not bypass row-level
 * security and must not own (directly or through a role it inherits) any table in HybridDB's
 * schema, since any of these would switch tenant isolation off.
 */
public final class RoleCheck {
    private static final String ROLE = "select rolsuper, rolbypassrls from pg_roles where rolname = current_user";
    private static final String OWNED = """
            select count(*), (array_agg(c.relname::text order by c.relname))[1:5]
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind in ('r', 'p')
               and pg_has_role(current_user, c.relowner, 'USAGE')""";

    private RoleCheck() {}

    /** Throws {@link ConfigurationException} naming the role and the reason when it is unfit. */
    public static void requireApplicationRole(Database db, String role) {
        String problem = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ROLE); ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return "is a superuser";
                }
                if (rs.getRow() > 0 && rs.getBoolean(2)) {
                    return "has BYPASSRLS";
                }
            }
            try (PreparedStatement ps = c.prepareStatement(OWNED); ResultSet rs = ps.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                return count == 0 ? null : "owns " + count + " HybridDB table(s) ("
                        + String.join(", ", (String[]) rs.getArray(2).getArray()) + (count > 5 ? ", ..." : "") + ")";
            }
        });
        if (problem != null) {
            throw new ConfigurationException("user (POSTGRES_USER)", role, problem
                    + "; connect as an application role that neither owns the tables nor bypasses row-level security"
                    + " and run migrations as the owner (HYBRIDDB_MIGRATION_USER)");
        }
    }
}
