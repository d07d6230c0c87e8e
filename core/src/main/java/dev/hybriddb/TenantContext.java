package dev.hybriddb;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who a transaction works for: the tenant whose rows it sees (row-level security) and, optionally,
 * the user acting in it. Both are set transaction-locally ({@code hybriddb.tenant_id},
 * {@code hybriddb.user_id}) when the transaction starts and vanish when it ends, so a pooled
 * connection never carries them to its next user. The database reads the user with
 * {@code hybriddb_current_user()}: every audit log entry records it, and policies and triggers may
 * use it.
 *
 * <pre>{@code
 * db.withContext(TenantContext.of(tenantId).asUser(userId), scope -> scope.apiKeys().revoke(keyId));
 * }</pre>
 */
public final class TenantContext {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final UUID tenantId;
    private final UUID userId;

    private TenantContext(UUID tenantId, UUID userId) {
        if (tenantId == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        this.tenantId = tenantId;
        this.userId = userId;
    }

    /** The tenant, with no acting user (audit entries name the system as the actor). */
    public static TenantContext of(UUID tenantId) {
        return new TenantContext(tenantId, null);
    }

    /**
     * The context of ids received as text (a request header, a token claim): each must be a UUID in
     * its canonical 8-4-4-4-12 form, otherwise an {@link InvalidInputException} names the field
     * ({@code tenantId} or {@code userId}) and the value. A null {@code userId} means no user.
     */
    public static TenantContext parse(String tenantId, String userId) {
        TenantContext c = of(uuid("tenantId", tenantId));
        return userId == null ? c : c.asUser(uuid("userId", userId));
    }

    /** The same tenant with {@code userId} as the acting user. */
    public TenantContext asUser(UUID userId) {
        if (userId == null) {
            throw new InvalidInputException("userId", null, "must not be null (use TenantContext.of(tenantId) for no user)");
        }
        return new TenantContext(tenantId, userId);
    }

    /** The tenant. */
    public UUID tenantId() {
        return tenantId;
    }

    /** The acting user, if any. */
    public Optional<UUID> userId() {
        return Optional.ofNullable(userId);
    }

    private static UUID uuid(String field, String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new InvalidInputException(field, text, "is not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        return UUID.fromString(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantContext c && tenantId.equals(c.tenantId) && Objects.equals(userId, c.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, userId);
    }

    @Override
    public String toString() {
        return "TenantContext[tenant=" + tenantId + (userId == null ? "" : ", user=" + userId) + "]";
    }
}
