package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.MetadataFilter;
import java.util.Map;

/** SQL conditions for a {@link MetadataFilter} on a table alias with a {@code metadata} column. */
public final class Filters {
    private Filters() {}

    /** {@code AND <alias>.metadata @> ?::jsonb AND <alias>.metadata ->> ? = ? ...}; empty for none. */
    public static Sql conditions(String alias, MetadataFilter filter) {
        Sql sql = new Sql();
        if (!filter.contains().isEmpty()) {
            sql.append(" AND " + alias + ".metadata @> ?::jsonb", Json.write("filter.contains", filter.contains()));
        }
        for (Map.Entry<String, String> e : filter.equals().entrySet()) {
            sql.append(" AND " + alias + ".metadata ->> ?", e.getKey()).append(" = ?", e.getValue());
        }
        return sql;
    }
}
