package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact and HNSW search agree; filtered HNSW search returns k rows thanks to iterative scans. */
class AnnSearchIT {
    static final int DIMS = 384;
    static final int N = 2000;
    static VectorDb db;
    static DocumentStore store;
    static UUID tenant;
    static List<float[]> vectors;

    @BeforeAll
    static void load() {
        db = VectorDb.create("vector_ann");
        store = DocumentStore.create(db.app, DIMS);
        tenant = db.newTenant("ann");
        vectors = Fixtures.clustered(N, DIMS, 42);
        // bulk load the way the docs advise: without the ANN index, then build it once
        IndexManager indexes = IndexManager.using(db.owner);
        assertThat(indexes.drop(VectorTable.DOCUMENTS, IndexSpec.Type.HNSW, Distance.COSINE)).isTrue();
        long t0 = System.nanoTime();
        List<NewDocument> docs = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            // 1% of the documents are "rare": a filter on them removes 99% of what HNSW finds
            Map<String, Object> meta = i % 100 == 7 ? Map.of("rare", true, "i", i) : Map.of("i", i);
            docs.add(NewDocument.of("document " + i, meta, vectors.get(i)));
        }
        store.addAll(tenant, docs);
        // another tenant's documents sit right next to the queries: RLS filters them out too
        UUID other = db.newTenant("ann other");
        List<NewDocument> noise = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            noise.add(NewDocument.of("other " + i, Map.of("rare", true), Fixtures.near(vectors.get(i * 7), i)));
        }
        store.addAll(other, noise);
        long t1 = System.nanoTime();
        assertThat(indexes.create(IndexSpec.hnsw(VectorTable.DOCUMENTS, Distance.COSINE))).isEqualTo("documents_embedding_hnsw_cosine");
        System.err.printf("loaded %d documents in %d ms, built HNSW in %d ms%n", N + 200,
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static List<float[]> queries(int n) {
        List<float[]> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            q.add(Fixtures.near(vectors.get(i * 37 % N), 1000 + i));
        }
        return q;
    }

    @Test
    void exactSearchUsesNoIndexAndApproximateUsesHnsw() {
        float[] q = queries(1).get(0);
        assertThat(store.explain(tenant, q, SearchOptions.topK(10).exact())).doesNotContain("hnsw");
        assertThat(store.explain(tenant, q, SearchOptions.topK(10).approximate()))
                .contains("documents_embedding_hnsw_cosine");
    }

    @Test
    void exactAndHnswAgree() {
        RecallReport report = RecallCheck.measure(store, tenant, queries(20), SearchOptions.topK(10).withEfSearch(100));
        assertThat(report.queries()).isEqualTo(20);
        System.err.printf("recall@10 %.3f (min %.2f), exact %.1f q/s, HNSW ef_search=100 %.1f q/s%n", report.recall(),
                report.minRecall(), report.exactQueriesPerSecond(), report.approximateQueriesPerSecond());
        assertThat(report.recall()).isGreaterThanOrEqualTo(0.95);

        float[] q = queries(1).get(0);
        List<Match> exact = store.search(tenant, q, SearchOptions.topK(10).exact());
        List<Match> approx = store.search(tenant, q, SearchOptions.topK(10).approximate().withEfSearch(100));
        assertThat(exact).hasSize(10);
        assertThat(approx.get(0).document().id()).isEqualTo(exact.get(0).document().id());
        assertThat(approx).extracting(Match::distance).isSorted();
    }

    @Test
    void ivfflatOnRequestWithProbes() {
        IndexManager indexes = IndexManager.using(db.owner);
        String name = indexes.create(IndexSpec.ivfflat(VectorTable.DOCUMENTS, Distance.L2, 30));
        try {
            assertThat(name).isEqualTo("documents_embedding_ivfflat_l2");
            assertThat(indexes.list(VectorTable.DOCUMENTS))
                    .containsExactly("documents_embedding_hnsw_cosine", "documents_embedding_ivfflat_l2");
            SearchOptions l2 = SearchOptions.topK(10).withDistance(Distance.L2).withProbes(10);
            assertThat(store.explain(tenant, queries(1).get(0), l2.approximate())).contains("documents_embedding_ivfflat_l2");
            assertThat(RecallCheck.measure(store, tenant, queries(10), l2).recall()).isGreaterThanOrEqualTo(0.8);
        } finally {
            assertThat(indexes.drop(VectorTable.DOCUMENTS, IndexSpec.Type.IVFFLAT, Distance.L2)).isTrue();
        }
        assertThat(indexes.list(VectorTable.DOCUMENTS)).containsExactly("documents_embedding_hnsw_cosine");
    }

    @Test
    void filteredSearchReturnsKRowsThanksToIterativeScans() {
        MetadataFilter rare = MetadataFilter.contains(Map.of("rare", true));
        SearchOptions base = SearchOptions.topK(10).withFilter(rare).approximate();
        int plainShortfalls = 0;
        Map<IterativeScan, Double> recall = new java.util.EnumMap<>(IterativeScan.class);
        for (float[] q : queries(5)) {
            List<Match> exact = store.search(tenant, q, base.exact());
            assertThat(exact).hasSize(10);

            // without iterative scans HNSW looks at ef_search (40) candidates, ~1% of which pass
            List<Match> plain = store.search(tenant, q, base.withIterativeScan(IterativeScan.OFF));
            if (plain.size() < 10) {
                plainShortfalls++;
            }

            for (IterativeScan scan : List.of(IterativeScan.RELAXED_ORDER, IterativeScan.STRICT_ORDER)) {
                List<Match> iterative = store.search(tenant, q, base.withIterativeScan(scan));
                assertThat(iterative).hasSize(10);
                assertThat(iterative).allSatisfy(m -> assertThat(m.document().metadata()).containsEntry("rare", true));
                assertThat(iterative).allSatisfy(m -> assertThat(m.document().tenantId()).isEqualTo(tenant));
                assertThat(iterative).extracting(Match::distance).isSorted();
                recall.merge(scan, RecallCheck.recall(exact, iterative) / 5, Double::sum);
            }
        }
        // approximate, but mostly the true neighbours (observed: relaxed ~0.98, strict ~0.86)
        assertThat(recall.get(IterativeScan.RELAXED_ORDER)).isGreaterThanOrEqualTo(0.8);
        assertThat(recall.get(IterativeScan.STRICT_ORDER)).isGreaterThanOrEqualTo(0.5);
        assertThat(plainShortfalls).as("queries where a non-iterative HNSW scan found fewer than k").isEqualTo(5);
        assertThat(store.explain(tenant, queries(1).get(0), base)).contains("documents_embedding_hnsw_cosine");
        // hnsw.max_scan_tuples bounds the iterative scan: with 40 tuples it cannot find 10 rare rows
        assertThat(store.search(tenant, queries(1).get(0), base.withMaxScanTuples(40))).hasSizeLessThan(10);
    }
}
