package dev.hybriddb.model;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Text;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Which events {@code findByFilter} returns: every non-null criterion must match; newest first, at
 * most {@code limit} (1 to 1000).
 */
public record EventFilter(UUID swarmId, UUID agentId, List<String> types, OffsetDateTime since, int limit) {
    /** Validates the limit and the types (non-null names), and copies the types. */
    public EventFilter {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new InvalidInputException("limit", limit, "must be between 1 and " + Page.MAX_LIMIT);
        }
        types = types == null ? null : List.copyOf(Text.list("types", types, Text.NAME));
    }

    /** All events, newest {@code limit}. */
    public static EventFilter latest(int limit) {
        return new EventFilter(null, null, null, null, limit);
    }
}
