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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** The columns the SDK's search returns: the document without its embedding, and the distance. */
    private static final String RAW_SQL = "SELECT d.id, d.tenant_id, d.title, d.content, d.metadata::text AS metadata,"
            + " d.created_at, d.updated_at, d.embedding <=> ? AS distance FROM public.documents d"
            + " WHERE d.tenant_id = ? ORDER BY distance LIMIT ?";
    /** The same k-nearest query returning ids and distances only (cheaper than what the SDK returns; reported). */
    private static final String RAW_IDS_SQL = "SELECT id, embedding <=> ? AS distance FROM public.documents"
            + " WHERE tenant_id = ? ORDER BY distance LIMIT ?";
    private static final String[] ARMS = {"sdk-hnsw", "raw-pgvector-jdbc", "raw-pgvector-jdbc-ids-only"};
    private static final int ROUNDS = 6;

    private VectorBaselines() {}

    /**
     * SDK search against raw pgvector SQL, in rotating blocks of the same queries, with the CPU per
     * query of the client threads and of the database's backends; the raw side's recall is measured
     * against the SDK's exact search too.
     */
    static void sdkAgainstRaw(ScenarioResult result, PostgresService pg, DocumentStore store, UUID tenant,
                              List<float[]> queries, SearchOptions options, int n) throws Exception {
        try (HikariDataSource app = Pools.app(pg, VectorSearch.THREADS + 1, "bench-raw-pgvector")) {
            double[] seconds = new double[ARMS.length];
            double[] clientCpu = new double[ARMS.length];
            double[] serverCpu = new double[ARMS.length];
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < ARMS.length; i++) {
                    int arm = (round + i) % ARMS.length;
                    Map<Long, Double> pg0 = RealtimeMixed.postgresCpu(app);
                    long t0 = System.nanoTime();
                    clientCpu[arm] += parallel(queries, q -> {
                        switch (arm) {
                            case 0 -> store.search(tenant, q, options);
                            case 1 -> raw(app, RAW_SQL, tenant, q, options);
                            default -> raw(app, RAW_IDS_SQL, tenant, q, options);
                        }
                    });
                    seconds[arm] += FalkorBatchSync.seconds(t0);
                    serverCpu[arm] += RealtimeMixed.postgresCpuBetween(pg0, RealtimeMixed.postgresCpu(app));
                }
            }
            double total = ROUNDS * queries.size();
            double[] qps = new double[ARMS.length];
            for (int arm = 0; arm < ARMS.length; arm++) {
                qps[arm] = result.metric(ARMS[arm], "queries/s, rotating with the other arms @" + n, "q/s", total / seconds[arm]);
                result.metric(ARMS[arm], "client threads' CPU per query @" + n, "us", clientCpu[arm] * 1e6 / total);
                if (serverCpu[arm] >= 0) {
                    result.metric(ARMS[arm], "PostgreSQL backends' CPU per query @" + n, "us", serverCpu[arm] * 1e6 / total);
                }
            }
            double rawRecall = 0;
            List<float[]> sample = queries.subList(0, Math.min(queries.size(), 200));
            for (float[] q : sample) {
                rawRecall += recallOfIds(store.search(tenant, q, options.exact()), raw(app, RAW_SQL, tenant, q, options));
            }
            result.metric("raw-pgvector-jdbc", "recall@10 vs exact @" + n, "ratio", rawRecall / sample.size());
            result.metric("sdk-hnsw", "SDK / raw ids-only queries/s @" + n, "ratio", qps[0] / qps[2]);
            result.atLeast("SDK search / raw pgvector JDBC queries/s @" + n + " >= 0.9", qps[0] / qps[1], 0.9);
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

    /** The rows of {@code sql} (the k nearest) for {@code q}, each as its columns' values, id first. */
    private static List<Object[]> raw(HikariDataSource app, String sql, UUID tenant, float[] q, SearchOptions o)
            throws SQLException {
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
            List<Object[]> rows = new ArrayList<>(o.k());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, new PGvector(q));
                ps.setObject(2, tenant);
                ps.setInt(3, o.k());
                try (ResultSet rs = ps.executeQuery()) {
                    boolean idsOnly = rs.getMetaData().getColumnCount() == 2;
                    while (rs.next()) {
                        rows.add(idsOnly ? new Object[] {rs.getObject(1, UUID.class), rs.getDouble(2)} : document(rs));
                    }
                }
            }
            c.commit();
            return rows;
        }
    }

    /** What a caller of {@link #RAW_SQL} reads: the document's columns and the distance. */
    private static Object[] document(ResultSet rs) throws SQLException {
        return new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getDouble(8)};
    }

    private static double recallOfIds(List<Match> truth, List<Object[]> found) {
        if (truth.isEmpty()) {
            return 1.0;
        }
        Set<UUID> ids = new HashSet<>();
        truth.forEach(m -> ids.add(m.document().id()));
        return found.stream().filter(row -> ids.contains(row[0])).count() / (double) ids.size();
    }

    /** Runs {@code task} over the queries on {@link VectorSearch#THREADS} threads; returns their CPU seconds. */
    private static double parallel(List<float[]> queries, QueryTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(VectorSearch.THREADS);
        AtomicInteger next = new AtomicInteger();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < VectorSearch.THREADS; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        task.run(queries.get(i));
                    }
                    return mx.getCurrentThreadCpuTime() - cpu0;
                }));
            }
            long nanos = 0;
            for (Future<Long> f : futures) {
                nanos += f.get();
            }
            return nanos / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface QueryTask {
        void run(float[] query) throws Exception;
    }
}
