package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.IterativeScan;
import dev.hybriddb.vector.SearchMode;
import dev.hybriddb.vector.SearchOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Applies a search's planner and index settings transaction-locally ({@code SET LOCAL}). */
public final class QuerySettings {
    private QuerySettings() {}

    /** Sets every setting {@code options} asks for with {@code set_config(name, value, true)}. */
    public static void apply(Connection c, SearchOptions options) throws SQLException {
        List<String[]> settings = new ArrayList<>();
        // JIT compiles nothing useful here (the distance functions are C) and costs hundreds of ms,
        // the more so when the disabled scans below push the estimated cost past jit_above_cost.
        settings.add(new String[] {"jit", "off"});
        if (options.mode() == SearchMode.EXACT) {
            settings.add(new String[] {"enable_indexscan", "off"});
        } else if (options.mode() == SearchMode.APPROXIMATE) {
            settings.add(new String[] {"enable_seqscan", "off"});
            settings.add(new String[] {"enable_bitmapscan", "off"});
            settings.add(new String[] {"enable_sort", "off"}); // an index on tenant_id + a sort is no ANN plan
        }
        if (options.efSearch() != null) {
            settings.add(new String[] {"hnsw.ef_search", options.efSearch().toString()});
        }
        if (options.probes() != null) {
            settings.add(new String[] {"ivfflat.probes", options.probes().toString()});
        }
        IterativeScan scan = options.iterativeScan();
        settings.add(new String[] {"hnsw.iterative_scan", scan.hnswValue()});
        settings.add(new String[] {"ivfflat.iterative_scan", scan.ivfflatValue()});
        if (options.maxScanTuples() != null) {
            settings.add(new String[] {"hnsw.max_scan_tuples", options.maxScanTuples().toString()});
        }
        // The vector literal makes sure pgvector's library (and so its hnsw.* / ivfflat.* settings)
        // is loaded in this session before the settings are made.
        StringBuilder sql = new StringBuilder("SELECT '[0]'::vector IS NOT NULL");
        for (int i = 0; i < settings.size(); i++) {
            sql.append(", set_config(?, ?, true)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String[] s : settings) {
                ps.setString(p++, s[0]);
                ps.setString(p++, s[1]);
            }
            ps.execute();
        }
    }
}
