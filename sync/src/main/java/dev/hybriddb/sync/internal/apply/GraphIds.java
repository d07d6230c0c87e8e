package dev.hybriddb.sync.internal.apply;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keyset pages of node ids of one label in the graph. */
public final class GraphIds {
    private GraphIds() {}

    /** The next ids after {@code after} (empty string: from the start), in id order. */
    public static List<String> page(GraphBackend graph, String g, String label, String after, int limit) {
        String cypher = "MATCH (n:" + Identifiers.label(label) + ") WHERE n.id > $after RETURN n.id AS nid ORDER BY n.id LIMIT $limit";
        List<GraphRow> rows = graph.query(g, cypher, Map.of("after", after, "limit", limit));
        List<String> ids = new ArrayList<>(rows.size());
        rows.forEach(r -> ids.add(r.getString("nid")));
        return ids;
    }
}
