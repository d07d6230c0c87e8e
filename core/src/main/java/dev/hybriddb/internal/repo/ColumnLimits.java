package dev.hybriddb.internal.repo;

import dev.hybriddb.internal.Text;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Field;

/**
 * The longest text each column accepts, in characters: a {@code varchar(n)} column's own length,
 * else the limit of its column name. The schema enforces the same limits with
 * {@code CHECK (char_length(column) <= n)} constraints; the repositories check first, so that the
 * refusal names the field and the limit. Elements of {@code text[]} columns are names
 * ({@link Text#NAME}).
 */
public final class ColumnLimits {
    private static final Map<String, Integer> BY_COLUMN = new HashMap<>();

    static {
        limit(Text.NAME, "name", "slug", "owner_email", "owner_name", "stripe_customer_id", "subscription_id", "email",
                "role", "fingerprint", "color", "ecosystem", "default_branch", "model", "lifecycle_state", "paused_by",
                "current_agent", "type", "current_branch", "scope_type", "service", "category", "actor_type",
                "actor_id", "action", "resource_type", "resource_id", "github_username", "wallet_address", "asset_type",
                "direction", "current_step", "tier");
        limit(Text.TITLE, "title");
        limit(Text.SHORT, "user_agent");
        limit(Text.URL, "repository_url", "homepage_url");
        limit(Text.DESCRIPTION, "description", "task", "decision");
        limit(Text.LONG, "prompt", "content", "error", "command", "output", "decision_prompt");
        limit(Text.NAME, "session_key");
        limit(Text.LONG, "question", "answer");
    }

    private ColumnLimits() {}

    private static void limit(int max, String... columns) {
        for (String c : columns) {
            BY_COLUMN.put(c, max);
        }
    }

    /** The limit of a text column, or {@link Integer#MAX_VALUE} when it has none. */
    public static int of(Field<?> field) {
        int length = field.getDataType().length();
        if (length > 0) {
            return length;
        }
        return BY_COLUMN.getOrDefault(field.getName(), Integer.MAX_VALUE);
    }

    /** The field as callers name it: the column name in lower camel case ({@code lifecycle_state} is lifecycleState). */
    public static String name(Field<?> field) {
        String column = field.getName();
        if (column.indexOf('_') < 0) {
            return column;
        }
        StringBuilder b = new StringBuilder(column.length());
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
