package dev.hybriddb.internal.repo;

import dev.hybriddb.model.SearchHit;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextMatch;
import dev.hybriddb.model.TextSearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Trigram search over text columns that carry {@code gin_trgm_ops} indexes. The WHERE clause uses
 * pg_trgm's index operators ({@code col % q} or {@code col %> q}, one per column, OR-ed), so the
 * planner can combine the GIN indexes in a bitmap scan; their threshold is the request's minimum
 * similarity, set with {@code set_config(..., true)} for the transaction (and put back afterwards,
 * so that later statements of a tenant scope see the previous value). The score is the greatest
 * similarity over the columns; rows are ordered by score, then id, and one row more than the page
 * is fetched to tell whether another page follows. The query is always a bind value.
 */
final class TrigramSearch {
    private TrigramSearch() {}

    /** The pg_trgm setting that governs the index operator of {@code match}. */
    static String threshold(TextMatch match) {
        return match == TextMatch.SIMILARITY ? "pg_trgm.similarity_threshold" : "pg_trgm.word_similarity_threshold";
    }

    /** The statement: rows of {@code table} matching {@code scope}, their score in the last column. */
    static ResultQuery<Record> query(DSLContext dsl, Table<?> table, Field<?> id, Condition scope,
            List<Field<String>> columns, TextSearchRequest request) {
        Field<String> q = DSL.val(request.query(), SQLDataType.CLOB);
        Condition matches = DSL.noCondition();
        List<Field<Double>> scores = new ArrayList<>();
        for (Field<String> column : columns) {
            if (request.match() == TextMatch.SIMILARITY) {
                matches = matches.or(DSL.condition("{0} % {1}", column, q));
                scores.add(DSL.field("similarity({0}, {1})::float8", Double.class, column, q));
            } else {
                matches = matches.or(DSL.condition("{0} %> {1}", column, q));
                scores.add(DSL.field("word_similarity({0}, {1})::float8", Double.class, q, column));
            }
        }
        Field<Double> score = (scores.size() == 1 ? scores.get(0)
                : DSL.greatest(scores.get(0), scores.subList(1, scores.size()).toArray(Field[]::new))).as("score");
        return dsl.select(table.fields()).select(score).from(table).where(scope.and(matches))
                .orderBy(DSL.field(DSL.name("score")).desc(), id)
                .limit(request.limit() + 1).offset(request.offset());
    }

    /** Runs the search with its threshold in force and maps each row with {@code map}. */
    static <E> SearchPage<E> run(DSLContext dsl, Table<?> table, Field<?> id, Condition scope, List<Field<String>> columns,
            TextSearchRequest request, Function<Record, E> map) {
        String setting = threshold(request.match());
        String previous = dsl.resultQuery("select current_setting({0}, true), set_config({0}, {1}, true)",
                DSL.val(setting), DSL.val(Double.toString(request.minSimilarity()))).fetchOne(0, String.class);
        List<SearchHit<E>> hits = new ArrayList<>();
        for (Record r : query(dsl, table, id, scope, columns, request).fetch()) {
            hits.add(new SearchHit<>(map.apply(r), r.get("score", Double.class)));
        }
        if (previous != null && !previous.isEmpty()) {
            dsl.resultQuery("select set_config({0}, {1}, true)", DSL.val(setting), DSL.val(previous)).fetch();
        }
        boolean more = hits.size() > request.limit();
        return new SearchPage<>(more ? hits.subList(0, request.limit()) : hits, request.limit(), request.offset(), more);
    }

    /** The plan PostgreSQL chooses for the search ({@code EXPLAIN}, without running it). */
    static String explain(DSLContext dsl, Table<?> table, Field<?> id, Condition scope, List<Field<String>> columns,
            TextSearchRequest request) {
        dsl.resultQuery("select set_config({0}, {1}, true)", DSL.val(threshold(request.match())),
                DSL.val(Double.toString(request.minSimilarity()))).fetch();
        return dsl.explain(query(dsl, table, id, scope, columns, request)).plan();
    }
}
