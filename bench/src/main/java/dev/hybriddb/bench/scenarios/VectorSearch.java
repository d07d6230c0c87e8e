package dev.hybriddb.bench.scenarios;

import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.vector.Distance;
import dev.hybriddb.vector.DocumentStore;
import dev.hybriddb.vector.IndexManager;
import dev.hybriddb.vector.IndexSpec;
import dev.hybriddb.vector.NewDocument;
import dev.hybriddb.vector.RecallCheck;
import dev.hybriddb.vector.RecallReport;
import dev.hybriddb.vector.SearchOptions;
import dev.hybriddb.vector.VectorTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Vector search on N x 384 clustered, normalized vectors: recall@10 of the HNSW search against
 * exact search, and queries per second of both with four client threads; the same search in raw
 * pgvector SQL over JDBC; and tenant-filtered searches over 100 small tenants sharing the index.
 */
public final class VectorSearch implements Scenario {
    static final int DIMENSIONS = 384;
    static final int THREADS = 4;
    static final int LOAD_BATCH = 2_000;
    static final int SMALL_TENANTS = 100;

    @Override
    public String name() {
        return "vector-search";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        int n = ctx.profile().vectorRows();
        int q = ctx.profile().vectorQueries();
        PostgresService pg = ctx.migratedDatabase();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, THREADS + 1)).build()) {
            UUID tenant = ctx.newTenant(db, "vectors");
            DocumentStore store = DocumentStore.create(db.database(), DIMENSIONS);
            Random rnd = new Random(42);
            float[][] centers = centers(rnd, 100);
            IndexManager indexes = IndexManager.using(Database.of(owner(pg))).withMaintenanceWorkMem("512MB");
            indexes.drop(VectorTable.DOCUMENTS, IndexSpec.Type.HNSW, Distance.COSINE);   // bulk load, then build
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += LOAD_BATCH) {
                List<NewDocument> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + LOAD_BATCH); i++) {
                    batch.add(NewDocument.of("doc " + i, Map.of(), point(rnd, centers)));
                }
                store.addAll(tenant, batch);
            }
            result.metric("sdk-documentstore", "load rows/s @" + n, "rows/s", n / FalkorBatchSync.seconds(t0));
            long t1 = System.nanoTime();
            indexes.create(IndexSpec.hnsw(VectorTable.DOCUMENTS, Distance.COSINE));
            result.metric("sdk-indexmanager", "HNSW build @" + n, "s", (System.nanoTime() - t1) / 1e9);
            List<float[]> queries = new ArrayList<>();
            for (int i = 0; i < q; i++) {
                queries.add(point(rnd, centers));
            }
            SearchOptions options = SearchOptions.topK(10).withEfSearch(100);
            RecallReport recall = RecallCheck.measure(store, tenant, queries.subList(0, Math.min(q, 200)), options);
            double r = result.metric("sdk-hnsw", "recall@10 vs exact @" + n, "ratio", recall.recall());
            double approxQps = result.metric("sdk-hnsw", "queries/s (4 threads) @" + n, "q/s", qps(store, tenant, queries, options.approximate()));
            double plainQps = result.metric("sdk-hnsw-no-iterative-scan", "queries/s (4 threads) @" + n, "q/s",
                    qps(store, tenant, queries, options.approximate().withIterativeScan(dev.hybriddb.vector.IterativeScan.OFF)));
            double exactQps = result.metric("exact-scan", "queries/s (4 threads) @" + n, "q/s", qps(store, tenant, queries, options.exact()));
            ctx.log("vectors %,d x %d: recall@10 %.3f, HNSW %,.0f q/s, exact %,.0f q/s", n, DIMENSIONS, r, approxQps, exactQps);
            result.atLeast("recall@10 vs exact @" + n + " >= 0.95", r, 0.95);
            result.atLeast("HNSW queries/s @" + n + " >= 500", approxQps, 500);
            VectorBaselines.sdkAgainstRaw(result, pg, store, tenant, queries, options.approximate(), n);
            // then the index is shared: 100 more tenants' rows go into it, and the first tenant's recall is measured again
            long t2 = System.nanoTime();
            List<UUID> small = smallTenants(ctx, db, store, rnd, centers, n);
            result.metric("sdk-documentstore", "rows/s added to the built HNSW index (100 tenants) @" + n, "rows/s",
                    (double) Math.max(1, n / SMALL_TENANTS) * SMALL_TENANTS / FalkorBatchSync.seconds(t2));
            result.metric("sdk-hnsw", "recall@10 vs exact, index shared with 100 tenants @" + n, "ratio",
                    RecallCheck.measure(store, tenant, queries.subList(0, Math.min(q, 200)), options).recall());
            // the SDK's default search (the planner picks the tenant index or HNSW with iterative scans), then HNSW forced
            VectorBaselines.filteredTenants(result, store, small, queries, options, "sdk-search-default", true);
            VectorBaselines.filteredTenants(result, store, small, queries, options.approximate(), "sdk-hnsw-iterative-forced", false);
            result.note("recall, queries/s and the raw comparison are measured with the first tenant's " + n + " rows"
                    + " in the index; then " + SMALL_TENANTS + " tenants of " + Math.max(1, n / SMALL_TENANTS)
                    + " rows each are added to the same HNSW index for the tenant-filtered searches; raw-pgvector-jdbc sends the hand-written k-nearest query"
                    + " with the same index settings (ef_search, relaxed iterative scan, index scan forced) and reads the"
                    + " same columns as the SDK (the document without its embedding, and the distance);"
                    + " raw-pgvector-jdbc-ids-only reads ids and distances only");
        }
        return result;
    }

    /** {@value #SMALL_TENANTS} more tenants of n / 100 rows each, added to the built index. */
    private static List<UUID> smallTenants(BenchContext ctx, HybridDB db, DocumentStore store, Random rnd, float[][] centers,
                                           int n) {
        List<UUID> tenants = new ArrayList<>();
        int each = Math.max(1, n / SMALL_TENANTS);
        for (int t = 0; t < SMALL_TENANTS; t++) {
            UUID tenant = ctx.newTenant(db, "vectors" + t);
            List<NewDocument> batch = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                batch.add(NewDocument.of("doc " + t + "/" + i, Map.of(), point(rnd, centers)));
            }
            store.addAll(tenant, batch);
            tenants.add(tenant);
        }
        return tenants;
    }

    private static double qps(DocumentStore store, UUID tenant, List<float[]> queries, SearchOptions options) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        store.search(tenant, queries.get(i), options);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return queries.size() / FalkorBatchSync.seconds(t0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static PGSimpleDataSource owner(PostgresService pg) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(pg.jdbcUrl());
        ds.setUser(pg.adminUser());
        ds.setPassword(pg.adminPassword());
        return ds;
    }

    private static float[][] centers(Random rnd, int k) {
        float[][] c = new float[k][];
        for (int i = 0; i < k; i++) {
            c[i] = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                c[i][d] = (float) rnd.nextGaussian();
            }
        }
        return c;
    }

    /** A point near a random center, normalized. */
    private static float[] point(Random rnd, float[][] centers) {
        float[] c = centers[rnd.nextInt(centers.length)];
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = c[d] + 0.6f * (float) rnd.nextGaussian();
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
