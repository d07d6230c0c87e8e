package dev.hybriddb.vector.internal;

import dev.hybriddb.internal.LocalSettings;
import dev.hybriddb.vector.IterativeScan;
import dev.hybriddb.vector.SearchMode;
import dev.hybriddb.vector.SearchOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A search's planner and index settings, made transaction-locally ({@code SET LOCAL}). */
public final class QuerySettings {
    /** The settings of the option combinations seen so far (a few in any application), built once each. */
    private static final Map<Key, LocalSettings> KNOWN = new ConcurrentHashMap<>();

    private QuerySettings() {}

    /** What of {@link SearchOptions} decides the settings. */
    private record Key(SearchMode mode, Integer efSearch, Integer probes, IterativeScan scan, Integer maxScanTuples) {}

    /**
     * The settings {@code options} asks for, to be made transaction-locally with the tenant context
     * in one statement ({@link dev.hybriddb.internal.SdkWork#withSettings}). Values set before
     * pgvector's library is loaded in a session are kept and take effect when it loads.
     */
    public static LocalSettings local(SearchOptions options) {
        Key key = new Key(options.mode(), options.efSearch(), options.probes(), options.iterativeScan(), options.maxScanTuples());
        LocalSettings known = KNOWN.get(key);
        if (known == null) {
            known = build(options);
            if (KNOWN.size() < 256) {
                KNOWN.put(key, known);
            }
        }
        return known;
    }

    private static LocalSettings build(SearchOptions options) {
        LocalSettings.Builder b = LocalSettings.builder();
        for (String[] s : settings(options)) {
            b.set(s[0], s[1]);
        }
        return b.build();
    }

    /** Sets every setting {@code options} asks for with {@code set_config(name, value, true)}. */
    public static void apply(Connection c, SearchOptions options) throws SQLException {
        apply(c, options, false);
    }

    /**
     * Sets every setting {@code options} asks for; when {@code keepPrevious}, first reads their
     * current values and returns them (name, value pairs) for {@link #restore}, else returns null.
     */
    public static String[][] apply(Connection c, SearchOptions options, boolean keepPrevious) throws SQLException {
        List<String[]> settings = settings(options);
        String[][] previous = keepPrevious ? current(c, settings) : null;
        // The vector literal makes sure pgvector's library (and so its hnsw.* / ivfflat.* settings)
        // is loaded in this session before the settings are made.
        set(c, "SELECT '[0]'::vector IS NOT NULL", settings);
        return previous;
    }

    private static List<String[]> settings(SearchOptions options) {
        List<String[]> settings = new ArrayList<>(9);
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
        return settings;
    }

    /** Puts back the values {@link #apply(Connection, SearchOptions, boolean)} returned. */
    public static void restore(Connection c, String[][] previous) throws SQLException {
        set(c, "SELECT true", List.of(previous));
    }

    private static void set(Connection c, String head, List<String[]> settings) throws SQLException {
        StringBuilder sql = new StringBuilder(head);
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

    /** The current values of the settings (pgvector's library loaded first, so its settings exist). */
    private static String[][] current(Connection c, List<String[]> settings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT '[0]'::vector IS NOT NULL")) {
            ps.execute();
        }
        StringBuilder sql = new StringBuilder("SELECT true");
        for (int i = 0; i < settings.size(); i++) {
            sql.append(", coalesce(current_setting(?, true), '')");
        }
        String[][] out = new String[settings.size()][];
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < settings.size(); i++) {
                ps.setString(i + 1, settings.get(i)[0]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < settings.size(); i++) {
                    out[i] = new String[] {settings.get(i)[0], rs.getString(i + 2)};
                }
            }
        }
        return out;
    }
}
