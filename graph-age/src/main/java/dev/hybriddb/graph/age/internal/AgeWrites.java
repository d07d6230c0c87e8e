package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batched, idempotent writes: one transaction per call, a few statements per chunk of rows.
 *
 * <p>AGE 1.5.0 loses the properties that {@code SET} writes on vertices and edges that a
 * {@code MERGE} created earlier in the same statement (apache/age#1709, #2067; fixed after 1.5.0),
 * and a multi-row {@code MERGE} does not see what its own earlier rows created (#1691). So each
 * chunk runs {@code UNWIND $rows AS r MERGE (n:L {id: r.id})} and then
 * {@code UNWIND $rows AS r MATCH (n:L {id: r.id}) SET n += head([r.props])} ({@code SET n += r.props}
 * is refused by AGE's parser: the right side must be a map literal, a variable or a function
 * call), records are de-duplicated by key beforehand (later properties win), and writers of one
 * label are serialized by an advisory lock.
 */
public final class AgeWrites {
    private final AgeTransactions tx;
    private final int chunkSize;
    private final Set<String> readyLabels = ConcurrentHashMap.newKeySet();

    public AgeWrites(AgeTransactions tx, int chunkSize) {
        this.tx = tx;
        this.chunkSize = chunkSize;
    }

    /** Forgets what this instance knows about a graph's labels (after the graph was dropped). */
    public void forget(String graph) {
        readyLabels.removeIf(k -> k.startsWith(graph + "/"));
    }

    public int upsertNodes(String graph, String label, List<NodeRecord> nodes) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Objects.requireNonNull(nodes, "nodes");
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (NodeRecord n : nodes) {
            Objects.requireNonNull(n, "node record");
            merged.computeIfAbsent(GraphValues.key("node id", n.id()), k -> new LinkedHashMap<>())
                    .putAll(GraphValues.nodeProperties(n));
        }
        if (merged.isEmpty()) {
            return 0;
        }
        List<String> all = new ArrayList<>();
        List<String> withProps = new ArrayList<>();
        merged.forEach((id, props) -> {
            String row = "{\"id\": " + AgtypeWriter.json(id) + ", \"props\": " + AgtypeWriter.json(props) + "}";
            all.add(row);
            if (!props.isEmpty()) {
                withProps.add(row);
            }
        });
        String l = quoted(label);
        runLocked("upsert " + label + " nodes", graph, label, AgeSchema.Kind.VERTEX, c -> {
            for (List<String> chunk : chunks(all)) {
                run(c, graph, "UNWIND $rows AS r MERGE (n:" + l + " {id: r.id})", chunk);
            }
            for (List<String> chunk : chunks(withProps)) {
                run(c, graph, "UNWIND $rows AS r MATCH (n:" + l + " {id: r.id}) SET n += head([r.props])", chunk);
            }
            return null;
        });
        return nodes.size();
    }

    public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        Identifiers.graph(graph);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(edges, "edges");
        Map<List<String>, Map<String, Object>> merged = new LinkedHashMap<>();
        for (EdgeRecord e : edges) {
            List<String> key = edgeKey(e);
            merged.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .putAll(GraphValues.properties("edge " + key, e.properties()));
        }
        if (merged.isEmpty()) {
            return 0;
        }
        List<List<String>> keys = new ArrayList<>(merged.keySet());
        List<String> all = new ArrayList<>();
        List<String> withProps = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> props = merged.get(keys.get(i));
            String row = edgeRow(i, keys.get(i), AgtypeWriter.json(props));
            all.add(row);
            if (!props.isEmpty()) {
                withProps.add(row);
            }
        }
        String a = quoted(type.fromLabel());
        String b = quoted(type.toLabel());
        String t = quoted(type.type());
        Set<Long> present = runLocked("upsert " + type + " edges", graph, type.type(), AgeSchema.Kind.EDGE, c -> {
            Set<Long> found = new HashSet<>();
            for (List<String> chunk : chunks(all)) {
                for (GraphRow row : run(c, graph, "UNWIND $rows AS r MATCH (a:" + a + " {id: r.from}), (b:" + b
                        + " {id: r.to}) MERGE (a)-[e:" + t + "]->(b) RETURN DISTINCT r.i", chunk)) {
                    found.add(((Number) row.get(0)).longValue());
                }
            }
            for (List<String> chunk : chunks(withProps)) {
                run(c, graph, "UNWIND $rows AS r MATCH (a:" + a + " {id: r.from})-[e:" + t + "]->(b:" + b
                        + " {id: r.to}) SET e += head([r.props])", chunk);
            }
            return found;
        });
        Set<List<String>> presentKeys = new HashSet<>();
        present.forEach(i -> presentKeys.add(keys.get(i.intValue())));
        return (int) edges.stream().filter(e -> presentKeys.contains(List.of(e.fromId(), e.toId()))).count();
    }

    public int deleteNodes(String graph, String label, Collection<String> ids) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Objects.requireNonNull(ids, "ids");
        List<String> rows = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            rows.add(AgtypeWriter.json(GraphValues.key("node id", id)));
        }
        String cypher = "UNWIND $rows AS i MATCH (n:" + quoted(label) + " {id: i}) DETACH DELETE n RETURN count(n)";
        return deleteIn("delete " + label + " nodes", graph, label, cypher, rows);
    }

    public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        Identifiers.graph(graph);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(edges, "edges");
        Set<List<String>> keys = new LinkedHashSet<>();
        for (EdgeRecord e : edges) {
            keys.add(edgeKey(e));
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (List<String> k : keys) {
            rows.add(edgeRow(i++, k, "{}"));
        }
        String cypher = "UNWIND $rows AS r MATCH (a:" + quoted(type.fromLabel()) + " {id: r.from})-[e:"
                + quoted(type.type()) + "]->(b:" + quoted(type.toLabel()) + " {id: r.to}) DELETE e RETURN count(e)";
        return deleteIn("delete " + type + " edges", graph, type.type(), cypher, rows);
    }

    private int deleteIn(String action, String graph, String label, String cypher, List<String> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return tx.run(action, false, c -> {
            if (!AgeSchema.graphExists(c, graph) || AgeSchema.labelKind(c, graph, label) == null) {
                return 0;
            }
            int deleted = 0;
            for (List<String> chunk : chunks(rows)) {
                deleted += ((Number) run(c, graph, cypher, chunk).get(0).get(0)).intValue();
            }
            return deleted;
        });
    }

    private <T> T runLocked(String action, String graph, String label, AgeSchema.Kind kind, AgeTransactions.Work<T> work) {
        String key = graph + "/" + label;
        T result = tx.run(action, false, c -> {
            AgeSchema.ensureGraph(c, graph);
            AgeSchema.lock(c, key);
            if (!readyLabels.contains(key)) {
                AgeSchema.ensureLabel(c, graph, label, kind);
            }
            return work.apply(c);
        });
        readyLabels.add(key);
        return result;
    }

    private List<GraphRow> run(Connection c, String graph, String cypher, List<String> rows) throws SQLException {
        return AgeCypher.run(c, tx.queryTimeoutSeconds(), graph, cypher, "{\"rows\": [" + String.join(", ", rows) + "]}");
    }

    private List<List<String>> chunks(List<String> rows) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += chunkSize) {
            out.add(rows.subList(i, Math.min(rows.size(), i + chunkSize)));
        }
        return out;
    }

    private static String edgeRow(int index, List<String> key, String propsJson) {
        return "{\"i\": " + index + ", \"from\": " + AgtypeWriter.json(key.get(0))
                + ", \"to\": " + AgtypeWriter.json(key.get(1)) + ", \"props\": " + propsJson + "}";
    }

    private static List<String> edgeKey(EdgeRecord e) {
        Objects.requireNonNull(e, "edge record");
        return List.of(GraphValues.key("edge fromId", e.fromId()), GraphValues.key("edge toId", e.toId()));
    }

    /** Labels and types in backticks, after {@link Identifiers#label}, so keywords are safe names. */
    static String quoted(String label) {
        return "`" + Identifiers.label(label) + "`";
    }
}
