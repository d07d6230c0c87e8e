package dev.hybriddb.sync.internal.recovery;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.sync.internal.outbox.Outbox;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.internal.projection.TableShape;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cheap check that a tenant's graph holds what PostgreSQL says it should: the graph exists
 * (unless the tenant has no projected rows at all), and it has as many nodes of each label as the
 * tenant has rows in the label's table. One SQL statement (the counts and the tenant's waiting
 * outbox rows read in one snapshot) and one count query per label. Runs in the tenant's
 * transaction with its sync lock held, so no round of the tenant runs meanwhile: when the tenant
 * has no outbox row waiting, every change PostgreSQL shows has reached the graph, and the counts
 * must agree. With rows waiting they cannot be compared ({@link Verdict#UNKNOWN}).
 */
public final class GraphCheck {
    /** The outcome. */
    public enum Verdict { MATCHES, DIFFERS, UNKNOWN }

    /** A verdict with what differed (for the log and the request's reason). */
    public record Result(Verdict verdict, String detail) {}

    private final Projection projection;
    private final GraphBackend graph;

    public GraphCheck(Projection projection, GraphBackend graph) {
        this.projection = projection;
        this.graph = graph;
    }

    public Result check(Connection c, UUID tenant, String graphName) throws SQLException {
        List<NodeMapping> nodes = projection.nodes();
        long[] rows = new long[nodes.size()];
        boolean waiting = sourceCounts(c, tenant, nodes, rows);
        long total = 0;
        for (long r : rows) {
            total += r;
        }
        if (!graph.graphExists(graphName)) {
            return total == 0 ? new Result(Verdict.MATCHES, "no rows, no graph")
                    : new Result(Verdict.DIFFERS, "graph " + graphName + " is missing (" + total + " projected rows)");
        }
        if (waiting) {
            return new Result(Verdict.UNKNOWN, "outbox rows are waiting");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String label = Identifiers.label(nodes.get(i).label());
            List<GraphRow> r = graph.query(graphName, "MATCH (n:" + label + ") RETURN count(n) AS c", Map.of());
            long inGraph = r.isEmpty() ? 0 : r.get(0).getLong("c");
            if (inGraph != rows[i]) {
                return new Result(Verdict.DIFFERS, "graph " + graphName + " has " + inGraph + " " + label + " nodes, PostgreSQL "
                        + rows[i] + " rows");
            }
        }
        return new Result(Verdict.MATCHES, "node counts agree");
    }

    /** Fills {@code rows} with the tenant's row count per node table; true when outbox rows of the tenant (or a TRUNCATE) wait. */
    private static boolean sourceCounts(Connection c, UUID tenant, List<NodeMapping> nodes, long[] rows) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT EXISTS (SELECT 1 FROM ").append(Outbox.TABLE)
                .append(" WHERE tenant_id = ?::uuid OR tenant_id IS NULL)");
        for (NodeMapping m : nodes) {
            TableShape t = TableShape.of(m);
            sql.append(", (SELECT count(*) FROM ").append(SourceReader.table(t.table())).append(" WHERE ")
                    .append(SourceReader.q(t.tenantColumn())).append(" = ?::uuid)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 1; i <= nodes.size() + 1; i++) {
                ps.setString(i, tenant.toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = rs.getLong(i + 2);
                }
                return rs.getBoolean(1);
            }
        }
    }
}
