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
import java.util.function.Function;

/**
 * The batched write statements and their rows. Everything is validated and converted here, before
 * any server call, so a bad record fails its whole call with nothing written. Labels, types and
 * property keys are checked by {@link Identifiers} and quoted with backticks; every value travels
 * in {@code $rows}.
 *
 * <p>Upserts group their rows by property-key list ("shape"): rows of one shape are lists
 * {@code [id, v1, v2, ...]} and the statement sets each key from its position,
 * {@code SET n.`k1` = r[1], ...}, which is {@code SET n += {k1: v1, ...}} (a null value removes the
 * property). More than {@value #MAX_SHAPES} shapes in one call fall back to one statement with the
 * properties as a map, {@code SET n += r[1]}.
 */
public final class Writes {
    /** The most distinct property-key lists sent as list rows in one call. */
    static final int MAX_SHAPES = 16;

    private Writes() {}

    public static String deleteNodes(String label) {
        return "UNWIND $ids AS id MATCH " + node("n", label, "id") + " DETACH DELETE n";
    }

    public static String deleteEdges(EdgeType t) {
        return "UNWIND $rows AS r " + edge(t, "r.from", "r.to") + " DELETE e";
    }

    /**
     * Prunes several edge types at owners of one label, all on the same side of their edges
     * ({@code ownerIsFrom}): {@code UNWIND $rows AS r MATCH (o:Owner {id: r[0]}) WITH r, o MATCH
     * (o)-[e:T1|T2]->(x) WHERE (type(e) = 'T1' AND x:Other1 AND r[1] IS NOT NULL AND NOT x.id IN
     * r[1]) OR ... DELETE e}. The owner is an index seek bound by {@code WITH}, so only its own
     * edges of these types are expanded; row {@code [owner, keep1, keep2, ...]}, a null keep list
     * leaving that side alone. Names are checked and quoted here.
     */
    public static String deleteEdgesExcept(String ownerLabel, boolean ownerIsFrom, List<dev.hybriddb.graph.EdgeSide> sides) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < sides.size(); i++) {
            dev.hybriddb.graph.EdgeSide side = sides.get(i);
            String type = Identifiers.label(side.type().type());
            types.add("`" + type + "`");
            where.append(i == 0 ? "" : " OR ").append("(type(e) = '").append(type).append("' AND x:`")
                    .append(Identifiers.label(side.otherLabel())).append("` AND r[").append(i + 1)
                    .append("] IS NOT NULL AND NOT x.id IN r[").append(i + 1).append("])");
        }
        String rel = "[e:" + String.join("|", types) + "]";
        return "UNWIND $rows AS r MATCH " + node("o", ownerLabel, "r[0]") + " WITH r, o MATCH (o)"
                + (ownerIsFrom ? "-" + rel + "->" : "<-" + rel + "-") + "(x) WHERE " + where + " DELETE e";
    }

    /**
     * {@code MATCH (a:From {id: from}), (b:To {id: to}) WITH r, a, b MATCH (a)-[e:TYPE]->(b)}, the
     * names checked and quoted here; {@code from} and {@code to} are row expressions, never values.
     * Both ends are index seeks bound by {@code WITH} before the edge is looked up between them
     * ("Expand Into"): without the barrier FalkorDB expands every edge of the {@code from} node and
     * filters the far end, which costs the node's degree per row.
     */
    private static String edge(EdgeType t, String from, String to) {
        return "MATCH " + node("a", t.fromLabel(), from) + ", " + node("b", t.toLabel(), to) + " WITH r, a, b"
                + " MATCH (a)-[e:`" + Identifiers.label(t.type()) + "`]->(b)";
    }

    private static String node(String var, String label, String id) {
        return "(" + var + ":`" + Identifiers.label(label) + "` {id: " + id + "})";
    }

    /**
     * The node upserts, one {@link Batch} per shape; each returns {@code count(n)}. One row per
     * distinct id; duplicates merge in order (later values win), since FalkorDB's MERGE does not see
     * rows of its own batch reliably.
     */
    public static List<Batch> nodeBatches(String label, List<NodeRecord> nodes) {
        String merge = "UNWIND $rows AS r MERGE " + node("n", label, "r[0]");
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (NodeRecord n : nodes) {
            Map<String, Object> props = GraphValues.nodeProperties(n);
            Map<String, Object> earlier = byId.putIfAbsent(n.id(), props);
            if (earlier != null) {
                earlier.putAll(props);
            }
        }
        return batches(byId, 1, (id, index, row) -> row.add(id),
                keys -> merge + sets("n", keys, 1) + " RETURN count(n)",
                merge + " SET n += r[1] RETURN count(n)");
    }

    /**
     * The edge upserts, one {@link Batch} per shape; each returns how many of its rows found both
     * ends, {@code count(DISTINCT r[0])}, r[0] being the row's index among the distinct (from, to)
     * pairs, in order. When that is fewer than the rows sent, {@link #presentEdges} tells which.
     */
    public static List<Batch> edgeBatches(EdgeType t, List<EdgeRecord> edges) {
        String merge = "UNWIND $rows AS r MATCH " + node("a", t.fromLabel(), "r[1]") + " MATCH " + node("b", t.toLabel(), "r[2]")
                + " MERGE (a)-[e:`" + Identifiers.label(t.type()) + "`]->(b)";
        Map<List<String>, Map<String, Object>> byEnds = new LinkedHashMap<>();
        for (EdgeRecord e : edges) {
            GraphValues.key("edge from", e.fromId());
            GraphValues.key("edge to", e.toId());
            Map<String, Object> props = GraphValues.properties("edge " + e.fromId() + "->" + e.toId(), e.properties());
            Map<String, Object> earlier = byEnds.putIfAbsent(List.of(e.fromId(), e.toId()), props);
            if (earlier != null) {
                earlier.putAll(props);
            }
        }
        return batches(byEnds, 3, (ends, index, row) -> {
            row.add((long) index);
            row.addAll(ends);
        }, keys -> merge + sets("e", keys, 3) + PRESENT, merge + " SET e += r[3]" + PRESENT);
    }

    private static final String PRESENT = " RETURN count(DISTINCT r[0])";

    /** Reads which rows of an {@link #edgeBatches} batch have their edge: {@code r[0] AS k} for each. */
    public static String presentEdges(EdgeType t) {
        return "UNWIND $rows AS r " + edge(t, "r[1]", "r[2]") + " RETURN DISTINCT r[0] AS k";
    }

    /** The index of each distinct (from, to) pair of {@code edges}, as {@link #edgeBatches} numbers them. */
    public static Map<List<String>, Long> edgeKeys(List<EdgeRecord> edges) {
        Map<List<String>, Long> keys = new java.util.HashMap<>();
        for (EdgeRecord e : edges) {
            keys.putIfAbsent(List.of(e.fromId(), e.toId()), (long) keys.size());
        }
        return keys;
    }

    private interface RowStart<K> {
        void accept(K key, int index, List<Object> row);
    }

    private static <K> List<Batch> batches(Map<K, Map<String, Object>> props, int width, RowStart<K> start,
                                           Function<List<String>, String> shapeStatement, String mapStatement) {
        Map<List<String>, List<List<Object>>> byShape = new LinkedHashMap<>();
        List<String> lastKeys = null;
        List<List<Object>> lastRows = null;
        int index = 0;
        for (Map.Entry<K, Map<String, Object>> e : props.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (lastKeys == null || !sameKeys(lastKeys, p)) {
                lastKeys = List.copyOf(p.keySet());
                lastRows = byShape.computeIfAbsent(lastKeys, x -> new ArrayList<>());
                if (byShape.size() > MAX_SHAPES) {
                    return List.of(mapBatch(props, width, start, mapStatement));
                }
            }
            List<Object> row = new ArrayList<>(width + p.size());
            start.accept(e.getKey(), index++, row);
            row.addAll(p.values());
            lastRows.add(row);
        }
        List<Batch> out = new ArrayList<>(byShape.size());
        byShape.forEach((keys, rows) -> out.add(new Batch(shapeStatement.apply(keys), rows)));
        return out;
    }

    private static <K> Batch mapBatch(Map<K, Map<String, Object>> props, int width, RowStart<K> start,
                                      String statement) {
        List<List<Object>> rows = new ArrayList<>(props.size());
        for (Map.Entry<K, Map<String, Object>> e : props.entrySet()) {
            List<Object> row = new ArrayList<>(width + 1);
            start.accept(e.getKey(), rows.size(), row);
            row.add(e.getValue());
            rows.add(row);
        }
        return new Batch(statement, rows);
    }

    private static boolean sameKeys(List<String> keys, Map<String, Object> p) {
        if (keys.size() != p.size()) {
            return false;
        }
        int i = 0;
        for (String k : p.keySet()) {
            if (!k.equals(keys.get(i++))) {
                return false;
            }
        }
        return true;
    }

    /** {@code  SET v.`k1` = r[first], v.`k2` = r[first + 1] ...}, or "" without keys. */
    private static String sets(String var, List<String> keys, int first) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? " SET " : ", ").append(var).append(".`").append(Identifiers.property(keys.get(i)))
                    .append("` = r[").append(first + i).append(']');
        }
        return sb.toString();
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
