package dev.hybriddb.graph.falkor.internal;

import java.util.List;

/**
 * One write statement and its rows: each row a list of canonical values (see
 * {@link dev.hybriddb.graph.GraphValues}) that the statement reads as {@code r[0]}, {@code r[1]}, ...
 * from {@code UNWIND $rows AS r}. List rows are shorter to send and cheaper for FalkorDB to read
 * than maps with the same keys in every row.
 */
public record Batch(String statement, List<List<Object>> rows) {
    public Batch {
        rows = java.util.Collections.unmodifiableList(rows);
    }

    /** The rows {@code [from, to)} as the header {@code CYPHER rows=[...] } followed by the statement. */
    public String text(int from, int to, int capacityHint) {
        StringBuilder sb = new StringBuilder(Math.max(capacityHint, 64) + statement.length());
        sb.append("CYPHER rows=[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            CypherParams.appendLiteral(sb, rows.get(i));
        }
        return sb.append("] ").append(statement).toString();
    }
}
