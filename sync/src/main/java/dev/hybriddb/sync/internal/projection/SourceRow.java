package dev.hybriddb.sync.internal.projection;

import java.util.Map;

/**
 * One row read from PostgreSQL: its node key as text ({@code id}), its key as JSON (for keyset
 * paging and lookups) and the values of the columns read, by column name.
 */
public record SourceRow(String id, String keyJson, Map<String, Object> values) {
    public Object get(String column) {
        return values.get(column);
    }

    /** The column's value as key text (uuid text), or null. */
    public String text(String column) {
        Object v = values.get(column);
        return v == null ? null : v.toString();
    }
}
