package dev.hybriddb.sync.internal.outbox;

import java.util.Map;
import java.util.UUID;

/** One claimed outbox row. {@code oldRow} is null unless the trigger kept the old values. */
public record OutboxRow(long id, UUID tenantId, String table, char op, Map<String, Object> rowKey,
                        Map<String, Object> oldRow) {
}
