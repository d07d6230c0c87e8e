package dev.hybriddb.cli.internal;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's agent network read from its graph: agents and swarms, and the MANAGES and MEMBER_OF
 * edges between them; rendered as Mermaid or Graphviz dot.
 */
public record AgentNetwork(Map<String, String> nodes, List<Edge> edges) {

    /** An edge between two node ids. */
    public record Edge(String from, String type, String to) {}

    public static AgentNetwork read(GraphBackend graph, String graphName) {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (GraphRow r : graph.query(graphName,
                "MATCH (a:Agent) RETURN a.id AS id, a.name AS name, a.role AS role ORDER BY a.name, a.id", Map.of())) {
            nodes.put(r.getString("id"), r.getString("name") + (r.getString("role") == null ? "" : " (" + r.getString("role") + ")"));
        }
        for (GraphRow r : graph.query(graphName,
                "MATCH (:Agent)-[:MEMBER_OF]->(s:Swarm) RETURN DISTINCT s.id AS id, s.name AS name ORDER BY s.name, s.id", Map.of())) {
            nodes.put(r.getString("id"), "swarm " + r.getString("name"));
        }
        List<Edge> edges = new ArrayList<>();
        for (String type : List.of("MANAGES", "MEMBER_OF")) {
            String target = type.equals("MANAGES") ? "Agent" : "Swarm";
            for (GraphRow r : graph.query(graphName, "MATCH (a:Agent)-[:" + type + "]->(b:" + target + ")"
                    + " RETURN a.id AS f, b.id AS t ORDER BY f, t", Map.of())) {
                edges.add(new Edge(r.getString("f"), type, r.getString("t")));
            }
        }
        return new AgentNetwork(nodes, edges);
    }

    public String toMermaid() {
        StringBuilder sb = new StringBuilder("graph LR\n");
        Map<String, String> ids = shortIds();
        nodes.forEach((id, label) -> sb.append("  ").append(ids.get(id)).append("[\"")
                .append(label.replace("\"", "#quot;")).append("\"]\n"));
        for (Edge e : edges) {
            sb.append("  ").append(ids.get(e.from())).append(" -->|").append(e.type()).append("| ").append(ids.get(e.to())).append('\n');
        }
        return sb.toString();
    }

    public String toDot() {
        StringBuilder sb = new StringBuilder("digraph agents {\n  rankdir=LR;\n  node [shape=box];\n");
        Map<String, String> ids = shortIds();
        nodes.forEach((id, label) -> sb.append("  ").append(ids.get(id)).append(" [label=\"").append(dotEscape(label)).append("\"];\n"));
        for (Edge e : edges) {
            sb.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()))
                    .append(" [label=\"").append(e.type()).append("\"];\n");
        }
        return sb.append("}\n").toString();
    }

    private Map<String, String> shortIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        nodes.keySet().forEach(id -> ids.put(id, "n" + ids.size()));
        return ids;
    }

    static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
