package dev.hybriddb.sync.internal.apply;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeSide;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.sync.internal.projection.ChangeSet;
import dev.hybriddb.sync.internal.projection.Mapper;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.internal.projection.SourceRow;
import dev.hybriddb.sync.internal.projection.TableShape;
import dev.hybriddb.sync.projection.Direction;
import dev.hybriddb.sync.projection.ForeignKeyEdge;
import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Brings a {@link ChangeSet} of one tenant into its graph: reads the CURRENT state of the changed
 * rows, upserts the nodes that exist and DETACH DELETEs those that are gone, then re-derives the
 * edges owned by the touched rows (replacing, so a changed foreign key moves its edge). For rows
 * inserted, edges that point at them from rows applied earlier (possibly skipped because this node
 * did not exist yet) are re-derived too. Every write is idempotent; nodes go before edges.
 */
public final class ChangeApplier {
    private final Projection projection;
    private final GraphWriter writer;

    public ChangeApplier(Projection projection, GraphWriter writer) {
        this.projection = projection;
        this.writer = writer;
    }

    public ApplyStats apply(Connection c, UUID tenant, String graph, ChangeSet cs) throws SQLException {
        ApplyStats stats = new ApplyStats();
        Map<ForeignKeyEdge, Map<String, SourceRow>> fkOwners = new LinkedHashMap<>();
        Map<JoinTableEdge, Set<String>> joinOwners = new LinkedHashMap<>();
        for (NodeMapping m : projection.nodes()) {
            applyNodes(c, tenant, graph, m, cs, fkOwners, stats);
        }
        for (NodeMapping m : projection.nodes()) {
            backfill(c, tenant, m, cs.inserted(m.table()), fkOwners, joinOwners);
        }
        Map<JoinTableEdge, Set<String>> touchedJoinOwners = new HashMap<>();
        for (JoinTableEdge j : projection.joins()) {
            Set<String> owners = joinOwners.computeIfAbsent(j, x -> new LinkedHashSet<>());
            Set<String> touched = touchedJoinOwners.computeIfAbsent(j, x -> new HashSet<>());
            owners.addAll(cs.joinOwners(j.table()));
            touched.addAll(cs.joinOwners(j.table()));
            for (SourceRow r : SourceReader.byKeys(c, tenant, TableShape.of(j).keysOnlyWith(j.ownerColumn()), cs.keys(j.table()))) {
                addIfNotNull(owners, r.text(j.ownerColumn()));
            }
            for (Map<String, Object> old : cs.oldRows(j.table())) {
                Object o = old.get(j.ownerColumn());
                addIfNotNull(owners, o == null ? null : o.toString());
                addIfNotNull(touched, o == null ? null : o.toString());
            }
        }
        stats.edgesWritten += replaceForeignKeyEdges(graph, fkOwners, cs);
        for (Map.Entry<JoinTableEdge, Set<String>> e : joinOwners.entrySet()) {
            Set<String> fresh = new HashSet<>(cs.fresh(projection.nodeByLabel(e.getKey().ownerLabel()).orElseThrow().table()));
            fresh.removeAll(touchedJoinOwners.getOrDefault(e.getKey(), Set.of()));
            stats.edgesWritten += replaceJoinEdges(c, tenant, graph, e.getKey(), e.getValue(), fresh);
        }
        return stats;
    }

    private void applyNodes(Connection c, UUID tenant, String graph, NodeMapping m, ChangeSet cs,
                            Map<ForeignKeyEdge, Map<String, SourceRow>> fkOwners, ApplyStats stats) throws SQLException {
        Collection<Map<String, Object>> keys = cs.keys(m.table());
        if (keys.isEmpty()) {
            return;
        }
        List<SourceRow> rows = SourceReader.byKeys(c, tenant, TableShape.of(m), keys);
        Set<String> present = new HashSet<>();
        List<NodeRecord> nodes = new ArrayList<>(rows.size());
        for (SourceRow r : rows) {
            present.add(r.id());
            nodes.add(Mapper.node(m, r));
        }
        List<String> gone = new ArrayList<>();
        for (Map<String, Object> k : keys) {
            String id = idOf(m.keyColumns(), k);
            if (!present.contains(id)) {
                gone.add(id);
            }
        }
        stats.nodesUpserted += writer.upsertNodes(graph, m.label(), nodes);
        if (!gone.isEmpty()) {
            stats.nodesDeleted += writer.deleteNodes(graph, m.label(), gone);
        }
        for (ForeignKeyEdge e : m.edges()) {
            Map<String, SourceRow> owners = fkOwners.computeIfAbsent(e, x -> new LinkedHashMap<>());
            rows.forEach(r -> owners.put(r.id(), r));
        }
    }

    /** Edges towards nodes just inserted, from rows that may have been applied before them. */
    private void backfill(Connection c, UUID tenant, NodeMapping inserted, Set<String> ids,
                          Map<ForeignKeyEdge, Map<String, SourceRow>> fkOwners,
                          Map<JoinTableEdge, Set<String>> joinOwners) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (NodeMapping s : projection.nodes()) {
            for (ForeignKeyEdge e : s.edges()) {
                if (e.targetLabel().equals(inserted.label())) {
                    Map<String, SourceRow> owners = fkOwners.computeIfAbsent(e, x -> new LinkedHashMap<>());
                    for (SourceRow r : SourceReader.byColumn(c, tenant, TableShape.of(s), e.column(), ids)) {
                        owners.put(r.id(), r);
                    }
                }
            }
        }
        for (JoinTableEdge j : projection.joins()) {
            Set<String> owners = joinOwners.computeIfAbsent(j, x -> new LinkedHashSet<>());
            if (j.ownerLabel().equals(inserted.label())) {
                owners.addAll(ids);
            }
            if (j.otherLabel().equals(inserted.label())) {
                TableShape shape = TableShape.of(j).keysOnlyWith(j.ownerColumn());
                for (SourceRow r : SourceReader.byColumn(c, tenant, shape, j.otherColumn(), ids)) {
                    addIfNotNull(owners, r.text(j.ownerColumn()));
                }
            }
        }
    }

    /**
     * Replaces the foreign-key edges at the rows' nodes, all edge types of one owner label pruned
     * together ({@link GraphWriter#deleteEdgesExcept(String, List, Map)}: on FalkorDB one statement
     * per label and direction), then the expected edges upserted per type. Nodes created by this
     * change ({@code fresh}) have no older edges, so nothing is pruned at them.
     */
    private int replaceForeignKeyEdges(String graph, Map<ForeignKeyEdge, Map<String, SourceRow>> fkOwners, ChangeSet cs) {
        Map<String, List<ForeignKeyEdge>> byLabel = new LinkedHashMap<>();
        fkOwners.forEach((e, rows) -> {
            if (!rows.isEmpty()) {
                byLabel.computeIfAbsent(e.ownerLabel(), l -> new ArrayList<>()).add(e);
            }
        });
        int n = 0;
        for (Map.Entry<String, List<ForeignKeyEdge>> l : byLabel.entrySet()) {
            Set<String> fresh = cs.fresh(projection.nodeByLabel(l.getKey()).orElseThrow().table());
            List<EdgeSide> sides = new ArrayList<>();          // columns of one edge type and side share a slot
            for (ForeignKeyEdge e : l.getValue()) {
                EdgeSide side = new EdgeSide(e.type(), e.direction() == Direction.OUTGOING);
                if (!sides.contains(side)) {
                    sides.add(side);
                }
            }
            Map<String, List<List<String>>> keep = new LinkedHashMap<>();
            Map<ForeignKeyEdge, List<EdgeRecord>> upserts = new LinkedHashMap<>();
            for (ForeignKeyEdge e : l.getValue()) {
                boolean ownerIsFrom = e.direction() == Direction.OUTGOING;
                int slot = sides.indexOf(new EdgeSide(e.type(), ownerIsFrom));
                List<EdgeRecord> expected = upserts.computeIfAbsent(e, x -> new ArrayList<>());
                for (SourceRow r : fkOwners.get(e).values()) {
                    EdgeRecord edge = Mapper.edge(e, r);
                    if (edge != null) {
                        expected.add(edge);
                    }
                    if (!fresh.contains(r.id())) {
                        List<List<String>> k = keep.computeIfAbsent(r.id(), x -> nulls(sides.size()));
                        List<String> kept = k.get(slot) == null ? new ArrayList<>() : k.get(slot);
                        if (edge != null) {
                            kept.add(Mapper.other(edge, ownerIsFrom));
                        }
                        k.set(slot, kept);
                    }
                }
            }
            if (!keep.isEmpty()) {
                writer.deleteEdgesExcept(graph, sides, keep);
            }
            for (Map.Entry<ForeignKeyEdge, List<EdgeRecord>> u : upserts.entrySet()) {
                if (!u.getValue().isEmpty()) {
                    n += writer.upsertEdges(graph, u.getKey().type(), u.getValue());
                }
            }
        }
        return n;
    }

    private static List<List<String>> nulls(int n) {
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    public int replaceForeignKeyEdges(String graph, ForeignKeyEdge e, Collection<SourceRow> rows) {
        return replaceForeignKeyEdges(graph, e, rows, Set.of());
    }

    /** Replaces the edges of type {@code e} at the rows' nodes; {@code fresh} nodes have none to delete. */
    public int replaceForeignKeyEdges(String graph, ForeignKeyEdge e, Collection<SourceRow> rows, Set<String> fresh) {
        if (rows.isEmpty()) {
            return 0;
        }
        boolean ownerIsFrom = e.direction() == Direction.OUTGOING;
        Map<String, List<EdgeRecord>> expected = new LinkedHashMap<>();
        for (SourceRow r : rows) {
            EdgeRecord edge = Mapper.edge(e, r);
            expected.put(r.id(), edge == null ? List.of() : List.of(edge));
        }
        return writer.replaceEdges(graph, e.type(), ownerIsFrom, expected, fresh);
    }

    public int replaceJoinEdges(Connection c, UUID tenant, String graph, JoinTableEdge j, Collection<String> owners)
            throws SQLException {
        return replaceJoinEdges(c, tenant, graph, j, owners, Set.of());
    }

    /** Re-derives the join edges at {@code owners}; {@code fresh} owners have no older edges to delete. */
    public int replaceJoinEdges(Connection c, UUID tenant, String graph, JoinTableEdge j, Collection<String> owners,
                                Set<String> fresh) throws SQLException {
        if (owners.isEmpty()) {
            return 0;
        }
        boolean ownerIsFrom = j.owner() == dev.hybriddb.sync.reconcile.Side.FROM;
        Map<String, List<EdgeRecord>> expected = new LinkedHashMap<>();
        owners.forEach(o -> expected.put(o, new ArrayList<>()));
        for (SourceRow r : SourceReader.latestPerPair(c, tenant, TableShape.of(j), j.ownerColumn(), j.otherColumn(),
                j.latestBy(), owners)) {
            EdgeRecord edge = Mapper.edge(j, r);
            if (edge != null) {
                expected.computeIfAbsent(Mapper.owner(edge, ownerIsFrom), x -> new ArrayList<>()).add(edge);
            }
        }
        return writer.replaceEdges(graph, j.type(), ownerIsFrom, expected, fresh);
    }

    public static String idOf(List<String> keyColumns, Map<String, Object> key) {
        StringBuilder sb = new StringBuilder();
        for (String k : keyColumns) {
            if (sb.length() > 0) sb.append(':');
            sb.append(key.get(k));
        }
        return sb.toString();
    }

    private static void addIfNotNull(Set<String> s, String v) {
        if (v != null) {
            s.add(v);
        }
    }
}
