package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.sync.projection.Direction;
import dev.hybriddb.sync.projection.ForeignKeyEdge;
import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.PropertyMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns source rows into graph records through the projection. */
public final class Mapper {
    private Mapper() {}

    /** The node of a row: every mapped property, null values included (they remove the property). */
    public static NodeRecord node(NodeMapping m, SourceRow r) {
        return NodeRecord.of(r.id(), properties(m.properties(), r));
    }

    public static Map<String, Object> properties(List<PropertyMapping> mappings, SourceRow r) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (PropertyMapping p : mappings) {
            props.put(p.property(), ValueConverter.convert(r.get(p.column()), p.conversion()));
        }
        return props;
    }

    /** The edge a foreign key column gives, or null when the column is null. */
    public static EdgeRecord edge(ForeignKeyEdge e, SourceRow r) {
        String other = r.text(e.column());
        if (other == null) {
            return null;
        }
        return e.direction() == Direction.OUTGOING ? EdgeRecord.of(r.id(), other) : EdgeRecord.of(other, r.id());
    }

    /** The edge a join row gives, or null when an end is null. */
    public static EdgeRecord edge(JoinTableEdge j, SourceRow r) {
        String from = r.text(j.fromColumn());
        String to = r.text(j.toColumn());
        if (from == null || to == null) {
            return null;
        }
        return new EdgeRecord(from, to, properties(j.properties(), r));
    }

    /** The owner's id of an edge. */
    public static String owner(EdgeRecord e, boolean ownerIsFrom) {
        return ownerIsFrom ? e.fromId() : e.toId();
    }

    /** The other end's id of an edge. */
    public static String other(EdgeRecord e, boolean ownerIsFrom) {
        return ownerIsFrom ? e.toId() : e.fromId();
    }
}
