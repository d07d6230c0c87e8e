package dev.hybriddb.vector;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link ConversationStore} operations inside one tenant's transaction: obtained with
 * {@code scope.attach(TenantConversations.class)} in the work of {@code HybridDB.withTenant}.
 * No tenant parameter: the scope's tenant is used. Valid only inside that work.
 */
public final class TenantConversations {
    private final ConversationStore store;
    private final UUID tenant;

    TenantConversations(ConversationStore store, UUID tenant) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** Appends a message to conversation {@code sessionId}. */
    public ConversationMessage addMessage(String sessionId, ConversationRole role, String content, Map<String, ?> metadata) {
        return store.addMessage(tenant, sessionId, role, content, metadata);
    }

    /** The whole conversation, oldest first. */
    public List<ConversationMessage> conversation(String sessionId) {
        return store.conversation(tenant, sessionId);
    }

    /** The last {@code limit} messages of the conversation, oldest first. */
    public List<ConversationMessage> recentMessages(String sessionId, int limit) {
        return store.recentMessages(tenant, sessionId, limit);
    }

    /** Deletes a conversation; returns how many messages it had. */
    public int deleteConversation(String sessionId) {
        return store.deleteConversation(tenant, sessionId);
    }

    /** The tenant this view works for. */
    public UUID tenantId() {
        return tenant;
    }

    @Override
    public String toString() {
        return "TenantConversations[" + tenant + "]";
    }
}
