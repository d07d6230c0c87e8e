package dev.hybriddb.bench.scenarios;

import com.pgvector.PGvector;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.Pools;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.vector.DocumentStore;
import dev.hybriddb.vector.Match;
import dev.hybriddb.vector.RecallCheck;
import dev.hybriddb.vector.SearchOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vector scenario's baselines: the same k-nearest search written by hand in raw pgvector SQL
 * over JDBC (the application role, the tenant set transaction-locally, the same index settings),
 * and a tenant-filtered search over many tenants sharing one HNSW index.
 */
final class VectorBaselines {
    private static final String RAW_SQL = "SELECT id, embedding <=> ? AS distance FROM public.documents"
            + " WHERE tenant_id = ? ORDER BY distance LIMIT ?";

    private VectorBaselines() {}

    /**
     * SDK search against raw pgvector SQL, in alternating blocks of the same queries; the raw
     * side's recall is measured against the SDK's exact search too.
     */
    static void sdkAgainstRaw(ScenarioResult result, PostgresService pg, DocumentStore store, UUID tenant,
                              List<float[]> queries, SearchOptions options, int n) throws Exception {
        try (HikariDataSource app = Pools.app(pg, VectorSearch.THREADS + 1, "bench-raw-pgvector")) {
            double sdkSeconds = 0;
            double rawSeconds = 0;
            for (int round = 0; round < 4; round++) {
                boolean sdkFirst = round % 2 == 0;
                for (int arm = 0; arm < 2; arm++) {
                    boolean sdk = (arm == 0) == sdkFirst;
                    long t0 = System.nanoTime();
                    parallel(queries, q -> {
                        if (sdk) {
                            store.search(tenant, q, options);
                        } else {
                            raw(app, tenant, q, options);
                        }
                    });
                    double s = FalkorBatchSync.seconds(t0);
                    if (sdk) sdkSeconds += s; else rawSeconds += s;
                }
            }
            double sdkQps = result.metric("sdk-hnsw", "queries/s, alternating with raw SQL @" + n, "q/s",
                    4 * queries.size() / sdkSeconds);
            double rawQps = result.metric("raw-pgvector-jdbc", "queries/s, alternating with the SDK @" + n, "q/s",
                    4 * queries.size() / rawSeconds);
            double rawRecall = 0;
            List<float[]> sample = queries.subList(0, Math.min(queries.size(), 200));
            for (float[] q : sample) {
                rawRecall += recallOfIds(store.search(tenant, q, options.exact()), raw(app, tenant, q, options));
            }
            result.metric("raw-pgvector-jdbc", "recall@10 vs exact @" + n, "ratio", rawRecall / sample.size());
            result.atLeast("SDK search / raw pgvector JDBC queries/s @" + n + " >= 0.9", sdkQps / rawQps, 0.9);
        }
    }

    /**
     * Recall@k and queries/s of tenant-filtered searches over {@code tenants}, which share one HNSW
     * index with every other row of the table: each query searches one tenant, chosen in turn.
     */
    static void filteredTenants(ScenarioResult result, DocumentStore store, List<UUID> tenants, List<float[]> queries,
                                SearchOptions options, String variant, boolean targets) throws Exception {
        int sample = Math.min(queries.size(), 300);
        double recall = 0;
        for (int i = 0; i < sample; i++) {
            UUID t = tenants.get(i % tenants.size());
            recall += RecallCheck.recall(store.search(t, queries.get(i), options.exact()), store.search(t, queries.get(i), options));
        }
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        parallel(queries, q -> store.search(tenants.get(next.getAndIncrement() % tenants.size()), q, options));
        double qps = result.metric(variant, "tenant-filtered queries/s, " + tenants.size() + " tenants", "q/s",
                queries.size() / FalkorBatchSync.seconds(t0));
        double r = result.metric(variant, "tenant-filtered recall@10, " + tenants.size() + " tenants", "ratio",
                recall / sample);
        if (targets) {
            result.atLeast("tenant-filtered recall@10 over " + tenants.size() + " tenants sharing one index >= 0.95", r, 0.95);
            result.atLeast("tenant-filtered queries/s over " + tenants.size() + " tenants >= 300", qps, 300);
        }
    }

    private static List<UUID> raw(HikariDataSource app, UUID tenant, float[] q, SearchOptions o) throws SQLException {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            // the index settings a hand-written query needs to use the HNSW index at this recall
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('hybriddb.tenant_id', ?, true),"
                    + " set_config('hnsw.ef_search', ?, true), set_config('hnsw.iterative_scan', 'relaxed_order', true),"
                    + " set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),"
                    + " set_config('enable_sort', 'off', true), set_config('jit', 'off', true)")) {
                set.setString(1, tenant.toString());
                set.setString(2, String.valueOf(o.efSearch() == null ? 40 : o.efSearch()));
                set.execute();
            }
            List<UUID> ids = new ArrayList<>(o.k());
            try (PreparedStatement ps = c.prepareStatement(RAW_SQL)) {
                ps.setObject(1, new PGvector(q));
                ps.setObject(2, tenant);
                ps.setInt(3, o.k());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            c.commit();
            return ids;
        }
    }

    private static double recallOfIds(List<Match> truth, List<UUID> found) {
        if (truth.isEmpty()) {
            return 1.0;
        }
        Set<UUID> ids = new HashSet<>();
        truth.forEach(m -> ids.add(m.document().id()));
        return found.stream().filter(ids::contains).count() / (double) ids.size();
    }

    private static void parallel(List<float[]> queries, QueryTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(VectorSearch.THREADS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < VectorSearch.THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        task.run(queries.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface QueryTask {
        void run(float[] query) throws Exception;
    }
}
