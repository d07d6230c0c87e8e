package dev.hybriddb.graph.falkor.internal;

import com.falkordb.Record;
import com.falkordb.ResultSet;
import com.falkordb.graph_entities.Edge;
import com.falkordb.graph_entities.GraphEntity;
import com.falkordb.graph_entities.Node;
import com.falkordb.graph_entities.Path;
import com.falkordb.graph_entities.Point;
import dev.hybriddb.graph.GraphEdge;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphPath;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphValues;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns jfalkordb results into {@link GraphRow}s of plain Java values. */
public final class Results {
    private Results() {}

    public static List<GraphRow> rows(ResultSet rs) {
        List<String> columns = rs.getHeader().getSchemaNames();
        List<GraphRow> rows = new ArrayList<>(rs.size());
        for (Record r : rs) {
            List<Object> values = new ArrayList<>(r.size());
            for (Object v : r.values()) {
                values.add(plain(v));
            }
            rows.add(new GraphRow(columns, values));
        }
        return rows;
    }

    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Node n) {
            return node(n);
        }
        if (v instanceof Edge e) {
            return edge(e);
        }
        if (v instanceof Path p) {
            return new GraphPath(p.getNodes().stream().map(Results::node).toList(),
                    p.getEdges().stream().map(Results::edge).toList());
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(o -> out.add(plain(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            new TreeMap<>(m).forEach((k, o) -> out.put(String.valueOf(k), plain(o)));
            return out;
        }
        if (v instanceof Point p) {
            return Map.of("latitude", p.getLatitude(), "longitude", p.getLongitude());
        }
        if (v instanceof TemporalAccessor t) {
            try {
                return GraphValues.parameter("value", t);
            } catch (RuntimeException e) {
                return t.toString();
            }
        }
        if (v instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    static GraphNode node(Node n) {
        List<String> labels = new ArrayList<>(n.getNumberOfLabels());
        for (int i = 0; i < n.getNumberOfLabels(); i++) {
            labels.add(n.getLabel(i));
        }
        return new GraphNode(Long.toString(n.getId()), labels, properties(n));
    }

    static GraphEdge edge(Edge e) {
        return new GraphEdge(Long.toString(e.getId()), e.getRelationshipType(), Long.toString(e.getSource()),
                Long.toString(e.getDestination()), properties(e));
    }

    private static Map<String, Object> properties(GraphEntity entity) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(entity.getEntityPropertyNames())) {
            props.put(name, plain(entity.getProperty(name).getValue()));
        }
        return props;
    }
}
