package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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

    /**
     * A search sends its tenant context and index settings in one statement, then the query, then
     * COMMIT; on a fresh session (pgvector's library not loaded yet when the settings are made) the
     * settings still hold: the filtered search finds k rare rows only with the iterative scan on.
     */
    @Test
    void aSearchIsTheContextWithItsSettingsTheQueryAndCommitEvenOnAFreshSession() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.pg.jdbcUrl());
        config.setUsername(db.pg.appUser());
        config.setPassword(db.pg.appPassword());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        try (HikariDataSource fresh = new HikariDataSource(config)) {
            DocumentStore store = DocumentStore.create(Database.of(recording(fresh, calls)), DIMS);
            SearchOptions rare = SearchOptions.topK(10).withFilter(MetadataFilter.contains(Map.of("rare", true))).approximate();
            float[] q = queries(1).get(0);
            List<Match> first = store.search(tenant, q, rare);
            assertThat(first).hasSize(10).extracting(Match::distance).isSorted();
            assertThat(store.search(tenant, q, rare.withIterativeScan(IterativeScan.OFF))).hasSizeLessThan(10);

            calls.clear();
            List<Match> again = store.search(tenant, q, rare.withEfSearch(100));
            assertThat(again).hasSize(10).extracting(Match::distance).isSorted();
            assertThat(calls).hasSize(5);
            // jit, three enable_* switches, ef_search and both iterative_scan settings
            assertThat(calls.get(0)).startsWith("prepare select set_config('hybriddb.tenant_id', ?, true)")
                    .endsWith("set_config('row_security', 'on', true)" + ", set_config(?, ?, true)".repeat(7));
            assertThat(calls.get(1)).isEqualTo("execute");
            assertThat(calls.get(2)).startsWith("prepare SELECT d.id").doesNotContain("WITH");
            assertThat(calls.subList(3, 5)).containsExactly("executeQuery", "commit");
        }
    }

    /** {@code ds} recording the statements prepared and executed on its connections, and commits. */
    private static DataSource recording(DataSource ds, List<String> calls) {
        return proxy(DataSource.class, ds, (m, out) -> out.result() instanceof Connection c ? proxy(Connection.class, c, (cm, st) -> {
            if (cm.getName().equals("prepareStatement")) {
                calls.add("prepare " + st.args()[0]);
                return proxy(java.sql.PreparedStatement.class, (java.sql.PreparedStatement) st.result(), (sm, r) -> {
                    if (sm.getName().startsWith("execute")) {
                        calls.add(sm.getName());
                    }
                    return r.result();
                });
            }
            if (cm.getName().equals("commit")) {
                calls.add("commit");
            }
            return st.result();
        }) : out.result());
    }

    private record Call(Object result, Object[] args) {}

    private interface OnCall {
        Object apply(java.lang.reflect.Method m, Call call) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, OnCall onCall) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return m.getName().equals("unwrap") || m.getName().equals("isWrapperFor") ? result
                    : onCall.apply(m, new Call(result, args));
        }));
    }
}
