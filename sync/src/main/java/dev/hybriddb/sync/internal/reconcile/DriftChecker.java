package dev.hybriddb.sync.internal.reconcile;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphEdge;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.SyncProgress.Phase;
import dev.hybriddb.sync.SyncProgress;
import dev.hybriddb.sync.internal.apply.GraphIds;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.projection.Mapper;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.internal.projection.SourceRow;
import dev.hybriddb.sync.internal.projection.TableShape;
import dev.hybriddb.sync.projection.Direction;
import dev.hybriddb.sync.projection.ForeignKeyEdge;
import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.projection.PropertyMapping;
import dev.hybriddb.sync.reconcile.EdgeDrift;
import dev.hybriddb.sync.reconcile.EdgeKey;
import dev.hybriddb.sync.reconcile.LabelDrift;
import dev.hybriddb.sync.reconcile.Side;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Compares a tenant's rows with its graph, page by page, in bounded memory. */
public final class DriftChecker {
    private final Projection projection;
    private final GraphWriter writer;
    private final int pageSize;
    private final int maxEntries;
    private int entries;

    public DriftChecker(Projection projection, GraphWriter writer, int pageSize, int maxEntries) {
        this.projection = projection;
        this.writer = writer;
        this.pageSize = pageSize;
        this.maxEntries = maxEntries;
    }

    public boolean truncated() {
        return entries > maxEntries;
    }

    public LabelDrift nodes(Connection c, UUID tenant, String graph, NodeMapping m, SyncListener l) throws SQLException {
        List<String> names = m.properties().stream().map(PropertyMapping::property).toList();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> orphaned = new ArrayList<>();
        TableShape shape = TableShape.of(m);
        long checked = 0;
        String after = null;
        String cypher = "UNWIND $ids AS k MATCH (n:" + Identifiers.label(m.label()) + " {id: k}) RETURN n.id AS nid, n AS n";
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, shape, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            Map<String, GraphNode> inGraph = new HashMap<>();
            for (GraphRow r : writer.backend().query(graph, cypher, Map.of("ids", rows.stream().map(SourceRow::id).toList()))) {
                inGraph.put(r.getString("nid"), r.getNode("n"));
            }
            for (SourceRow r : rows) {
                GraphNode n = inGraph.get(r.id());
                NodeRecord expected = Mapper.node(m, r);
                if (n == null) {
                    add(missing, r.id());
                } else if (!PropertyHash.of(expected.properties(), names).equals(PropertyHash.of(n.properties(), names))) {
                    add(stale, r.id());
                }
            }
            checked += rows.size();
            after = rows.get(rows.size() - 1).keyJson();
            l.onProgress(new SyncProgress(tenant, graph, Phase.NODES, m.label(), checked, -1));
        }
        String gAfter = "";
        TableShape keys = shape.keysOnly();
        while (true) {
            List<String> ids = GraphIds.page(writer.backend(), graph, m.label(), gAfter, pageSize);
            if (ids.isEmpty()) {
                break;
            }
            Set<String> present = new HashSet<>();
            SourceReader.byKeys(c, tenant, keys, ids.stream().map(id -> SourceReader.keyOf(m.keyColumns(), id)).toList())
                    .forEach(r -> present.add(r.id()));
            ids.stream().filter(id -> !present.contains(id)).forEach(id -> add(orphaned, id));
            gAfter = ids.get(ids.size() - 1);
        }
        return new LabelDrift(m.label(), checked, missing, stale, orphaned);
    }

    public EdgeDrift foreignKeyEdges(Connection c, UUID tenant, String graph, NodeMapping m, ForeignKeyEdge e)
            throws SQLException {
        boolean ownerIsFrom = e.direction() == Direction.OUTGOING;
        Compare cmp = new Compare(e.type(), List.of());
        TableShape shape = TableShape.of(m);
        String after = null;
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, shape, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            List<EdgeRecord> expected = new ArrayList<>();
            rows.forEach(r -> {
                EdgeRecord edge = Mapper.edge(e, r);
                if (edge != null) expected.add(edge);
            });
            cmp.page(graph, ownerIsFrom, rows.stream().map(SourceRow::id).toList(), expected);
            after = rows.get(rows.size() - 1).keyJson();
        }
        return cmp.result();
    }

    public EdgeDrift joinEdges(Connection c, UUID tenant, String graph, JoinTableEdge j) throws SQLException {
        boolean ownerIsFrom = j.owner() == Side.FROM;
        Compare cmp = new Compare(j.type(), j.properties().stream().map(PropertyMapping::property).toList());
        NodeMapping owner = projection.nodeByLabel(j.ownerLabel()).orElseThrow();
        TableShape keys = TableShape.of(owner).keysOnly();
        String after = null;
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, keys, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            List<String> owners = rows.stream().map(SourceRow::id).toList();
            List<EdgeRecord> expected = new ArrayList<>();
            for (SourceRow r : SourceReader.latestPerPair(c, tenant, TableShape.of(j), j.ownerColumn(), j.otherColumn(),
                    j.latestBy(), owners)) {
                EdgeRecord edge = Mapper.edge(j, r);
                if (edge != null) expected.add(edge);
            }
            cmp.page(graph, ownerIsFrom, owners, expected);
            after = rows.get(rows.size() - 1).keyJson();
        }
        return cmp.result();
    }

    private void add(List<String> list, String id) {
        if (++entries <= maxEntries) {
            list.add(id);
        }
    }

    private void add(List<EdgeKey> list, EdgeKey k) {
        if (++entries <= maxEntries) {
            list.add(k);
        }
    }

    /** Edge comparison of one type, page by page of owners. */
    private final class Compare {
        private final EdgeType type;
        private final List<String> names;
        private final List<EdgeKey> missing = new ArrayList<>();
        private final List<EdgeKey> stale = new ArrayList<>();
        private final List<EdgeKey> orphaned = new ArrayList<>();
        private long checked;

        Compare(EdgeType type, List<String> names) {
            this.type = type;
            this.names = names;
        }

        void page(String graph, boolean ownerIsFrom, List<String> owners, List<EdgeRecord> expected) {
            String a = Identifiers.label(type.fromLabel());
            String rel = Identifiers.label(type.type());
            String b = Identifiers.label(type.toLabel());
            String cypher = "UNWIND $ids AS k MATCH " + (ownerIsFrom
                    ? "(a:" + a + " {id: k})-[e:" + rel + "]->(b:" + b + ")"
                    : "(a:" + a + ")-[e:" + rel + "]->(b:" + b + " {id: k})") + " RETURN a.id AS f, b.id AS t, e AS e";
            Map<EdgeKey, Map<String, Object>> actual = new HashMap<>();
            for (GraphRow r : writer.backend().query(graph, cypher, Map.of("ids", owners))) {
                GraphEdge e = (GraphEdge) r.get("e");
                actual.put(new EdgeKey(r.getString("f"), r.getString("t")), e.properties());
            }
            for (EdgeRecord x : expected) {
                EdgeKey k = new EdgeKey(x.fromId(), x.toId());
                Map<String, Object> props = actual.remove(k);
                if (props == null) {
                    add(missing, k);
                } else if (!PropertyHash.of(x.properties(), names).equals(PropertyHash.of(props, names))) {
                    add(stale, k);
                }
            }
            actual.keySet().forEach(k -> add(orphaned, k));
            checked += expected.size();
        }

        EdgeDrift result() {
            return new EdgeDrift(type, checked, missing, stale, orphaned);
        }
    }
}
