package dev.hybriddb.vector;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.internal.SdkWork;
import dev.hybriddb.vector.internal.DocumentRows;
import dev.hybriddb.vector.internal.Json;
import dev.hybriddb.vector.internal.QuerySettings;
import dev.hybriddb.vector.internal.SearchSql;
import dev.hybriddb.vector.internal.Sql;
import dev.hybriddb.vector.internal.Texts;
import dev.hybriddb.vector.internal.Vectors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent memory on pgvector, tenant by tenant: memory banks, memories with importance and access
 * statistics (recall counts each memory it returns and stamps {@code last_accessed}, in the same
 * transaction), and conversation history by session.
 */
public final class AgentMemory {
    private static final String MEMORY_COLUMNS = "m.id, m.memory_bank_id, m.content, m.metadata::text AS metadata,"
            + " m.importance, m.access_count, m.last_accessed, m.created_at";
    private static final String MESSAGE_COLUMNS = "id, session_id, role, content, metadata::text AS metadata, created_at";
    private static final int MAX_SESSION_ID = 255;

    private final Database db;
    private final Embedder embedder;
    private final int dimensions;

    private AgentMemory(Database db, Embedder embedder, int dimensions) {
        this.db = Objects.requireNonNull(db, "db");
        this.embedder = embedder;
        this.dimensions = dimensions;
    }

    /** Memory that embeds text with {@code embedder}. */
    public static AgentMemory create(Database db, Embedder embedder) {
        return new AgentMemory(db, Objects.requireNonNull(embedder, "embedder"), embedder.dimensions());
    }

    /** Memory for callers who always bring embeddings of {@code dimensions} components. */
    public static AgentMemory create(Database db, int dimensions) {
        if (dimensions <= 0 || dimensions > 16000) {
            throw new ConfigurationException("dimensions", dimensions, "must be between 1 and 16000");
        }
        return new AgentMemory(db, null, dimensions);
    }

    // ---- memory banks ----

    /** Creates a bank; a second bank of the same name in the tenant is a constraint violation. */
    public MemoryBank createBank(UUID tenant, String name, String description) {
        DocumentStore.checkTenant(tenant);
        Texts.nonBlank("name", name);
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO memory_banks (tenant_id, name, description)"
                    + " VALUES (?, ?, ?) RETURNING id, tenant_id, name, description, created_at")) {
                ps.setObject(1, tenant);
                ps.setString(2, name);
                ps.setString(3, description);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return readBank(rs);
                }
            }
        }));
    }

    /** The bank named {@code name}, if the tenant has one. */
    public Optional<MemoryBank> bank(UUID tenant, String name) {
        DocumentStore.checkTenant(tenant);
        Texts.nonBlank("name", name);
        List<MemoryBank> found = banks(tenant, " AND name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The tenant's banks by name. */
    public List<MemoryBank> banks(UUID tenant) {
        DocumentStore.checkTenant(tenant);
        return banks(tenant, "", null);
    }

    /** Deletes a bank and its memories; false when the tenant had no such bank. */
    public boolean deleteBank(UUID tenant, UUID bankId) {
        DocumentStore.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM memory_banks WHERE id = ? AND tenant_id = ?")) {
                ps.setObject(1, bankId);
                ps.setObject(2, tenant);
                return ps.executeUpdate() == 1;
            }
        }));
    }

    private List<MemoryBank> banks(UUID tenant, String condition, String param) {
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, name, description, created_at"
                    + " FROM memory_banks WHERE tenant_id = ?" + condition + " ORDER BY name")) {
                ps.setObject(1, tenant);
                if (param != null) {
                    ps.setString(2, param);
                }
                List<MemoryBank> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readBank(rs));
                    }
                }
                return out;
            }
        }));
    }

    // ---- memories ----

    /**
     * Stores a memory in bank {@code bankId}.
     *
     * @throws NotFoundException when the tenant has no such bank
     */
    public Memory remember(UUID tenant, UUID bankId, NewMemory memory) {
        DocumentStore.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(memory, "memory");
        float[] vector = memory.embedding() != null
                ? Vectors.check("embedding", memory.embedding(), dimensions)
                : Vectors.check("embedder output", requireEmbedder().embed(memory.content()), dimensions);
        String metadata = Json.write("metadata", memory.metadata());
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO memories AS m"
                    + " (tenant_id, memory_bank_id, content, embedding, metadata, importance)"
                    + " SELECT ?, b.id, ?, ?, ?::jsonb, ? FROM memory_banks b WHERE b.id = ? AND b.tenant_id = ?"
                    + " RETURNING " + MEMORY_COLUMNS)) {
                ps.setObject(1, tenant);
                ps.setString(2, memory.content());
                ps.setObject(3, Vectors.param(vector));
                ps.setString(4, metadata);
                ps.setInt(5, memory.importance());
                ps.setObject(6, bankId);
                ps.setObject(7, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("memory bank", bankId);
                    }
                    return readMemory(rs);
                }
            }
        }));
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
        DocumentStore.checkTenant(tenant);
        Objects.requireNonNull(bankId, "bankId");
        SearchOptions options = SearchOptions.topK(k);
        Vectors.checkQuery("query", query, dimensions, true);
        if (minImportance < 0) {
            throw new InvalidInputException("minImportance", minImportance, "must not be negative");
        }
        Sql conditions = new Sql().append(" AND d.memory_bank_id = ?", bankId).append(" AND d.importance >= ?", minImportance);
        Sql sql = new Sql().append("WITH hits AS MATERIALIZED (")
                .append(SearchSql.nearest("memories", "d.id", tenant, query, options, conditions))
                .append(") UPDATE memories m SET access_count = m.access_count + 1, last_accessed = now()"
                        + " FROM hits h WHERE m.id = h.id RETURNING " + MEMORY_COLUMNS + ", h.distance");
        return db.inTenant(tenant, SdkWork.of(c -> {
            QuerySettings.apply(c, options);
            List<RecalledMemory> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double d = rs.getDouble("distance");
                    out.add(new RecalledMemory(readMemory(rs), d, 1.0 - d));
                }
            }
            out.sort(Comparator.comparingDouble(RecalledMemory::distance));
            return out;
        }));
    }

    /** A memory by id, without counting an access. */
    public Optional<Memory> memory(UUID tenant, UUID memoryId) {
        DocumentStore.checkTenant(tenant);
        Objects.requireNonNull(memoryId, "memoryId");
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMORY_COLUMNS
                    + " FROM memories m WHERE m.id = ? AND m.tenant_id = ?")) {
                ps.setObject(1, memoryId);
                ps.setObject(2, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readMemory(rs)) : Optional.empty();
                }
            }
        }));
    }

    /** Deletes a memory; false when the tenant had no such memory. */
    public boolean forget(UUID tenant, UUID memoryId) {
        DocumentStore.checkTenant(tenant);
        Objects.requireNonNull(memoryId, "memoryId");
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM memories WHERE id = ? AND tenant_id = ?")) {
                ps.setObject(1, memoryId);
                ps.setObject(2, tenant);
                return ps.executeUpdate() == 1;
            }
        }));
    }

    // ---- conversations ----

    /** Appends a message to conversation {@code sessionId}. */
    public ConversationMessage addMessage(UUID tenant, String sessionId, ConversationRole role, String content,
            Map<String, ?> metadata) {
        DocumentStore.checkTenant(tenant);
        checkSession(sessionId);
        Objects.requireNonNull(role, "role");
        Texts.nonBlank("content", content);
        String json = Json.write("metadata", metadata);
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (tenant_id, session_id, role,"
                    + " content, metadata) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING " + MESSAGE_COLUMNS)) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                ps.setString(3, role.value());
                ps.setString(4, content);
                ps.setString(5, json);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return readMessage(rs);
                }
            }
        }));
    }

    /** The whole conversation, oldest first. */
    public List<ConversationMessage> conversation(UUID tenant, String sessionId) {
        return messages(tenant, sessionId, Integer.MAX_VALUE);
    }

    /** The last {@code limit} messages of the conversation, oldest first. */
    public List<ConversationMessage> recentMessages(UUID tenant, String sessionId, int limit) {
        if (limit <= 0) {
            throw new InvalidInputException("limit", limit, "must be positive");
        }
        return messages(tenant, sessionId, limit);
    }

    /** Deletes a conversation; returns how many messages it had. */
    public int deleteConversation(UUID tenant, String sessionId) {
        DocumentStore.checkTenant(tenant);
        checkSession(sessionId);
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE tenant_id = ? AND session_id = ?")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                return ps.executeUpdate();
            }
        }));
    }

    private List<ConversationMessage> messages(UUID tenant, String sessionId, int limit) {
        DocumentStore.checkTenant(tenant);
        checkSession(sessionId);
        return db.inTenant(tenant, SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT " + MESSAGE_COLUMNS + ", seq"
                    + " FROM conversations WHERE tenant_id = ? AND session_id = ? ORDER BY seq DESC LIMIT ?) t ORDER BY seq")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                ps.setInt(3, limit);
                List<ConversationMessage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readMessage(rs));
                    }
                }
                return out;
            }
        }));
    }

    private static void checkSession(String sessionId) {
        Texts.nonBlank("sessionId", sessionId);
        if (sessionId.length() > MAX_SESSION_ID) {
            throw new InvalidInputException("sessionId", sessionId, "must be at most " + MAX_SESSION_ID + " characters");
        }
    }

    private Embedder requireEmbedder() {
        if (embedder == null) {
            throw new ConfigurationException("embedder", null,
                    "is not configured, so an embedding must be given (create AgentMemory with an Embedder)");
        }
        return embedder;
    }

    private static MemoryBank readBank(ResultSet rs) throws SQLException {
        return new MemoryBank(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("name"), rs.getString("description"), DocumentRows.instant(rs, "created_at"));
    }

    private static Memory readMemory(ResultSet rs) throws SQLException {
        return new Memory(rs.getObject("id", UUID.class), rs.getObject("memory_bank_id", UUID.class),
                rs.getString("content"), Json.read(rs.getString("metadata")), rs.getInt("importance"),
                rs.getInt("access_count"), DocumentRows.instant(rs, "last_accessed"), DocumentRows.instant(rs, "created_at"));
    }

    private static ConversationMessage readMessage(ResultSet rs) throws SQLException {
        return new ConversationMessage(rs.getObject("id", UUID.class), rs.getString("session_id"),
                ConversationRole.of(rs.getString("role")), rs.getString("content"),
                Json.read(rs.getString("metadata")), DocumentRows.instant(rs, "created_at"));
    }
}
