package dev.hybriddb.graph.falkor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.NodeRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritesTest {
    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void nodeRowsAreListsGroupedByKeyListAndDuplicatesMergeInOrder() {
        List<Batch> batches = Writes.nodeBatches("Task", List.of(
                NodeRecord.of("a", props("title", "A", "n", 1)),
                NodeRecord.of("b", props("title", "B")),
                NodeRecord.of("c", props("title", "C", "n", 3)),
                NodeRecord.of("a", props("n", null))));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).statement()).isEqualTo(
                "UNWIND $rows AS r MERGE (n:`Task` {id: r[0]}) SET n.`title` = r[1], n.`n` = r[2] RETURN count(n)");
        assertThat(batches.get(0).rows()).containsExactly(Arrays.asList("a", "A", null), List.of("c", "C", 3L));
        assertThat(batches.get(1).statement()).isEqualTo(
                "UNWIND $rows AS r MERGE (n:`Task` {id: r[0]}) SET n.`title` = r[1] RETURN count(n)");
        assertThat(batches.get(0).text(0, 2, 0)).isEqualTo("CYPHER rows=[[\"a\", \"A\", null],[\"c\", \"C\", 3]] "
                + batches.get(0).statement());
    }

    @Test
    void nodesWithoutPropertiesOnlyMerge() {
        List<Batch> batches = Writes.nodeBatches("Task", List.of(NodeRecord.of("a", Map.of())));
        assertThat(batches.get(0).statement()).isEqualTo("UNWIND $rows AS r MERGE (n:`Task` {id: r[0]}) RETURN count(n)");
        assertThat(Writes.nodeBatches("Task", List.of())).isEmpty();
    }

    @Test
    void manyKeyListsFallBackToOneStatementWithMaps() {
        List<NodeRecord> nodes = new ArrayList<>();
        for (int i = 0; i <= Writes.MAX_SHAPES; i++) {
            nodes.add(NodeRecord.of("k" + i, props("p" + i, (long) i)));
        }
        List<Batch> batches = Writes.nodeBatches("Task", nodes);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).statement()).isEqualTo(
                "UNWIND $rows AS r MERGE (n:`Task` {id: r[0]}) SET n += r[1] RETURN count(n)");
        assertThat(batches.get(0).rows()).hasSize(Writes.MAX_SHAPES + 1)
                .startsWith(List.of("k0", Map.of("p0", 0L)));
    }

    @Test
    void edgeRowsCarryTheIndexOfTheirDistinctPair() {
        EdgeType t = EdgeType.of("Agent", "ASSIGNED_TO", "Task");
        List<EdgeRecord> edges = List.of(new EdgeRecord("a", "x", Map.of("w", 1)), EdgeRecord.of("b", "y"),
                new EdgeRecord("a", "x", Map.of("w", 2)));
        List<Batch> batches = Writes.edgeBatches(t, edges);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).statement()).isEqualTo("UNWIND $rows AS r MATCH (a:`Agent` {id: r[1]}) "
                + "MATCH (b:`Task` {id: r[2]}) MERGE (a)-[e:`ASSIGNED_TO`]->(b) SET e.`w` = r[3] RETURN count(DISTINCT r[0])");
        assertThat(batches.get(0).rows()).containsExactly(List.of(0L, "a", "x", 2L));
        assertThat(batches.get(1).rows()).containsExactly(List.of(1L, "b", "y"));
        assertThat(Writes.edgeKeys(edges)).isEqualTo(Map.of(List.of("a", "x"), 0L, List.of("b", "y"), 1L));
    }

    @Test
    void badRecordsFailBeforeAnyBatchIsBuilt() {
        Map<String, Object> badKey = new HashMap<>();
        badKey.put("bad key", 1);
        assertThatThrownBy(() -> Writes.nodeBatches("Task", List.of(NodeRecord.of("a", Map.of()), NodeRecord.of("b", badKey))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Writes.nodeBatches("Task", List.of(NodeRecord.of("a", props("s", "x\u0000")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("node a.s");
        assertThatThrownBy(() -> Writes.nodeBatches("Bad Label", List.of(NodeRecord.of("a", Map.of()))))
                .isInstanceOf(InvalidInputException.class);
    }
}
