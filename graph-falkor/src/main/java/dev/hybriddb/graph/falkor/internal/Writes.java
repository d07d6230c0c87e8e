package dev.hybriddb.graph.falkor.internal;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The batched write statements and their rows. Everything is validated and converted here, before
 * any server call, so a bad record fails its whole call with nothing written. Labels and types are
 * checked by {@link Identifiers} and quoted with backticks; every value travels in {@code $rows}.
 */
public final class Writes {
    private Writes() {}

    public static String upsertNodes(String label) {
        return "UNWIND $rows AS r MERGE (n:`" + Identifiers.label(label) + "` {id: r.id}) SET n += r.props RETURN count(n)";
    }

    public static String upsertEdges(EdgeType t) {
        return "UNWIND $rows AS r MATCH (a:`" + t.fromLabel() + "` {id: r.from}) MATCH (b:`" + t.toLabel()
                + "` {id: r.to}) MERGE (a)-[e:`" + t.type() + "`]->(b) SET e += r.props RETURN r.k AS k";
    }

    public static String deleteNodes(String label) {
        return "UNWIND $ids AS id MATCH (n:`" + Identifiers.label(label) + "` {id: id}) DETACH DELETE n";
    }

    public static String deleteEdges(EdgeType t) {
        return "UNWIND $rows AS r MATCH (a:`" + t.fromLabel() + "` {id: r.from})-[e:`" + t.type() + "`]->(b:`"
                + t.toLabel() + "` {id: r.to}) DELETE e";
    }

    /**
     * One row per distinct id, {@code {id, props}}; duplicates merge in order (later values win),
     * since FalkorDB's MERGE does not see rows of its own batch reliably.
     */
    public static List<Map<String, Object>> nodeRows(List<NodeRecord> nodes) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (NodeRecord n : nodes) {
            byId.computeIfAbsent(n.id(), k -> new LinkedHashMap<>()).putAll(GraphValues.nodeProperties(n));
        }
        List<Map<String, Object>> rows = new ArrayList<>(byId.size());
        byId.forEach((id, props) -> rows.add(row("id", id, "props", props)));
        return rows;
    }

    /** One row per distinct (from, to), {@code {k, from, to, props}}; k is the row's index. */
    public static List<Map<String, Object>> edgeRows(List<EdgeRecord> edges) {
        Map<List<String>, Map<String, Object>> byEnds = new LinkedHashMap<>();
        for (EdgeRecord e : edges) {
            GraphValues.key("edge from", e.fromId());
            GraphValues.key("edge to", e.toId());
            Map<String, Object> props = GraphValues.properties("edge " + e.fromId() + "->" + e.toId(), e.properties());
            byEnds.computeIfAbsent(List.of(e.fromId(), e.toId()), k -> new LinkedHashMap<>()).putAll(props);
        }
        List<Map<String, Object>> rows = new ArrayList<>(byEnds.size());
        byEnds.forEach((ends, props) -> rows.add(row("k", (long) rows.size(), "from", ends.get(0), "to", ends.get(1), "props", props)));
        return rows;
    }

    /** Distinct ids, checked. */
    public static List<String> ids(Collection<String> ids) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null) {
                throw new dev.hybriddb.InvalidInputException("node id", null, "must not be null");
            }
            out.add(GraphValues.key("node id", id));
        }
        return new ArrayList<>(out);
    }

    /** The distinct (from, to) pairs as rows {@code {from, to}}. */
    public static List<Map<String, Object>> endRows(List<EdgeRecord> edges) {
        LinkedHashSet<List<String>> ends = new LinkedHashSet<>();
        for (EdgeRecord e : edges) {
            ends.add(List.of(GraphValues.key("edge from", e.fromId()), GraphValues.key("edge to", e.toId())));
        }
        List<Map<String, Object>> rows = new ArrayList<>(ends.size());
        ends.forEach(p -> rows.add(row("from", p.get(0), "to", p.get(1))));
        return rows;
    }

    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
