package dev.hybriddb.vector;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops the ANN indexes of {@code documents.embedding} and {@code memories.embedding}.
 *
 * <p>The schema ships one HNSW cosine index per table
 * ({@code m = 16, ef_construction = 64}). Use this class to rebuild it with other parameters, to add
 * an index for L2 or inner-product search, or to switch to IVFFlat. Index DDL needs the owner of
 * the tables: give this class a {@link Database} that connects as the migration role, not the
 * application role. Query-time settings ({@code ef_search}, {@code probes}, iterative scans) are
 * per search, in {@link SearchOptions}.
 *
 * <p>Bulk loads: dropping the HNSW index, loading, then {@link #create} is much faster than
 * inserting into a live index.
 */
public final class IndexManager {
    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,5}(kB|MB|GB)");

    private final Database owner;
    private final String maintenanceWorkMem;

    private IndexManager(Database owner, String maintenanceWorkMem) {
        this.owner = Objects.requireNonNull(owner, "owner");
        if (!MEMORY.matcher(maintenanceWorkMem).matches()) {
            throw new InvalidInputException("maintenanceWorkMem", maintenanceWorkMem, "must look like 512MB (kB, MB or GB)");
        }
        this.maintenanceWorkMem = maintenanceWorkMem;
    }

    /** An index manager over a database that connects as the owner of the tables. */
    public static IndexManager using(Database owner) {
        return new IndexManager(owner, "256MB");
    }

    /** The same manager building indexes with {@code maintenance_work_mem} = {@code memory} (e.g. 1GB). */
    public IndexManager withMaintenanceWorkMem(String memory) {
        return new IndexManager(owner, memory);
    }

    /**
     * Creates the index {@code spec} describes, replacing an index of the same name (same table,
     * type and distance) in the same transaction, then analyzes the table. Returns the index name.
     * Writes to the table wait until the build commits (plain CREATE INDEX): schedule rebuilds of
     * large tables accordingly.
     */
    public String create(IndexSpec spec) {
        Objects.requireNonNull(spec, "spec");
        long start = System.nanoTime();
        owner.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('maintenance_work_mem', ?, true)")) {
                ps.setString(1, maintenanceWorkMem);
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS " + spec.name());
                st.execute(spec.createSql());
                st.execute("ANALYZE " + spec.table().tableName());
            }
            return null;
        });
        LOG.info("built index {} in {} ms", spec.name(), (System.nanoTime() - start) / 1_000_000);
        return spec.name();
    }

    /** Drops the index of that table, type and distance; false when there was none. */
    public boolean drop(VectorTable table, IndexSpec.Type type, Distance distance) {
        String name = IndexSpec.name(table, type, distance);
        return owner.inTransaction(c -> {
            boolean existed = list(c, table).contains(name);
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS " + name);
            }
            return existed;
        });
    }

    /** The names of the ANN indexes (hnsw, ivfflat) on {@code table}'s embedding, sorted. */
    public List<String> list(VectorTable table) {
        Objects.requireNonNull(table, "table");
        return owner.inTransaction(c -> list(c, table));
    }

    private static List<String> list(Connection c, VectorTable table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.relname FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE t.relname = ? AND n.nspname = current_schema() AND am.amname IN ('hnsw', 'ivfflat')"
                + " ORDER BY 1")) {
            ps.setString(1, table.tableName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
