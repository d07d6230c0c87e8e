package dev.hybriddb.graph;

import java.util.List;
import java.util.Objects;

/**
 * A fixed chain of edges walked from nodes found by key:
 * {@code (n0:startLabel {id: k})-[:T1]->(n1:L1)<-[:T2]-(n2) ...}, one step per edge, each step
 * along or against its edge's direction, to a node of a given label or of any label. A walk of
 * no steps finds the start nodes themselves. A path may use an edge more than once (a walk
 * {@code (a)-[:MEMBER_OF]->(s)<-[:MEMBER_OF]-(b)} also finds {@code b = a}), on every backend. {@link GraphBackend#walk} runs walks from many keys
 * at once, e.g. one level of a breadth-first search per call.
 */
public record Walk(String startLabel, List<Step> steps) {
    public Walk {
        Identifiers.label(startLabel);
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    }

    /** A walk from {@code startLabel} along {@code steps}. */
    public static Walk from(String startLabel, Step... steps) {
        return new Walk(startLabel, List.of(steps));
    }

    /**
     * One edge of a walk: its type, whether it is followed along its direction, and the label of
     * the node it reaches ({@code null}: any label).
     */
    public record Step(String type, boolean outgoing, String label) {
        public Step {
            Identifiers.label(type);
            if (label != null) {
                Identifiers.label(label);
            }
        }

        /** Along {@code -[:type]->} to a node of {@code label} (null: any). */
        public static Step out(String type, String label) {
            return new Step(type, true, label);
        }

        /** Against {@code <-[:type]-} to a node of {@code label} (null: any). */
        public static Step in(String type, String label) {
            return new Step(type, false, label);
        }
    }

    /**
     * The properties asked of a walk's last node, checked: each passes
     * {@link Identifiers#property} and none is named like a leading column of
     * {@link GraphBackend#walk}.
     */
    public static List<String> properties(List<String> properties) {
        for (String p : properties) {
            Identifiers.property(p);
            if (GraphBackend.WALK_COLUMNS.contains(p)) {
                throw new GraphException("property " + p + " of a walk is named like one of its columns " + GraphBackend.WALK_COLUMNS);
            }
        }
        return List.copyOf(properties);
    }

    /** The walk in Cypher from {@code start} bound to a key, e.g. {@code (n0:Task {id: k})-[:DEPENDS_ON]->(n1)}. */
    String pattern(String key) {
        StringBuilder sb = new StringBuilder("(n0:").append(startLabel).append(" {id: ").append(key).append("})");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            sb.append(s.outgoing() ? "-[:" : "<-[:").append(s.type()).append(s.outgoing() ? "]->" : "]-")
                    .append("(n").append(i + 1).append(s.label() == null ? "" : ":" + s.label()).append(')');
        }
        return sb.toString();
    }
}
