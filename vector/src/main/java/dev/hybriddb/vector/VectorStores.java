package dev.hybriddb.vector;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates document and agent memory stores for embedders whose dimensions differ from those of
 * the {@code documents} and {@code memories} tables (384, the bundled all-MiniLM-L6-v2's, unless
 * the schema was migrated with other {@code embedding_dimensions}).
 *
 * <p>A document store for {@code n} dimensions is the table {@code documents_d<n>}: the columns,
 * checks, indexes, row-level security and grants of {@code documents}, with an embedding column of
 * type {@code vector(n)} up to 2,000 dimensions and {@code halfvec(n)} (half precision) from 2,001
 * to 4,000, so that its HNSW cosine index still applies (pgvector's HNSW limits are 2,000
 * dimensions for {@code vector} and 4,000 for {@code halfvec}). A memory store,
 * {@code memories_d<n>}, is the same copy of {@code memories}; memory banks stay shared. Tenants
 * share each table; row-level security separates them.
 *
 * <p>Creating a table needs the owner of the schema: give this class a {@link Database} that
 * connects as the migration role, as for {@link IndexManager}; the application role cannot create
 * tables. Creation is idempotent, so deployment scripts may call it on every start. A
 * {@link DocumentStore} or {@link AgentMemory} whose embedder has {@code n} dimensions then finds
 * its table by itself.
 */
public final class VectorStores {
    /** The most dimensions a store can have (HNSW on {@code halfvec}). */
    public static final int MAX_DIMENSIONS = 4000;
    /** Above this many dimensions a store keeps half-precision {@code halfvec} embeddings. */
    public static final int MAX_FULL_PRECISION_DIMENSIONS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(VectorStores.class);

    private final Database owner;

    private VectorStores(Database owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Store administration over a database that connects as the owner of the tables. */
    public static VectorStores using(Database owner) {
        return new VectorStores(owner);
    }

    /**
     * Creates the document store for embeddings of {@code dimensions} components, if it does not
     * exist yet, and returns its table name ({@code documents_d<dimensions>}).
     *
     * @throws InvalidInputException when {@code dimensions} is not between 1 and 4,000
     */
    public String createDocumentStore(int dimensions) {
        return create("hybriddb_create_document_store", dimensions);
    }

    /** Calls the schema's creation function {@code function} (a fixed name) for {@code dimensions}. */
    private String create(String function, int dimensions) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new InvalidInputException("dimensions", dimensions, "must be between 1 and " + MAX_DIMENSIONS);
        }
        String table = owner.inTransaction(c -> {
            String created;
            try (PreparedStatement ps = c.prepareStatement("SELECT public." + function + "(?)")) {
                ps.setInt(1, dimensions);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    created = rs.getString(1);
                }
            }
            // suspended tenants cannot write it either, like every tenant table
            try (PreparedStatement ps = c.prepareStatement("SELECT public.hybriddb_guard_tenant_table(('public.' || quote_ident(?))::regclass)")) {
                ps.setString(1, created);
                ps.execute();
            }
            return created;
        });
        LOG.info("vector store {} ready ({} dimensions, {})", table, dimensions, columnType(dimensions));
        return table;
    }

    /**
     * Creates the agent memory store for embeddings of {@code dimensions} components, if it does
     * not exist yet, and returns its table name ({@code memories_d<dimensions>}). Memory banks are
     * shared by all stores; an {@link AgentMemory} whose embedder has {@code dimensions} then keeps
     * the memories of any bank in this table.
     *
     * @throws InvalidInputException when {@code dimensions} is not between 1 and 4,000
     */
    public String createMemoryStore(int dimensions) {
        return create("hybriddb_create_memory_store", dimensions);
    }

    /** The embedding column type a store of {@code dimensions} gets: {@code vector(n)} or {@code halfvec(n)}. */
    public static String columnType(int dimensions) {
        return (dimensions > MAX_FULL_PRECISION_DIMENSIONS ? "halfvec(" : "vector(") + dimensions + ")";
    }
}
