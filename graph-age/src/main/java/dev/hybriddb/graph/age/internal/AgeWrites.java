package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
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
 * Batched, idempotent writes: every record is checked and converted before the first statement,
 * then one transaction per call applies them in chunks ({@link LabelTables} explains why through
 * the label tables rather than Cypher {@code MERGE ... SET} on AGE 1.5). Records are
 * de-duplicated by key first (later properties win, as if applied in order), and writers of one
 * label are serialized by an advisory lock, so concurrent upserts never duplicate a key.
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
        List<String> ids = new ArrayList<>(merged.keySet());
        List<Map<String, Object>> changes = new ArrayList<>(merged.values());
        String table = AgeSchema.table(graph, label);
        runLocked("upsert " + label + " nodes", graph, label, AgeSchema.Kind.VERTEX, c -> {
            for (int from = 0; from < ids.size(); from += chunkSize) {
                int to = Math.min(ids.size(), from + chunkSize);
                LabelTables.upsertNodes(c, table, ids.subList(from, to), changes.subList(from, to));
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
        List<List<String>> pairs = new ArrayList<>(merged.keySet());
        List<Map<String, Object>> changes = new ArrayList<>(merged.values());
        Set<List<String>> present = runLocked("upsert " + type + " edges", graph, type.type(), AgeSchema.Kind.EDGE, c -> {
            Set<List<String>> found = new HashSet<>();
            if (!endpointLabelsExist(c, graph, type)) {
                return found;
            }
            for (int from = 0; from < pairs.size(); from += chunkSize) {
                int to = Math.min(pairs.size(), from + chunkSize);
                for (int i : LabelTables.upsertEdges(c, AgeSchema.table(graph, type.fromLabel()),
                        AgeSchema.table(graph, type.toLabel()), AgeSchema.table(graph, type.type()),
                        pairs.subList(from, to), changes.subList(from, to))) {
                    found.add(pairs.get(from + i));
                }
            }
            return found;
        });
        return (int) edges.stream().filter(e -> present.contains(List.of(e.fromId(), e.toId()))).count();
    }

    public int deleteNodes(String graph, String label, Collection<String> ids) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Objects.requireNonNull(ids, "ids");
        List<String> keys = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            keys.add(GraphValues.key("node id", id));
        }
        if (keys.isEmpty()) {
            return 0;
        }
        return tx.run("delete " + label + " nodes", false, c -> {
            if (!AgeSchema.graphExists(c, graph) || AgeSchema.labelKind(c, graph, label) != AgeSchema.Kind.VERTEX) {
                return 0;
            }
            int deleted = 0;
            for (int from = 0; from < keys.size(); from += chunkSize) {
                deleted += LabelTables.deleteNodes(c, graph, AgeSchema.table(graph, label),
                        keys.subList(from, Math.min(keys.size(), from + chunkSize)));
            }
            return deleted;
        });
    }

    public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        Identifiers.graph(graph);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(edges, "edges");
        Set<List<String>> unique = new LinkedHashSet<>();
        for (EdgeRecord e : edges) {
            unique.add(edgeKey(e));
        }
        if (unique.isEmpty()) {
            return 0;
        }
        List<List<String>> pairs = new ArrayList<>(unique);
        return tx.run("delete " + type + " edges", false, c -> {
            if (!AgeSchema.graphExists(c, graph) || AgeSchema.labelKind(c, graph, type.type()) != AgeSchema.Kind.EDGE
                    || !endpointLabelsExist(c, graph, type)) {
                return 0;
            }
            int deleted = 0;
            for (int from = 0; from < pairs.size(); from += chunkSize) {
                deleted += LabelTables.deleteEdges(c, AgeSchema.table(graph, type.fromLabel()),
                        AgeSchema.table(graph, type.toLabel()), AgeSchema.table(graph, type.type()),
                        pairs.subList(from, Math.min(pairs.size(), from + chunkSize)));
            }
            return deleted;
        });
    }

    /** See {@link dev.hybriddb.graph.GraphBackend#deleteEdgesExcept}; nothing to do while a label does not exist. */
    public void deleteEdgesExcept(String graph, EdgeType type, boolean ownerIsFrom, Map<String, ? extends Collection<String>> keep) {
        Identifiers.graph(graph);
        Objects.requireNonNull(type, "type");
        List<String> owners = new ArrayList<>();
        List<String> keptOwners = new ArrayList<>();
        List<String> keptOthers = new ArrayList<>();
        keep.forEach((owner, others) -> {
            owners.add(GraphValues.key("edge owner", owner));
            for (String other : new LinkedHashSet<>(others)) {
                keptOwners.add(owner);
                keptOthers.add(GraphValues.key("edge other end", other));
            }
        });
        if (owners.isEmpty()) {
            return;
        }
        tx.run("prune " + type + " edges", false, c -> {
            if (!AgeSchema.graphExists(c, graph) || AgeSchema.labelKind(c, graph, type.type()) != AgeSchema.Kind.EDGE
                    || !endpointLabelsExist(c, graph, type)) {
                return 0;
            }
            String ownerTable = AgeSchema.table(graph, ownerIsFrom ? type.fromLabel() : type.toLabel());
            return LabelTables.deleteEdgesExcept(c, graph, ownerTable, ownerIsFrom ? type.toLabel() : type.fromLabel(),
                    AgeSchema.table(graph, type.type()), ownerIsFrom, owners, keptOwners, keptOthers);
        });
    }

    private static boolean endpointLabelsExist(java.sql.Connection c, String graph, EdgeType type) throws java.sql.SQLException {
        return AgeSchema.labelKind(c, graph, type.fromLabel()) == AgeSchema.Kind.VERTEX
                && AgeSchema.labelKind(c, graph, type.toLabel()) == AgeSchema.Kind.VERTEX;
    }

    private <T> T runLocked(String action, String graph, String label, AgeSchema.Kind kind, AgeTransactions.Work<T> work) {
        String key = graph + "/" + label;
        String ready = key + "/" + kind;
        T result = tx.run(action, false, c -> {
            AgeSchema.ensureGraph(c, graph);
            AgeSchema.lock(c, key);
            if (!readyLabels.contains(ready)) {
                AgeSchema.ensureLabel(c, graph, label, kind);
            }
            return work.apply(c);
        });
        readyLabels.add(ready);
        return result;
    }

    private static List<String> edgeKey(EdgeRecord e) {
        Objects.requireNonNull(e, "edge record");
        return List.of(GraphValues.key("edge fromId", e.fromId()), GraphValues.key("edge toId", e.toId()));
    }
}
