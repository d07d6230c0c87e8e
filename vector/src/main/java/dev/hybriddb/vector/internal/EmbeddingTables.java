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
 * Finds the table for a number of dimensions, once per kind: {@code documents} ({@code memories})
 * when its embedding column has that many, else {@code documents_d<n>} ({@code memories_d<n>})
 * created by {@code VectorStores}. Shared by the stores of one plugin.
 */
public final class EmbeddingTables {
    private static final Pattern TYPE = Pattern.compile("(vector|halfvec)\\((\\d+)\\)");
    private static final String COLUMN_TYPES = "SELECT c.relname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'embedding' AND NOT a.attisdropped"
            + " WHERE c.relname IN (?, ?) AND c.relkind IN ('r', 'p')";

    private final Map<String, EmbeddingTable> found = new ConcurrentHashMap<>();

    /**
     * The document table for embeddings of {@code dimensions} components.
     *
     * @throws ConfigurationException when there is none yet
     */
    public EmbeddingTable documents(Connection c, int dimensions) throws SQLException {
        return find(c, "documents", dimensions, "createDocumentStore");
    }

    /**
     * The memories table for embeddings of {@code dimensions} components.
     *
     * @throws ConfigurationException when there is none yet
     */
    public EmbeddingTable memories(Connection c, int dimensions) throws SQLException {
        return find(c, "memories", dimensions, "createMemoryStore");
    }

    private EmbeddingTable find(Connection c, String kind, int dimensions, String creator) throws SQLException {
        String key = kind + dimensions;
        EmbeddingTable t = found.get(key);
        if (t == null) {
            t = lookUp(c, kind, dimensions, creator);
            found.put(key, t);
        }
        return t;
    }

    private static EmbeddingTable lookUp(Connection c, String kind, int dimensions, String creator) throws SQLException {
        String own = kind + "_d" + dimensions;
        String base = null;
        EmbeddingTable match = null;
        try (PreparedStatement ps = c.prepareStatement(COLUMN_TYPES)) {
            ps.setString(1, kind);
            ps.setString(2, own);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    Matcher m = TYPE.matcher(rs.getString(2));
                    boolean fits = m.matches() && Integer.parseInt(m.group(2)) == dimensions;
                    if (table.equals(kind)) {
                        base = rs.getString(2);
                    }
                    if (fits && (match == null || table.equals(kind))) {
                        match = new EmbeddingTable(table, dimensions, m.group(1).equals("halfvec"));
                    }
                }
            }
        }
        if (match == null) {
            throw new ConfigurationException("dimensions", dimensions, "has no " + kind + " store (the " + kind
                    + " table holds " + base + "): create one with VectorStores.using(ownerDatabase)." + creator + "(" + dimensions + ")");
        }
        return match;
    }
}
