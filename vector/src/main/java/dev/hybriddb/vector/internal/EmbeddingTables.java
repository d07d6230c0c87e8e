package dev.hybriddb.vector.internal;

import dev.hybriddb.ConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the document table for a number of dimensions, once: {@code documents} when its
 * embedding column has that many, else {@code documents_d<n>} created by
 * {@code VectorStores.createDocumentStore(n)}. Shared by the stores of one plugin.
 */
public final class EmbeddingTables {
    private static final Pattern TYPE = Pattern.compile("(vector|halfvec)\\((\\d+)\\)");
    private static final String COLUMN_TYPES = "SELECT c.relname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'embedding' AND NOT a.attisdropped"
            + " WHERE c.relname IN ('documents', ?) AND c.relkind IN ('r', 'p')";

    private final Map<Integer, EmbeddingTable> found = new ConcurrentHashMap<>();

    /** The name of the per-dimension document table for {@code dimensions}. */
    public static String documentTableName(int dimensions) {
        return "documents_d" + dimensions;
    }

    /**
     * The document table for embeddings of {@code dimensions} components.
     *
     * @throws ConfigurationException when there is none yet
     */
    public EmbeddingTable documents(Connection c, int dimensions) throws SQLException {
        EmbeddingTable t = found.get(dimensions);
        if (t == null) {
            t = lookUp(c, dimensions);
            found.put(dimensions, t);
        }
        return t;
    }

    private static EmbeddingTable lookUp(Connection c, int dimensions) throws SQLException {
        String own = documentTableName(dimensions);
        String base = null;
        EmbeddingTable match = null;
        try (PreparedStatement ps = c.prepareStatement(COLUMN_TYPES)) {
            ps.setString(1, own);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    Matcher m = TYPE.matcher(rs.getString(2));
                    boolean fits = m.matches() && Integer.parseInt(m.group(2)) == dimensions;
                    if (table.equals("documents")) {
                        base = rs.getString(2);
                    }
                    if (fits && (match == null || table.equals("documents"))) {
                        match = new EmbeddingTable(table, dimensions, m.group(1).equals("halfvec"));
                    }
                }
            }
        }
        if (match == null) {
            throw new ConfigurationException("dimensions", dimensions, "has no document store (the documents table holds "
                    + base + "): create one with VectorStores.using(ownerDatabase).createDocumentStore(" + dimensions + ")");
        }
        return match;
    }
}
