package dev.hybriddb.graph.age.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.graph.GraphEdge;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphPath;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgtypeReaderTest {
    private static final String V1 = "{\"id\": 844424930131969, \"label\": \"Person\", \"properties\": {\"id\": \"a\", \"name\": \"x\"}}::vertex";
    private static final String V2 = "{\"id\": 844424930131970, \"label\": \"Person\", \"properties\": {\"id\": \"b\"}}::vertex";
    private static final String E = "{\"id\": 1407374883553281, \"label\": \"KNOWS\", \"end_id\": 844424930131970, "
            + "\"start_id\": 844424930131969, \"properties\": {\"w\": 0.5, \"since\": 2020}}::edge";

    @Test
    void scalars() {
        assertThat(AgtypeReader.read(null)).isNull();
        assertThat(AgtypeReader.read("null")).isNull();
        assertThat(AgtypeReader.read("true")).isEqualTo(true);
        assertThat(AgtypeReader.read("false")).isEqualTo(false);
        assertThat(AgtypeReader.read("42")).isEqualTo(42L);
        assertThat(AgtypeReader.read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(AgtypeReader.read("3.0")).isEqualTo(3.0);
        assertThat(AgtypeReader.read("-0.0")).isEqualTo(-0.0);
        assertThat(AgtypeReader.read("1e+20")).isEqualTo(1e20);
        assertThat(AgtypeReader.read("1e-07")).isEqualTo(1e-7);
        assertThat(AgtypeReader.read("5e-324")).isEqualTo(Double.MIN_VALUE);
        assertThat(AgtypeReader.read("NaN")).isEqualTo(Double.NaN);
        assertThat(AgtypeReader.read("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(AgtypeReader.read("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(AgtypeReader.read("7::integer")).isEqualTo(7L);
        assertThat(AgtypeReader.read("7::float")).isEqualTo(7.0);
    }

    @Test
    void numerics() {
        assertThat(AgtypeReader.read("1.5::numeric")).isEqualTo(new BigDecimal("1.5"));
        assertThat(AgtypeReader.read("12345678901234567890.123::numeric")).isEqualTo(new BigDecimal("12345678901234567890.123"));
        assertThat(AgtypeReader.read("-2500::numeric")).isEqualTo(new BigDecimal("-2500"));
        assertThat(AgtypeReader.read("NaN::numeric")).isEqualTo(Double.NaN);
        assertThat(AgtypeReader.read("{\"b\": 1.5::numeric}")).isEqualTo(Map.of("b", new BigDecimal("1.5")));
    }

    @Test
    void stringsWithEscapes() {
        assertThat(AgtypeReader.read("\"plain\"")).isEqualTo("plain");
        assertThat(AgtypeReader.read("\"\"")).isEqualTo("");
        assertThat(AgtypeReader.read("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\/\"")).isEqualTo("a\"b\\c\n\t\r\b\f/");
        assertThat(AgtypeReader.read("\"\\u0001\\u001f\u007f\"")).isEqualTo("\u0001\u001f\u007f");
        assertThat(AgtypeReader.read("\"é€😀\"")).isEqualTo("é€😀");
        assertThat(AgtypeReader.read("\"\\ud83d\\ude00\"")).isEqualTo("😀");
        assertThat(AgtypeReader.read("\"$$ ::vertex ' `\"")).isEqualTo("$$ ::vertex ' `");
    }

    @Test
    void listsAndMapsNestAndKeepNulls() {
        assertThat(AgtypeReader.read("[]")).isEqualTo(List.of());
        assertThat(AgtypeReader.read("{}")).isEqualTo(Map.of());
        assertThat(AgtypeReader.read("[1, null, {\"n\": null}]")).isEqualTo(Arrays.asList(1L, null, nullMap()));
        Object v = AgtypeReader.read("{\"we ird\": [1, \"a\", [true, 2.5]], \"m\": {\"k\": \"v\"}}");
        assertThat(v).isEqualTo(Map.of("we ird", List.of(1L, "a", List.of(true, 2.5)), "m", Map.of("k", "v")));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) AgtypeReader.read("{\"b\": 1, \"a\": 2, \"c\": 3}");
        assertThat(m.keySet()).containsExactly("b", "a", "c");
    }

    private static Map<String, Object> nullMap() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("n", null);
        return m;
    }

    @Test
    void vertexEdgeAndPath() {
        GraphNode n = (GraphNode) AgtypeReader.read(V1);
        assertThat(n.elementId()).isEqualTo("844424930131969");
        assertThat(n.labels()).containsExactly("Person");
        assertThat(n.id()).isEqualTo("a");
        assertThat(n.properties()).containsEntry("name", "x");
        GraphEdge e = (GraphEdge) AgtypeReader.read(E);
        assertThat(e.type()).isEqualTo("KNOWS");
        assertThat(e.startElementId()).isEqualTo("844424930131969");
        assertThat(e.endElementId()).isEqualTo("844424930131970");
        assertThat(e.properties()).isEqualTo(Map.of("w", 0.5, "since", 2020L));
        GraphPath p = (GraphPath) AgtypeReader.read("[" + V1 + ", " + E + ", " + V2 + "]::path");
        assertThat(p.length()).isEqualTo(1);
        assertThat(p.nodes()).extracting(GraphNode::id).containsExactly("a", "b");
        GraphPath single = (GraphPath) AgtypeReader.read("[" + V1 + "]::path");
        assertThat(single.nodes()).hasSize(1);
        assertThat(single.edges()).isEmpty();
    }

    @Test
    void entitiesInsideListsAndMaps() {
        Object v = AgtypeReader.read("{\"x\": " + V1 + ", \"y\": [" + E + "]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.get("x")).isInstanceOf(GraphNode.class);
        assertThat((List<?>) m.get("y")).singleElement().isInstanceOf(GraphEdge.class);
        assertThat((List<?>) AgtypeReader.read("[" + V1 + ", " + V2 + "]")).hasSize(2).allMatch(GraphNode.class::isInstance);
    }

    @Test
    void emptyPropertiesAndWhitespace() {
        GraphNode n = (GraphNode) AgtypeReader.read(" {\"id\": 1, \"label\": \"L\", \"properties\": {}}::vertex ");
        assertThat(n.properties()).isEmpty();
    }

    @Test
    void malformedInputIsAGraphException() {
        for (String bad : List.of("", "[1,", "{\"a\" 1}", "\"open", "tru", "1::vertex", "{}::path", "[1]::edge",
                "{\"label\": \"L\"}::vertex", "[" + E + "]::path", "\"\\x\"", "1 2", "{1: 2}", "[1]::unknown")) {
            assertThatThrownBy(() -> AgtypeReader.read(bad)).as(bad).isInstanceOf(GraphException.class);
        }
    }
}
