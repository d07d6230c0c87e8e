package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.vector.internal.Filters;
import dev.hybriddb.vector.internal.Sql;
import dev.hybriddb.vector.internal.Vectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsAndFiltersTest {

    @Test
    void searchOptionsValidateEverySetting() {
        SearchOptions o = SearchOptions.topK(5).withDistance(Distance.L2).withEfSearch(80).withProbes(4)
                .withIterativeScan(IterativeScan.STRICT_ORDER).withMaxScanTuples(50_000).exact();
        assertThat(o.k()).isEqualTo(5);
        assertThat(o.mode()).isEqualTo(SearchMode.EXACT);
        assertThat(o.approximate().mode()).isEqualTo(SearchMode.APPROXIMATE);
        assertThat(SearchOptions.topK(1).iterativeScan()).isEqualTo(IterativeScan.RELAXED_ORDER);
        assertThatThrownBy(() -> SearchOptions.topK(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("k must be between 1 and 10000: 0");
        assertThatThrownBy(() -> SearchOptions.topK(10_001)).hasMessageContaining("10001");
        assertThatThrownBy(() -> SearchOptions.topK(3).withEfSearch(0)).hasMessageContaining("efSearch");
        assertThatThrownBy(() -> SearchOptions.topK(3).withProbes(-1)).hasMessageContaining("probes");
        assertThatThrownBy(() -> SearchOptions.topK(3).withMaxScanTuples(0)).hasMessageContaining("maxScanTuples");
        assertThat(((InvalidInputException) catchIt(() -> SearchOptions.topK(-1))).field()).isEqualTo("k");
    }

    @Test
    void filtersBecomeParameterizedSql() {
        MetadataFilter f = MetadataFilter.contains(Map.of("tags", List.of("faq"))).andEq("lang", "en").andEq("level", 2);
        Sql sql = Filters.conditions("d", f);
        assertThat(sql.text()).isEqualTo(" AND d.metadata @> ?::jsonb AND d.metadata ->> ? = ? AND d.metadata ->> ? = ?");
        assertThat(sql.params()).containsExactly("{\"tags\":[\"faq\"]}", "lang", "en", "level", "2");
        assertThat(Filters.conditions("d", MetadataFilter.none()).text()).isEmpty();
        assertThat(MetadataFilter.none().isEmpty()).isTrue();
    }

    @Test
    void badFilterKeysAndValuesAreRejected() {
        assertThatThrownBy(() -> MetadataFilter.eq("a b", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("filter.equals key").hasMessageContaining("'a b'");
        assertThatThrownBy(() -> MetadataFilter.eq(null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MetadataFilter.eq("k", null)).hasMessageContaining("filter.equals.k");
        assertThatThrownBy(() -> MetadataFilter.contains(Map.of("x".repeat(64), 1))).hasMessageContaining("filter.contains key");
        assertThat(MetadataFilter.eq("source.kind:v-1", "ok").equals()).containsEntry("source.kind:v-1", "ok");
    }

    @Test
    void vectorsAreCheckedForDimensionAndFiniteness() {
        assertThat(Vectors.check("embedding", new float[] {1f, 2f}, 2)).containsExactly(1f, 2f);
        assertThatThrownBy(() -> Vectors.check("embedding", null, 2)).hasMessage("embedding must not be null: null");
        assertThatThrownBy(() -> Vectors.check("embedding", new float[3], 2)).hasMessage("embedding must have 2 dimensions: 'float[3]'");
        assertThatThrownBy(() -> Vectors.check("q", new float[] {0f, Float.NaN}, 2)).hasMessage("q[1] must be a finite number: NaN");
        assertThatThrownBy(() -> Vectors.check("q", new float[] {Float.NEGATIVE_INFINITY, 0f}, 2))
                .hasMessage("q[0] must be a finite number: -Infinity");
        assertThatThrownBy(() -> Vectors.checkQuery("query", new float[2], 2, true)).hasMessageContaining("zero vector");
        assertThat(Vectors.checkQuery("query", new float[2], 2, false)).hasSize(2);
    }

    @Test
    void indexSpecsNameAndValidate() {
        IndexSpec h = IndexSpec.hnsw(VectorTable.MEMORIES, Distance.INNER_PRODUCT).withM(24).withEfConstruction(100);
        assertThat(h.name()).isEqualTo("memories_embedding_hnsw_ip");
        assertThat(h.createSql()).isEqualTo("CREATE INDEX memories_embedding_hnsw_ip ON memories USING hnsw"
                + " (embedding vector_ip_ops) WITH (m = 24, ef_construction = 100)");
        assertThat(IndexSpec.ivfflat(VectorTable.DOCUMENTS, Distance.L2, 100).createSql())
                .isEqualTo("CREATE INDEX documents_embedding_ivfflat_l2 ON documents USING ivfflat"
                        + " (embedding vector_l2_ops) WITH (lists = 100)");
        assertThatThrownBy(() -> IndexSpec.hnsw(VectorTable.DOCUMENTS, Distance.COSINE).withM(1)).hasMessageContaining("m must be");
        assertThatThrownBy(() -> IndexSpec.hnsw(VectorTable.DOCUMENTS, Distance.COSINE).withM(40))
                .hasMessageContaining("efConstruction").hasMessageContaining("2 * m = 80");
        assertThatThrownBy(() -> IndexSpec.ivfflat(VectorTable.DOCUMENTS, Distance.L2, 0)).hasMessageContaining("lists");
    }

    @Test
    void distancesScore() {
        assertThat(Distance.COSINE.score(0.25)).isEqualTo(0.75);
        assertThat(Distance.L2.score(1.0)).isEqualTo(0.5);
        assertThat(Distance.INNER_PRODUCT.score(-3.0)).isEqualTo(3.0);
        assertThat(Distance.COSINE.operator()).isEqualTo("<=>");
    }

    private static Throwable catchIt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }
}
