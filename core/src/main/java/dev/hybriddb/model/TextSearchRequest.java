package dev.hybriddb.model;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Text;

/**
 * A trigram text search: what to look for, how closely it must match, and which page of the
 * results to return. Built with {@link #builder()}; immutable and validated when built, so a bad
 * value fails with an {@link InvalidInputException} naming the field before anything is sent.
 *
 * <p>Results are ranked by score (best first, ties by id) and only rows scoring at least
 * {@link #minSimilarity()} are returned. The query is sent as a statement parameter, never as
 * SQL, and characters such as {@code %} or {@code _} have no special meaning in it.
 */
public final class TextSearchRequest {
    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 500;
    /** The default page size. */
    public static final int DEFAULT_LIMIT = 20;
    /** The default minimum score (pg_trgm's own default threshold). */
    public static final double DEFAULT_MIN_SIMILARITY = 0.3;

    private final String query;
    private final int limit;
    private final int offset;
    private final double minSimilarity;
    private final TextMatch match;

    private TextSearchRequest(Builder b) {
        if (b.query == null || b.query.isBlank()) {
            throw new InvalidInputException("query", b.query, "must not be blank");
        }
        this.query = Text.check("query", b.query, MAX_QUERY_LENGTH);
        Page page = new Page(b.limit, b.offset); // validates limit and offset
        this.limit = page.limit();
        this.offset = page.offset();
        if (!(b.minSimilarity > 0 && b.minSimilarity <= 1)) {
            throw new InvalidInputException("minSimilarity", b.minSimilarity, "must be greater than 0 and at most 1");
        }
        this.minSimilarity = b.minSimilarity;
        if (b.match == null) {
            throw new InvalidInputException("match", null, "must not be null");
        }
        this.match = b.match;
    }

    /** A builder with page size {@value #DEFAULT_LIMIT}, offset 0, minimum similarity 0.3, word similarity. */
    public static Builder builder() {
        return new Builder();
    }

    /** A request for {@code query} with every default. */
    public static TextSearchRequest of(String query) {
        return builder().query(query).build();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder().query(query).limit(limit).offset(offset).minSimilarity(minSimilarity).match(match);
    }

    /** The same search, one page further. */
    public TextSearchRequest nextPage() {
        return toBuilder().offset(offset + limit).build();
    }

    /** The text looked for (1 to {@value #MAX_QUERY_LENGTH} characters, not blank). */
    public String query() {
        return query;
    }

    /** The page size (1 to {@value Page#MAX_LIMIT}). */
    public int limit() {
        return limit;
    }

    /** The hits skipped before the page. */
    public int offset() {
        return offset;
    }

    /** The lowest score a hit may have (greater than 0, at most 1). */
    public double minSimilarity() {
        return minSimilarity;
    }

    /** How the query is compared with the columns. */
    public TextMatch match() {
        return match;
    }

    @Override
    public String toString() {
        return "TextSearchRequest[query=" + query.length() + " chars, limit=" + limit + ", offset=" + offset
                + ", minSimilarity=" + minSimilarity + ", match=" + match + "]";
    }

    /** Collects the settings of a {@link TextSearchRequest}. */
    public static final class Builder {
        private String query;
        private int limit = DEFAULT_LIMIT;
        private int offset;
        private double minSimilarity = DEFAULT_MIN_SIMILARITY;
        private TextMatch match = TextMatch.WORD_SIMILARITY;

        private Builder() {}

        /** The text to look for. */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /** The page size (default {@value TextSearchRequest#DEFAULT_LIMIT}). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The hits to skip (default 0). */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** The lowest score a hit may have (default 0.3). */
        public Builder minSimilarity(double minSimilarity) {
            this.minSimilarity = minSimilarity;
            return this;
        }

        /** How the query is compared (default {@link TextMatch#WORD_SIMILARITY}). */
        public Builder match(TextMatch match) {
            this.match = match;
            return this;
        }

        /** The validated request. */
        public TextSearchRequest build() {
            return new TextSearchRequest(this);
        }
    }
}
