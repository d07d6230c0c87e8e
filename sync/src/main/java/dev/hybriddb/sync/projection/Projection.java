package dev.hybriddb.sync.projection;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.sync.internal.projection.DefaultProjection;
import dev.hybriddb.sync.internal.projection.Names;
import dev.hybriddb.sync.reconcile.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The declarative, immutable mapping from PostgreSQL tables to the graph: which tables become
 * nodes of which label, which columns become properties (and how they are converted), and which
 * foreign keys and join tables become edges. {@link #defaults()} covers HybridDB's schema;
 * applications add their own tables with {@code Projection.defaults().toBuilder().node(...)}.
 *
 * <p>Rules checked when built: table and column names match a strict pattern, labels and edge
 * types pass {@link dev.hybriddb.graph.Identifiers}; each label comes from one table; each edge
 * type (with its endpoint labels) from one mapping; every edge endpoint is a projected label; no
 * property column looks like a secret (password, secret, ciphertext, nonce, encrypted, credential).
 */
public final class Projection {
    private static final Pattern SECRET = Pattern.compile(
            ".*(password|secret|ciphertext|nonce|encrypted|credential).*|key|.*_key");

    private final Map<String, NodeMapping> nodesByTable;
    private final Map<String, NodeMapping> nodesByLabel;
    private final Map<String, JoinTableEdge> joinsByTable;
    private final List<String> order;
    private final List<String> joinOrder;

    private Projection(Builder b) {
        this.nodesByTable = Map.copyOf(b.nodes);
        this.joinsByTable = Map.copyOf(b.joins);
        Map<String, NodeMapping> byLabel = new LinkedHashMap<>();
        for (NodeMapping n : b.nodes.values()) {
            if (byLabel.put(n.label(), n) != null) {
                throw new InvalidInputException("label", n.label(), "is projected from two tables");
            }
            n.properties().forEach(Projection::refuseSecret);
        }
        this.nodesByLabel = Map.copyOf(byLabel);
        validateEdges(b);
        this.order = List.copyOf(b.nodes.keySet());
        this.joinOrder = List.copyOf(b.joins.keySet());
    }

    private void validateEdges(Builder b) {
        List<EdgeType> types = new ArrayList<>();
        for (NodeMapping n : b.nodes.values()) {
            for (ForeignKeyEdge e : n.edges()) {
                NodeMapping target = requireLabel(e.targetLabel(), e.type());
                if (target.keyColumns().size() != 1) {
                    throw new InvalidInputException("edge", e.type().toString(),
                            "needs a target with a single key column");
                }
                types.add(e.type());
            }
        }
        for (JoinTableEdge j : b.joins.values()) {
            requireLabel(j.type().fromLabel(), j.type());
            requireLabel(j.type().toLabel(), j.type());
            j.properties().forEach(Projection::refuseSecret);
            types.add(j.type());
            if (b.nodes.containsKey(j.table())) {
                throw new InvalidInputException("table", j.table(), "is projected as nodes and as edges");
            }
        }
        if (types.stream().distinct().count() != types.size()) {
            throw new InvalidInputException("edges", types, "must not derive one edge type from two mappings");
        }
    }

    private NodeMapping requireLabel(String label, EdgeType type) {
        NodeMapping n = nodesByLabel.get(label);
        if (n == null) {
            throw new InvalidInputException("edge", type.toString(), "ends at " + label + ", which no table projects");
        }
        return n;
    }

    private static void refuseSecret(PropertyMapping p) {
        if (SECRET.matcher(p.column()).matches() || SECRET.matcher(p.property()).matches()) {
            throw new InvalidInputException("property", p.column(), "looks like a secret and is never projected");
        }
    }

    /** HybridDB's own schema: every table the graph model needs. */
    public static Projection defaults() {
        return DefaultProjection.PROJECTION;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this projection's mappings, to add or replace tables. */
    public Builder toBuilder() {
        Builder b = new Builder();
        order.forEach(t -> b.nodes.put(t, nodesByTable.get(t)));
        joinOrder.forEach(t -> b.joins.put(t, joinsByTable.get(t)));
        return b;
    }

    /** Node tables, in declaration order (parents before children in the defaults). */
    public List<NodeMapping> nodes() {
        return order.stream().map(nodesByTable::get).toList();
    }

    /** Join tables, in declaration order. */
    public List<JoinTableEdge> joins() {
        return joinOrder.stream().map(joinsByTable::get).toList();
    }

    public Optional<NodeMapping> node(String table) {
        return Optional.ofNullable(nodesByTable.get(table));
    }

    public Optional<NodeMapping> nodeByLabel(String label) {
        return Optional.ofNullable(nodesByLabel.get(label));
    }

    public Optional<JoinTableEdge> join(String table) {
        return Optional.ofNullable(joinsByTable.get(table));
    }

    /** Every projected table (nodes, then joins). */
    public List<String> tables() {
        List<String> all = new ArrayList<>(order);
        all.addAll(joinOrder);
        return all;
    }

    /** True when the table is projected (as nodes or as edges). */
    public boolean projects(String table) {
        return nodesByTable.containsKey(table) || joinsByTable.containsKey(table);
    }

    /** Every edge type the projection writes. */
    public List<EdgeType> edgeTypes() {
        List<EdgeType> types = new ArrayList<>();
        nodes().forEach(n -> n.edges().forEach(e -> types.add(e.type())));
        joins().forEach(j -> types.add(j.type()));
        return types;
    }

    /** The table a name refers to, or a clear error. */
    public String requireTable(String table) {
        Names.table(table);
        if (!projects(table)) {
            throw new InvalidInputException("table", table, "is not projected");
        }
        return table;
    }

    @Override
    public String toString() {
        return "Projection[nodes=" + order + ", joins=" + joinOrder + "]";
    }

    /** Builds a {@link Projection}. Declaring a table again replaces its mapping. */
    public static final class Builder {
        private final Map<String, NodeMapping> nodes = new LinkedHashMap<>();
        private final Map<String, JoinTableEdge> joins = new LinkedHashMap<>();

        private Builder() {}

        /** Projects {@code table} as nodes labelled {@code label}; configure with {@code spec}. */
        public Builder node(String table, String label, Consumer<NodeSpec> spec) {
            NodeSpec s = new NodeSpec(table, label);
            spec.accept(s);
            joins.remove(table);
            nodes.put(table, s.build());
            return this;
        }

        public Builder node(NodeMapping mapping) {
            joins.remove(mapping.table());
            nodes.put(mapping.table(), mapping);
            return this;
        }

        /** Projects the rows of {@code table} as edges of {@code type}; configure with {@code spec}. */
        public Builder join(String table, String type, Consumer<JoinSpec> spec) {
            JoinSpec s = new JoinSpec(table, type);
            spec.accept(s);
            nodes.remove(table);
            joins.put(table, s.build());
            return this;
        }

        public Builder join(JoinTableEdge mapping) {
            nodes.remove(mapping.table());
            joins.put(mapping.table(), mapping);
            return this;
        }

        /** Removes a table's mapping. */
        public Builder without(String table) {
            nodes.remove(table);
            joins.remove(table);
            return this;
        }

        public Projection build() {
            return new Projection(this);
        }
    }

    /** The details of a node table. Defaults: key {@code id}, tenant column {@code tenant_id}. */
    public static final class NodeSpec {
        private final String table;
        private final String label;
        private List<String> key = List.of("id");
        private String tenantColumn = "tenant_id";
        private final List<PropertyMapping> properties = new ArrayList<>();
        private final List<ForeignKeyEdge> edges = new ArrayList<>();

        private NodeSpec(String table, String label) {
            this.table = table;
            this.label = label;
        }

        public NodeSpec key(String... columns) {
            this.key = List.of(columns);
            return this;
        }

        public NodeSpec tenantColumn(String column) {
            this.tenantColumn = column;
            return this;
        }

        /** Columns projected under their own names with {@link Conversion#AUTO}. */
        public NodeSpec properties(String... columns) {
            for (String c : columns) {
                properties.add(PropertyMapping.of(c));
            }
            return this;
        }

        public NodeSpec property(String column, Conversion conversion) {
            properties.add(new PropertyMapping(column, column, conversion));
            return this;
        }

        public NodeSpec property(String column, String property, Conversion conversion) {
            properties.add(new PropertyMapping(column, property, conversion));
            return this;
        }

        /** {@code (this)-[type]->(targetLabel)} from the foreign key {@code column}. */
        public NodeSpec edgeTo(String column, String type, String targetLabel) {
            edges.add(new ForeignKeyEdge(column, EdgeType.of(label, type, targetLabel), Direction.OUTGOING));
            return this;
        }

        /** {@code (sourceLabel)-[type]->(this)} from the foreign key {@code column}. */
        public NodeSpec edgeFrom(String column, String type, String sourceLabel) {
            edges.add(new ForeignKeyEdge(column, EdgeType.of(sourceLabel, type, label), Direction.INCOMING));
            return this;
        }

        private NodeMapping build() {
            return new NodeMapping(table, label, key, tenantColumn, properties, edges);
        }
    }

    /** The details of a join table. Defaults: key = (from, to) columns, owner FROM, tenant {@code tenant_id}. */
    public static final class JoinSpec {
        private final String table;
        private final String type;
        private String fromColumn;
        private String fromLabel;
        private String toColumn;
        private String toLabel;
        private List<String> key;
        private String tenantColumn = "tenant_id";
        private final List<PropertyMapping> properties = new ArrayList<>();
        private String latestBy;
        private Side owner = Side.FROM;

        private JoinSpec(String table, String type) {
            this.table = table;
            this.type = type;
        }

        public JoinSpec from(String column, String label) {
            this.fromColumn = column;
            this.fromLabel = label;
            return this;
        }

        public JoinSpec to(String column, String label) {
            this.toColumn = column;
            this.toLabel = label;
            return this;
        }

        public JoinSpec key(String... columns) {
            this.key = List.of(columns);
            return this;
        }

        public JoinSpec tenantColumn(String column) {
            this.tenantColumn = column;
            return this;
        }

        public JoinSpec properties(String... columns) {
            for (String c : columns) {
                properties.add(PropertyMapping.of(c));
            }
            return this;
        }

        public JoinSpec property(String column, String property, Conversion conversion) {
            properties.add(new PropertyMapping(column, property, conversion));
            return this;
        }

        /** With several rows per pair, the one with the greatest {@code column} gives the properties. */
        public JoinSpec latestBy(String column) {
            this.latestBy = column;
            return this;
        }

        public JoinSpec ownedBy(Side side) {
            this.owner = side;
            return this;
        }

        private JoinTableEdge build() {
            if (fromColumn == null || toColumn == null) {
                throw new InvalidInputException("join", table, "needs from(...) and to(...)");
            }
            List<String> k = key != null ? key : List.of(fromColumn, toColumn);
            return new JoinTableEdge(table, k, tenantColumn, EdgeType.of(fromLabel, type, toLabel),
                    fromColumn, toColumn, properties, latestBy, owner);
        }
    }

    /** Labels of all node mappings. */
    public Collection<String> labels() {
        return nodes().stream().map(NodeMapping::label).toList();
    }
}
