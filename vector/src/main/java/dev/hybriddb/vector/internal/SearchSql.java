package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.HybridSearchRequest;
import dev.hybriddb.vector.SearchOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/** Builds k-nearest-neighbour and hybrid queries over a fixed table aliased {@code d}. */
public final class SearchSql {
    /** The reciprocal rank fusion constant (the usual 60 from Cormack et al.). */
    public static final int RRF_K = 60;

    private SearchSql() {}

    /**
     * {@code SELECT <columns>, distance ... ORDER BY distance LIMIT k}. ANN results may come slightly
     * out of order (relaxed iterative scans, and in our tests even strict_order with filters), so
     * callers put the k rows in order of their exact distance ({@link #byDistance}).
     *
     * @param table      a fixed table name (never caller input), with a {@code vector} embedding
     * @param columns    fixed column list over alias {@code d}
     * @param conditions extra conditions starting with {@code AND}
     */
    public static Sql nearest(String table, String columns, UUID tenant, float[] query, SearchOptions o, Sql conditions) {
        return nearest(new EmbeddingTable(table, query.length, false), columns, tenant, query, o, conditions);
    }

    /**
     * Puts {@code rows} in order of {@code distance}, nearest first (NaN last), keeping the order of
     * equal distances; a list already in order (the usual case) is only checked.
     */
    public static <T> void byDistance(List<T> rows, ToDoubleFunction<T> distance) {
        for (int i = 1; i < rows.size(); i++) {
            if (Double.compare(distance.applyAsDouble(rows.get(i - 1)), distance.applyAsDouble(rows.get(i))) > 0) {
                rows.sort(Comparator.comparingDouble(distance));
                return;
            }
        }
    }

    /** {@link #nearest(String, String, UUID, float[], SearchOptions, Sql)} on {@code table}, the query bound in its column type. */
    public static Sql nearest(EmbeddingTable table, String columns, UUID tenant, float[] query, SearchOptions o, Sql conditions) {
        return new Sql()
                .append("SELECT " + columns + ", d.embedding " + o.distance().operator() + " ? AS distance",
                        table.param(query))
                .append(" FROM " + table.qualified() + " d WHERE d.tenant_id = ?", tenant)
                .append(conditions)
                .append(Filters.conditions("d", o.filter()))
                .append(" ORDER BY distance LIMIT ?", o.k());
    }

    /**
     * Hybrid search of documents: the {@code pool} nearest by vector and the {@code pool} best by
     * full-text rank ({@code ts_rank} of {@code websearch_to_tsquery('english', text)}), fused by
     * reciprocal rank fusion: score = sum over both lists of 1 / (60 + rank).
     */
    public static Sql hybridDocuments(EmbeddingTable table, UUID tenant, String text, float[] query, SearchOptions o, int pool) {
        String from = table.qualified();
        Sql semantic = new Sql()
                .append("SELECT id, distance, row_number() OVER (ORDER BY distance) AS rnk FROM (")
                .append("SELECT d.id, d.embedding " + o.distance().operator() + " ? AS distance", table.param(query))
                .append(" FROM " + from + " d WHERE d.tenant_id = ?", tenant)
                .append(Filters.conditions("d", o.filter()))
                .append(" ORDER BY distance LIMIT ?", pool).append(") s");
        Sql keyword = new Sql()
                .append("SELECT id, row_number() OVER (ORDER BY rank DESC, id) AS rnk FROM (")
                .append("SELECT d.id, ts_rank(d.content_tsv, q) AS rank FROM " + from + " d,"
                        + " websearch_to_tsquery('english'::regconfig, ?) q", text)
                .append(" WHERE d.tenant_id = ?", tenant)
                .append(" AND d.content_tsv @@ q")
                .append(Filters.conditions("d", o.filter()))
                .append(" ORDER BY rank DESC LIMIT ?", pool).append(") k");
        return new Sql()
                .append("WITH semantic AS MATERIALIZED (").append(semantic).append("), ")
                .append("keyword AS MATERIALIZED (").append(keyword).append("), ")
                .append("fused AS (SELECT coalesce(s.id, k.id) AS id, s.distance,"
                        + " coalesce(1.0 / (" + RRF_K + " + s.rnk), 0) + coalesce(1.0 / (" + RRF_K + " + k.rnk), 0) AS score"
                        + " FROM semantic s FULL OUTER JOIN keyword k ON s.id = k.id) ")
                .append("SELECT " + DocumentRows.COLUMNS + ", f.distance, f.score FROM fused f"
                        + " JOIN " + from + " d ON d.id = f.id ORDER BY f.score DESC, f.distance NULLS LAST, d.id LIMIT ?", o.k());
    }

    /**
     * Weighted hybrid search of documents ({@link HybridSearchRequest}): each list with a positive
     * weight is a materialized CTE of at most {@code candidates} ids with their rank; the fused
     * score of a document is the sum of {@code weight / (rrfK + rank)} over the lists that hold it.
     * The title list needs {@code pg_trgm.word_similarity_threshold} set to the request's minimum.
     *
     * @param table the store's table (its dimensions decide the vector type)
     * @param query the query embedding (unused when the vector weight is 0)
     */
    public static Sql weightedHybrid(EmbeddingTable table, UUID tenant, HybridSearchRequest r, float[] query) {
        String from = table.qualified();
        Sql with = new Sql().append("WITH ");
        List<Sql> parts = new ArrayList<>();
        if (r.vectorWeight() > 0) {
            with.append("vec AS MATERIALIZED (SELECT id, distance, row_number() OVER (ORDER BY distance, id) AS rnk FROM (")
                    .append("SELECT d.id, d.embedding " + r.distance().operator() + " ? AS distance", table.param(query))
                    .append(" FROM " + from + " d WHERE d.tenant_id = ?", tenant)
                    .append(Filters.conditions("d", r.filter()))
                    .append(" ORDER BY distance LIMIT ?", r.candidates()).append(") s");
            if (r.maxDistance() != null) {
                with.append(" WHERE distance <= ?", r.maxDistance());
            }
            with.append("), ");
            parts.add(part("vec", "distance", r.vectorWeight(), r.rrfK()));
        }
        if (r.fullTextWeight() > 0) {
            with.append("fts AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY rank DESC, id) AS rnk FROM (")
                    .append("SELECT d.id, ts_rank(d.content_tsv, q) AS rank FROM " + from + " d,"
                            + " websearch_to_tsquery('english'::regconfig, ?) q", r.text())
                    .append(" WHERE d.tenant_id = ?", tenant).append(" AND d.content_tsv @@ q")
                    .append(Filters.conditions("d", r.filter()))
                    .append(" ORDER BY rank DESC, d.id LIMIT ?", r.candidates()).append(") k), ");
            parts.add(part("fts", "NULL::float8", r.fullTextWeight(), r.rrfK()));
        }
        if (r.titleWeight() > 0) {
            with.append("ttl AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY sim DESC, id) AS rnk FROM (")
                    .append("SELECT d.id, word_similarity(?, d.title) AS sim FROM " + from + " d", r.text())
                    .append(" WHERE d.tenant_id = ?", tenant).append(" AND d.title %> ?", r.text())
                    .append(Filters.conditions("d", r.filter()))
                    .append(" ORDER BY sim DESC, d.id LIMIT ?", r.candidates()).append(") t), ");
            parts.add(part("ttl", "NULL::float8", r.titleWeight(), r.rrfK()));
        }
        with.append("hits AS (");
        for (int i = 0; i < parts.size(); i++) {
            with.append(i == 0 ? "" : " UNION ALL ").append(parts.get(i));
        }
        return with.append("), fused AS (SELECT id, max(distance) AS distance, sum(part) AS score FROM hits GROUP BY id) ")
                .append("SELECT " + DocumentRows.COLUMNS + ", f.distance, f.score FROM fused f"
                        + " JOIN " + from + " d ON d.id = f.id ORDER BY f.score DESC, f.distance NULLS LAST, d.id LIMIT ?",
                        r.limit());
    }

    private static Sql part(String list, String distance, double weight, int rrfK) {
        return new Sql().append("SELECT id, " + distance + " AS distance, ?::float8", weight)
                .append(" / (? + rnk) AS part FROM " + list, rrfK);
    }
}
