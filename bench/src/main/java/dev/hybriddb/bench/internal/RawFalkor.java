package dev.hybriddb.bench.internal;

import com.falkordb.Driver;
import com.falkordb.FalkorDB;
import com.falkordb.Graph;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The baselines' FalkorDB access: jfalkordb with no SDK layers. jfalkordb cannot encode maps as
 * parameters, so the UNWIND baseline writes its rows as a Cypher literal in the {@code CYPHER}
 * parameter header, the cheapest way the driver offers to send a batch.
 */
public final class RawFalkor implements AutoCloseable {
    private final Driver driver;

    public RawFalkor(String host, int port) {
        this.driver = FalkorDB.driver(host, port);
    }

    public Graph graph(String name) {
        return driver.graph(name);
    }

    /** Runs {@code cypher} with {@code $rows} bound to {@code rows}. */
    public void unwind(Graph graph, String cypher, List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 64 + cypher.length() + 16).append("CYPHER rows=[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sb.append(',');
            literal(sb, rows.get(i));
        }
        graph.query(sb.append("] ").append(cypher).toString());
    }

    public void drop(String graphName) {
        try {
            driver.graph(graphName).deleteGraph();
        } catch (RuntimeException e) {
            // not there: nothing to drop
        }
    }

    private static void literal(StringBuilder sb, Map<String, Object> row) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(e.getKey()).append(':');
            value(sb, e.getValue());
        }
        sb.append('}');
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            String s = v.toString();
            sb.append('\'');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\'') sb.append('\\');
                sb.append(c);
            }
            sb.append('\'');
        }
    }

    @Override
    public void close() throws IOException {
        driver.close();
    }
}
