package dev.hybriddb.vector;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.vector.internal.Json;
import dev.hybriddb.vector.internal.MessageRows;
import dev.hybriddb.vector.internal.Rows;
import dev.hybriddb.vector.internal.Texts;
import dev.hybriddb.vector.internal.Work;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Conversation history, tenant by tenant: the messages of each session in the order they were
 * added. Every call runs in its own tenant transaction; {@link TenantConversations}
 * ({@code scope.attach(TenantConversations.class)}) does the same work inside the transaction of
 * {@code HybridDB.withTenant}.
 */
public final class ConversationStore {
    /** The longest session id. */
    public static final int MAX_SESSION_ID = 255;

    private final Work work;

    ConversationStore(Work work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Conversations on {@code db}, each call in its own tenant transaction. */
    public static ConversationStore create(Database db) {
        return new ConversationStore(Work.perCall(db));
    }

    /** Appends a message to conversation {@code sessionId}. */
    public ConversationMessage addMessage(UUID tenant, String sessionId, ConversationRole role, String content,
            Map<String, ?> metadata) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        Objects.requireNonNull(role, "role");
        Texts.nonBlank("content", content);
        String json = Json.write("metadata", metadata);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (tenant_id, session_id, role,"
                    + " content, metadata) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING " + MessageRows.COLUMNS)) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                ps.setString(3, role.value());
                ps.setString(4, content);
                ps.setString(5, json);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return MessageRows.read(rs);
                }
            }
        });
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
        work.checkTenant(tenant);
        checkSession(sessionId);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM public.conversations WHERE tenant_id = ? AND session_id = ?")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                return ps.executeUpdate();
            }
        });
    }

    private List<ConversationMessage> messages(UUID tenant, String sessionId, int limit) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT " + MessageRows.COLUMNS + ", seq"
                    + " FROM public.conversations WHERE tenant_id = ? AND session_id = ? ORDER BY seq DESC LIMIT ?) t ORDER BY seq")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                ps.setInt(3, limit);
                return Rows.all(ps, MessageRows::read);
            }
        });
    }

    private static void checkSession(String sessionId) {
        Texts.nonBlank("sessionId", sessionId);
        if (sessionId.length() > MAX_SESSION_ID) {
            throw new InvalidInputException("sessionId", sessionId, "must be at most " + MAX_SESSION_ID + " characters");
        }
    }
}
