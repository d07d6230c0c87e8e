package dev.hybriddb.sync.internal.apply;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeSide;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.sync.internal.projection.Mapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Batched graph writes, in chunks of {@code chunkSize} records per round trip. */
public final class GraphWriter {
    private final GraphBackend graph;
    private final int chunkSize;

    public GraphWriter(GraphBackend graph, int chunkSize) {
        this.graph = graph;
        this.chunkSize = Math.max(1, chunkSize);
    }

    public GraphBackend backend() {
        return graph;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int upsertNodes(String g, String label, List<NodeRecord> nodes) {
        int n = 0;
        for (List<NodeRecord> chunk : chunks(nodes)) {
            n += graph.upsertNodes(g, label, chunk);
        }
        return n;
    }

    public int deleteNodes(String g, String label, Collection<String> ids) {
        int n = 0;
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            n += graph.deleteNodes(g, label, chunk);
        }
        return n;
    }

    /**
     * Makes the edges of {@code type} at each owner exactly {@code expected.get(owner)}: edges of
     * that type at the owner to any other node are deleted, then the expected ones upserted. The
     * owner is the {@code from} end when {@code ownerIsFrom}, else the {@code to} end.
     *
     * @return the number of expected edges present afterwards
     */
    public int replaceEdges(String g, EdgeType type, boolean ownerIsFrom, Map<String, List<EdgeRecord>> expected) {
        return replaceEdges(g, type, ownerIsFrom, expected, java.util.Set.of());
    }

    /**
     * As {@link #replaceEdges(String, EdgeType, boolean, Map)}, skipping the delete for owners in
     * {@code fresh}: nodes created by this very change, which cannot have older edges.
     */
    public int replaceEdges(String g, EdgeType type, boolean ownerIsFrom, Map<String, List<EdgeRecord>> expected,
                            java.util.Set<String> fresh) {
        if (expected.isEmpty()) {
            return 0;
        }
        List<EdgeRecord> all = new ArrayList<>();
        Map<String, List<String>> keep = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeRecord>> e : expected.entrySet()) {
            List<String> others = new ArrayList<>();
            for (EdgeRecord r : e.getValue()) {
                others.add(Mapper.other(r, ownerIsFrom));
                all.add(r);
            }
            if (!fresh.contains(e.getKey())) {
                keep.put(e.getKey(), others);
            }
        }
        List<String> owners = new ArrayList<>(keep.keySet());
        for (List<String> chunk : chunks(owners)) {
            Map<String, List<String>> part = new LinkedHashMap<>();
            chunk.forEach(o -> part.put(o, keep.get(o)));
            graph.deleteEdgesExcept(g, type, ownerIsFrom, part);
        }
        int n = 0;
        for (List<EdgeRecord> chunk : chunks(all)) {
            n += graph.upsertEdges(g, type, chunk);
        }
        return n;
    }

    /**
     * Prunes the edges of several sides at once ({@link GraphBackend#deleteEdgesExcept(String,
     * List, Map)}), {@code chunkSize} owners per call.
     */
    public void deleteEdgesExcept(String g, List<EdgeSide> sides, Map<String, List<List<String>>> keep) {
        List<String> owners = new ArrayList<>(keep.keySet());
        for (List<String> chunk : chunks(owners)) {
            Map<String, List<List<String>>> part = new LinkedHashMap<>();
            chunk.forEach(o -> part.put(o, keep.get(o)));
            graph.deleteEdgesExcept(g, sides, part);
        }
    }

    /** Upserts edges of one type, {@code chunkSize} per call; returns how many are present afterwards. */
    public int upsertEdges(String g, EdgeType type, List<EdgeRecord> edges) {
        int n = 0;
        for (List<EdgeRecord> chunk : chunks(edges)) {
            n += graph.upsertEdges(g, type, chunk);
        }
        return n;
    }

    public <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += chunkSize) {
            out.add(all.subList(i, Math.min(all.size(), i + chunkSize)));
        }
        return out;
    }
}
