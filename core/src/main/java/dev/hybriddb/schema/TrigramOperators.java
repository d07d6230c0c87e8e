package dev.hybriddb.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether trigram searches on tenant tables can use their GIN indexes. Under row-level security
 * PostgreSQL uses an index for a condition only when its operator is {@code LEAKPROOF}, and
 * pg_trgm's similarity operators are not marked so when the extension is created: the searches
 * return the right rows either way, but without the marking they read every row of the table.
 * Marking them takes a superuser, once per database ({@link #LEAKPROOF_SQL}); the migration role
 * cannot do it.
 */
public final class TrigramOperators {
    /** The statement a superuser runs in each database (and template1) to mark the operators LEAKPROOF. */
    public static final String LEAKPROOF_SQL = read("db/superuser/trigram-leakproof.sql");

    private TrigramOperators() {}

    /** True when every pg_trgm similarity operator function of the connection's database is LEAKPROOF. */
    public static boolean leakproof(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE NOT p.proleakproof), count(*)"
                + " FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid"
                + " AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_trgm'"
                + " WHERE p.proname IN ('similarity_op', 'word_similarity_op', 'word_similarity_commutator_op')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0 && rs.getLong(2) > 0;
        }
    }

    private static String read(String resource) {
        try (InputStream in = TrigramOperators.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (hybriddb-schema)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
