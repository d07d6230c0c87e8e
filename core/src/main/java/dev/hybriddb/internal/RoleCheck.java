package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check: the application role must not be superuser, must not bypass row-level
 * security and must not own (directly or through a role it inherits) any table in HybridDB's
 * schema, since any of these would switch tenant isolation off. Its queries name their schemas
 * and run in an SDK transaction (fixed {@code search_path}), so no session or role setting of the
 * application role changes the answer. Role-level settings are reported as a warning (see
 * {@code hybriddb doctor}); the pool's startup options override the ones HybridDB relies on.
 */
public final class RoleCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCheck.class);
    private static final String ROLE = "select rolsuper, rolbypassrls from pg_catalog.pg_roles where rolname = current_user";
    private static final String OWNED = """
            select count(*), (array_agg(c.relname::text order by c.relname))[1:5]
              from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p')
               and pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')""";
    private static final String ROLE_SETTINGS = """
            select count(*) from pg_catalog.pg_db_role_setting s
             where s.setrole = (select oid from pg_catalog.pg_roles where rolname = current_user)
               and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_database()))""";

    private RoleCheck() {}

    /** Throws {@link ConfigurationException} naming the role and the reason when it is unfit. */
    public static void requireApplicationRole(Database db, String role) {
        String problem = db.inTransaction(SdkWork.of(c -> {
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
        }));
        warnAboutRoleSettings(db, role);
        if (problem != null) {
            throw new ConfigurationException("user (POSTGRES_USER)", role, problem
                    + "; connect as an application role that neither owns the tables nor bypasses row-level security"
                    + " and run migrations as the owner (HYBRIDDB_MIGRATION_USER)");
        }
    }

    private static void warnAboutRoleSettings(Database db, String role) {
        long settings = db.inTransaction(SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement(ROLE_SETTINGS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        if (settings > 0) {
            LOG.warn("the application role {} has role-level settings (ALTER ROLE ... SET) in this database;"
                    + " HybridDB overrides the ones it relies on, but remove them (see hybriddb doctor)", role);
        }
    }
}
