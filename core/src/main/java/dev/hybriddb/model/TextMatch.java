package dev.hybriddb.model;

/**
 * How a text search compares the query with a column, both by trigrams (PostgreSQL's
 * {@code pg_trgm}): the share of trigrams the two have in common, from 0 (nothing) to 1 (the same).
 */
public enum TextMatch {
    /**
     * The query against the whole column value ({@code similarity}, operator {@code %}): a short
     * query ranks short values first, and a long value containing the query scores low.
     */
    SIMILARITY,
    /**
     * The query against the best-matching run of words in the column value ({@code word_similarity},
     * operator {@code <%}): "deploy" finds "Deploy the payment service" with a score of 1. The usual
     * choice for a search box.
     */
    WORD_SIMILARITY
}
