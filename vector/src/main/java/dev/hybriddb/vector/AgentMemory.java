package dev.hybriddb.vector;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.internal.Text;
import dev.hybriddb.model.Page;
import dev.hybriddb.vector.internal.EmbeddingTable;
import dev.hybriddb.vector.internal.EmbeddingTables;
import dev.hybriddb.vector.internal.Json;
import dev.hybriddb.vector.internal.MemoryRows;
import dev.hybriddb.vector.internal.Rows;
import dev.hybriddb.vector.internal.SearchSql;
import dev.hybriddb.vector.internal.Sql;
import dev.hybriddb.vector.internal.Texts;
import dev.hybriddb.vector.internal.Vectors;
import dev.hybriddb.vector.internal.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent memory on pgvector, tenant by tenant: memory banks, and memories with importance and
 * access statistics (recall counts each memory it returns and stamps {@code last_accessed}, in the
 * same transaction). Conversation history lives in {@link ConversationStore}.
 *
 * <p>Every call runs in its own tenant transaction; {@link TenantMemories}
 * ({@code scope.attach(TenantMemories.class)}) does the same work inside the transaction of
 * {@code HybridDB.withTenant}, so memories commit or roll back with the rest of that work.
 */
public final class AgentMemory {
    private static final String MEMORY_COLUMNS = MemoryRows.MEMORY_COLUMNS;

    private final Work work;
    private final Embedder embedder;
    private final int dimensions;
    private final EmbeddingTables tables;

    AgentMemory(Work work, Embedder embedder, int dimensions) {
        this(work, embedder, dimensions, new EmbeddingTables());
    }

    AgentMemory(Work work, Embedder embedder, int dimensions, EmbeddingTables tables) {
        this.work = Objects.requireNonNull(work, "work");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.embedder = embedder;
        this.dimensions = dimensions;
    }

    /** Memory that embeds text with {@code embedder}. */
    public static AgentMemory create(Database db, Embedder embedder) {
        return new AgentMemory(Work.perCall(db), Objects.requireNonNull(embedder, "embedder"), embedder.dimensions());
    }

    /** Memory for callers who always bring embeddings of {@code dimensions} components. */
    public static AgentMemory create(Database db, int dimensions) {
        if (dimensions <= 0 || dimensions > 16000) {
            throw new ConfigurationException("dimensions", dimensions, "must be between 1 and 16000");
        }
        return new AgentMemory(Work.perCall(db), null, dimensions);
    }

    // ---- memory banks ----

    /** Creates a bank; a second bank of the same name in the tenant is a constraint violation. */
    public MemoryBank createBank(UUID tenant, String name, String description) {
        work.checkTenant(tenant);
        Text.check("name", Texts.nonBlank("name", name), Text.NAME);
        Text.check("description", description, Text.DESCRIPTION);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO memory_banks (tenant_id, name, description)"
                    + " VALUES (?, ?, ?) RETURNING id, tenant_id, name, description, created_at")) {
                ps.setObject(1, tenant);
                ps.setString(2, name);
                ps.setString(3, description);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return MemoryRows.bank(rs);
                }
            }
        });
    }

    /** The bank named {@code name}, if the tenant has one. */
    public Optional<MemoryBank> bank(UUID tenant, String name) {
        work.checkTenant(tenant);
        Texts.nonBlank("name", name);
        List<MemoryBank> found = banks(tenant, " AND name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The tenant's banks by name. */
    public List<MemoryBank> banks(UUID tenant) {
        work.checkTenant(tenant);
        return banks(tenant, "", null);
    }

    /** Deletes a bank and its memories; false when the tenant had no such bank. */
    public boolean deleteBank(UUID tenant, UUID bankId) {
        work.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM public.memory_banks WHERE id = ? AND tenant_id = ?")) {
                ps.setObject(1, bankId);
                ps.setObject(2, tenant);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<MemoryBank> banks(UUID tenant, String condition, String param) {
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MemoryRows.BANK_COLUMNS
                    + " FROM public.memory_banks WHERE tenant_id = ?" + condition + " ORDER BY name")) {
                ps.setObject(1, tenant);
                if (param != null) {
                    ps.setString(2, param);
                }
                return Rows.all(ps, MemoryRows::bank);
            }
        });
    }

    // ---- memories ----

    /**
     * Stores a memory in bank {@code bankId}.
     *
     * @throws NotFoundException when the tenant has no such bank
     */
    public Memory remember(UUID tenant, UUID bankId, NewMemory memory) {
        work.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(memory, "memory");
        float[] vector = memory.embedding() != null
                ? Vectors.check("embedding", memory.embedding(), dimensions)
                : Vectors.check("embedder output", requireEmbedder().embed(memory.content()), dimensions);
        String metadata = Json.write("metadata", memory.metadata());
        return work.run(tenant, c -> {
            EmbeddingTable table = table(c);
            table.check(memory.embedding() != null ? "embedding" : "embedder output", vector);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.qualified() + " AS m"
                    + " (tenant_id, memory_bank_id, content, embedding, metadata, importance)"
                    + " SELECT ?, b.id, ?, ?, ?::jsonb, ? FROM public.memory_banks b WHERE b.id = ? AND b.tenant_id = ?"
                    + " RETURNING " + MEMORY_COLUMNS)) {
                ps.setObject(1, tenant);
                ps.setString(2, memory.content());
                ps.setObject(3, table.param(vector));
                ps.setString(4, metadata);
                ps.setInt(5, memory.importance());
                ps.setObject(6, bankId);
                ps.setObject(7, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("memory bank", bankId);
                    }
                    return MemoryRows.memory(rs);
                }
            }
        });
    }

    /**
     * The bank's memories, newest first, one page at a time (without counting an access). An
     * unknown bank, or one of another tenant, has no memories.
     */
    public List<Memory> memories(UUID tenant, UUID bankId, Page page) {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(page, "page");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMORY_COLUMNS + " FROM " + table(c).qualified() + " m"
                    + " WHERE m.tenant_id = ? AND m.memory_bank_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?")) {
                ps.setObject(1, tenant);
                ps.setObject(2, bankId);
                ps.setInt(3, page.limit());
                ps.setInt(4, page.offset());
                return Rows.all(ps, MemoryRows::memory);
            }
        });
    }

    /** The {@code k} memories of the bank most similar to {@code query} (embedded by the embedder). */
    public List<RecalledMemory> recall(UUID tenant, UUID bankId, String query, int k) {
        Texts.nonBlank("query", query);
        return recall(tenant, bankId, requireEmbedder().embed(query), k, 0);
    }

    /**
     * The {@code k} memories of the bank with importance at least {@code minImportance} most similar
     * (cosine) to {@code query}, most similar first. Each returned memory's {@code access_count} is
     * incremented and {@code last_accessed} set to now, in the same transaction; the results show
     * the updated values.
     */
    public List<RecalledMemory> recall(UUID tenant, UUID bankId, float[] query, int k, int minImportance) {
        work.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        SearchOptions options = SearchOptions.topK(k);
        Vectors.checkQuery("query", query, dimensions, true);
        if (minImportance < 0) {
            throw new InvalidInputException("minImportance", minImportance, "must not be negative");
        }
        Sql conditions = new Sql().append(" AND d.memory_bank_id = ?", bankId).append(" AND d.importance >= ?", minImportance);
        return work.search(tenant, options, c -> {
            EmbeddingTable table = table(c);
            table.check("query", query);
            Sql sql = new Sql().append("WITH hits AS MATERIALIZED (")
                    .append(SearchSql.nearest(table, "d.id", tenant, query, options, conditions))
                    .append(") UPDATE " + table.qualified() + " m SET access_count = m.access_count + 1, last_accessed = now()"
                            + " FROM hits h WHERE m.id = h.id RETURNING " + MEMORY_COLUMNS + ", h.distance");
            List<RecalledMemory> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double d = rs.getDouble("distance");
                    out.add(new RecalledMemory(MemoryRows.memory(rs), d, 1.0 - d));
                }
            }
            SearchSql.byDistance(out, RecalledMemory::distance);
            return out;
        });
    }

    /** A memory by id, without counting an access. */
    public Optional<Memory> memory(UUID tenant, UUID memoryId) {
        work.checkTenant(tenant);
        Objects.requireNonNull(memoryId, "memoryId");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMORY_COLUMNS
                    + " FROM " + table(c).qualified() + " m WHERE m.id = ? AND m.tenant_id = ?")) {
                ps.setObject(1, memoryId);
                ps.setObject(2, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(MemoryRows.memory(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Deletes a memory; false when the tenant had no such memory. */
    public boolean forget(UUID tenant, UUID memoryId) {
        work.checkTenant(tenant);
        Objects.requireNonNull(memoryId, "memoryId");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(c).qualified() + " WHERE id = ? AND tenant_id = ?")) {
                ps.setObject(1, memoryId);
                ps.setObject(2, tenant);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The memories table for this memory's dimensions (looked up once). */
    private EmbeddingTable table(Connection c) throws SQLException {
        return tables.memories(c, dimensions);
    }

    private Embedder requireEmbedder() {
        if (embedder == null) {
            throw new ConfigurationException("embedder", null,
                    "is not configured, so an embedding must be given (create AgentMemory with an Embedder)");
        }
        return embedder;
    }
}
