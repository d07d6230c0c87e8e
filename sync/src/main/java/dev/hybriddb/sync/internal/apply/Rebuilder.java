package dev.hybriddb.sync.internal.apply;

import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.SyncProgress.Phase;
import dev.hybriddb.sync.SyncProgress;
import dev.hybriddb.sync.internal.projection.Mapper;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.internal.projection.SourceRow;
import dev.hybriddb.sync.internal.projection.TableShape;
import dev.hybriddb.sync.projection.ForeignKeyEdge;
import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rebuilds a tenant's graph in place, in bounded memory: (1) every node table in keyset pages
 * of {@code pageSize} rows, upserted in chunks; (2) a sweep that DETACH DELETEs graph nodes whose
 * row is gone; (3) every edge type re-derived per page of owners (replacing, so stale edges go).
 * The graph stays queryable throughout (no drop).
 */
public final class Rebuilder {
    private final Projection projection;
    private final GraphWriter writer;
    private final ChangeApplier applier;
    private final int pageSize;

    public Rebuilder(Projection projection, GraphWriter writer, int pageSize) {
        this.projection = projection;
        this.writer = writer;
        this.applier = new ChangeApplier(projection, writer);
        this.pageSize = pageSize;
    }

    public ApplyStats rebuild(Connection c, UUID tenant, String graph, SyncListener listener) throws SQLException {
        ApplyStats stats = new ApplyStats();
        writer.backend().ensureGraph(graph);
        for (NodeMapping m : projection.nodes()) {
            upsertAll(c, tenant, graph, m, listener, stats);
        }
        for (NodeMapping m : projection.nodes()) {
            sweep(c, tenant, graph, m, listener, stats);
        }
        for (NodeMapping m : projection.nodes()) {
            if (!m.edges().isEmpty()) {
                foreignKeyEdges(c, tenant, graph, m, listener, stats);
            }
        }
        for (JoinTableEdge j : projection.joins()) {
            joinEdges(c, tenant, graph, j, listener, stats);
        }
        listener.onProgress(new SyncProgress(tenant, graph, Phase.DONE, "", stats.nodesUpserted, stats.nodesUpserted));
        return stats;
    }

    private void upsertAll(Connection c, UUID tenant, String graph, NodeMapping m, SyncListener l, ApplyStats stats)
            throws SQLException {
        TableShape shape = TableShape.of(m);
        long total = SourceReader.count(c, tenant, shape);
        long done = 0;
        String after = null;
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, shape, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            stats.nodesUpserted += writer.upsertNodes(graph, m.label(), rows.stream().map(r -> Mapper.node(m, r)).toList());
            done += rows.size();
            after = rows.get(rows.size() - 1).keyJson();
            l.onProgress(new SyncProgress(tenant, graph, Phase.NODES, m.label(), done, total));
        }
    }

    private void sweep(Connection c, UUID tenant, String graph, NodeMapping m, SyncListener l, ApplyStats stats)
            throws SQLException {
        String after = "";
        long done = 0;
        TableShape keys = TableShape.of(m).keysOnly();
        while (true) {
            List<String> ids = GraphIds.page(writer.backend(), graph, m.label(), after, pageSize);
            if (ids.isEmpty()) {
                break;
            }
            List<Map<String, Object>> keyMaps = ids.stream().map(id -> SourceReader.keyOf(m.keyColumns(), id)).toList();
            Set<String> present = new HashSet<>();
            SourceReader.byKeys(c, tenant, keys, keyMaps).forEach(r -> present.add(r.id()));
            List<String> gone = new ArrayList<>();
            ids.stream().filter(id -> !present.contains(id)).forEach(gone::add);
            if (!gone.isEmpty()) {
                stats.nodesDeleted += writer.deleteNodes(graph, m.label(), gone);
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
            l.onProgress(new SyncProgress(tenant, graph, Phase.SWEEP, m.label(), done, -1));
        }
    }

    private void foreignKeyEdges(Connection c, UUID tenant, String graph, NodeMapping m, SyncListener l, ApplyStats stats)
            throws SQLException {
        TableShape shape = TableShape.of(m);
        String after = null;
        long done = 0;
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, shape, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            for (ForeignKeyEdge e : m.edges()) {
                stats.edgesWritten += applier.replaceForeignKeyEdges(graph, e, rows);
            }
            done += rows.size();
            after = rows.get(rows.size() - 1).keyJson();
            for (ForeignKeyEdge e : m.edges()) {
                l.onProgress(new SyncProgress(tenant, graph, Phase.EDGES, e.type().toString(), done, -1));
            }
        }
    }

    private void joinEdges(Connection c, UUID tenant, String graph, JoinTableEdge j, SyncListener l, ApplyStats stats)
            throws SQLException {
        NodeMapping owner = projection.nodeByLabel(j.ownerLabel()).orElseThrow();
        TableShape keys = TableShape.of(owner).keysOnly();
        String after = null;
        long done = 0;
        while (true) {
            List<SourceRow> rows = SourceReader.page(c, tenant, keys, after, pageSize);
            if (rows.isEmpty()) {
                break;
            }
            stats.edgesWritten += applier.replaceJoinEdges(c, tenant, graph, j, rows.stream().map(SourceRow::id).toList());
            done += rows.size();
            after = rows.get(rows.size() - 1).keyJson();
            l.onProgress(new SyncProgress(tenant, graph, Phase.EDGES, j.type().toString(), done, -1));
        }
    }
}
