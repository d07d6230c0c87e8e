package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * One Cypher statement as AGE runs it:
 * {@code SELECT * FROM cypher('<graph>', $$ <cypher> $$, ?) AS (c0 agtype, ...)}. The graph name
 * has passed {@link Identifiers#graph}, the text has no {@code $$} ({@link CypherText}), and every
 * value travels in the one parameter: a JSON map that AGE reads as agtype. AGE insists that the
 * third argument be a bare parameter ({@code ?::agtype} is refused), so the parameter is sent with
 * an unspecified type ({@link Types#OTHER}) and PostgreSQL infers agtype from the function.
 */
public final class AgeCypher {
    private AgeCypher() {}

    /** The SQL for a Cypher text returning {@code columns} columns (at least one is declared). */
    public static String sql(String graph, String cypher, int columns) {
        Identifiers.graph(graph);
        StringBuilder sb = new StringBuilder(cypher.length() + 96)
                .append("SELECT * FROM cypher('").append(graph).append("', $$ ")
                .append(cypher).append(" $$, ?) AS (");
        int n = Math.max(1, columns);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append('c').append(i).append(" agtype");
        }
        return sb.append(')').toString();
    }

    /** Runs a checked Cypher text with a JSON parameter map and reads the rows. */
    public static List<GraphRow> run(Connection c, int timeoutSeconds, String graph, CypherText cypher, String paramsJson)
            throws SQLException {
        List<String> columns = cypher.columns();
        List<GraphRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql(graph, cypher.text(), columns.size()))) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setObject(1, paramsJson, Types.OTHER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (columns.isEmpty()) {
                        continue;
                    }
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(AgtypeReader.read(rs.getString(i + 1)));
                    }
                    rows.add(new GraphRow(columns, values));
                }
            }
        }
        return rows;
    }
}
