package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.vector.internal.Texts;

/**
 * A hybrid document search: up to three ranked candidate lists fused by weighted reciprocal rank
 * fusion (RRF). A document's score is the sum, over the lists that found it, of
 * {@code weight / (rrfK + rank)}, so a document found by several lists rises, and one found by a
 * single list still appears.
 *
 * <ul>
 *   <li><b>full text</b>: documents whose content matches {@code text} as a web-style query
 *       ({@code websearch_to_tsquery('english', text)}: words, "phrases", -not, or), ranked by
 *       {@code ts_rank}; served by the content's full-text GIN index;</li>
 *   <li><b>title trigrams</b>: documents whose title contains a word resembling {@code text}
 *       (pg_trgm word similarity of at least {@link #minTitleSimilarity()}, typo-tolerant), ranked
 *       by that similarity; served by the title's trigram GIN index;</li>
 *   <li><b>vector</b>: the documents nearest to the query embedding by {@link #distance()}, ranked
 *       by distance, optionally only those within {@link #maxDistance()}.</li>
 * </ul>
 *
 * Each list contributes its best {@link #candidates()} documents; a weight of 0 leaves a list
 * out. The query embedding is the one given with {@link Builder#embedding(float[])}, else the
 * store's embedder embeds {@code text} (only when the vector list is in use). Built with
 * {@link #builder(String)}; validated when built, a bad value failing with an
 * {@link InvalidInputException} naming the field. The text is always sent as a parameter.
 */
public final class HybridSearchRequest {
    /** The longest text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 1_000;
    /** The most candidates a list may contribute. */
    public static final int MAX_CANDIDATES = SearchOptions.MAX_K;

    private final String text;
    private final float[] embedding;
    private final int limit;
    private final int candidates;
    private final double fullTextWeight;
    private final double titleWeight;
    private final double vectorWeight;
    private final double minTitleSimilarity;
    private final Double maxDistance;
    private final int rrfK;
    private final Distance distance;
    private final MetadataFilter filter;

    private HybridSearchRequest(Builder b) {
        this.text = Texts.nonBlank("text", b.text);
        if (text.length() > MAX_TEXT_LENGTH && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("text", text, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        this.embedding = b.embedding == null ? null : b.embedding.clone();
        this.limit = range("limit", b.limit, 1, SearchOptions.MAX_K);
        this.candidates = range("candidates", b.candidates == null ? Math.max(4 * limit, 40) : b.candidates, limit,
                MAX_CANDIDATES);
        this.fullTextWeight = weight("fullTextWeight", b.fullTextWeight);
        this.titleWeight = weight("titleWeight", b.titleWeight);
        this.vectorWeight = weight("vectorWeight", b.vectorWeight);
        if (fullTextWeight + titleWeight + vectorWeight == 0) {
            throw new InvalidInputException("vectorWeight", 0.0, "must be positive when every other weight is 0");
        }
        if (!(b.minTitleSimilarity > 0 && b.minTitleSimilarity <= 1)) {
            throw new InvalidInputException("minTitleSimilarity", b.minTitleSimilarity, "must be greater than 0 and at most 1");
        }
        this.minTitleSimilarity = b.minTitleSimilarity;
        if (b.maxDistance != null && !(b.maxDistance >= 0 && Double.isFinite(b.maxDistance))) {
            throw new InvalidInputException("maxDistance", b.maxDistance, "must be a finite number, 0 or more");
        }
        this.maxDistance = b.maxDistance;
        this.rrfK = range("rrfK", b.rrfK, 1, 10_000);
        if (b.distance == null) {
            throw new InvalidInputException("distance", null, "must not be null");
        }
        this.distance = b.distance;
        this.filter = b.filter == null ? MetadataFilter.none() : b.filter;
    }

    /** A builder searching for {@code text}: limit 10, every weight 1, cosine distance, RRF constant 60. */
    public static Builder builder(String text) {
        return new Builder(text);
    }

    /** The text searched (full text, title trigrams, and the embedding when none is given). */
    public String text() {
        return text;
    }

    /** The query embedding given, or null when the store's embedder embeds {@link #text()}. */
    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }

    /** How many documents to return. */
    public int limit() {
        return limit;
    }

    /** How many candidates each list contributes (at least {@link #limit()}). */
    public int candidates() {
        return candidates;
    }

    /** The weight of the full-text list (0 leaves it out). */
    public double fullTextWeight() {
        return fullTextWeight;
    }

    /** The weight of the title trigram list (0 leaves it out). */
    public double titleWeight() {
        return titleWeight;
    }

    /** The weight of the vector list (0 leaves it out, and nothing is embedded). */
    public double vectorWeight() {
        return vectorWeight;
    }

    /** The lowest word similarity of a title to {@link #text()} for the title list. */
    public double minTitleSimilarity() {
        return minTitleSimilarity;
    }

    /** The largest distance for the vector list, or null for no limit. */
    public Double maxDistance() {
        return maxDistance;
    }

    /** The RRF constant k (60 by default): larger values flatten the difference between ranks. */
    public int rrfK() {
        return rrfK;
    }

    /** The distance of the vector list. */
    public Distance distance() {
        return distance;
    }

    /** The metadata filter every list applies. */
    public MetadataFilter filter() {
        return filter;
    }

    @Override
    public String toString() {
        return "HybridSearchRequest[text=" + text.length() + " chars, limit=" + limit + ", candidates=" + candidates
                + ", weights=" + fullTextWeight + "/" + titleWeight + "/" + vectorWeight + "]";
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static double weight(String field, double value) {
        if (!(value >= 0 && value <= 1_000)) {
            throw new InvalidInputException(field, value, "must be between 0 and 1000");
        }
        return value;
    }

    /** Collects the settings of a {@link HybridSearchRequest}. */
    public static final class Builder {
        private final String text;
        private float[] embedding;
        private int limit = 10;
        private Integer candidates;
        private double fullTextWeight = 1;
        private double titleWeight = 1;
        private double vectorWeight = 1;
        private double minTitleSimilarity = 0.3;
        private Double maxDistance;
        private int rrfK = 60;
        private Distance distance = Distance.COSINE;
        private MetadataFilter filter;

        private Builder(String text) {
            this.text = text;
        }

        /** The query embedding (else the store's embedder embeds the text). */
        public Builder embedding(float[] embedding) {
            this.embedding = embedding;
            return this;
        }

        /** How many documents to return (default 10). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** How many candidates each list contributes (default max(4 * limit, 40)). */
        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        /** The weight of the full-text list (default 1). */
        public Builder fullTextWeight(double weight) {
            this.fullTextWeight = weight;
            return this;
        }

        /** The weight of the title trigram list (default 1). */
        public Builder titleWeight(double weight) {
            this.titleWeight = weight;
            return this;
        }

        /** The weight of the vector list (default 1). */
        public Builder vectorWeight(double weight) {
            this.vectorWeight = weight;
            return this;
        }

        /** The lowest title word similarity (default 0.3). */
        public Builder minTitleSimilarity(double min) {
            this.minTitleSimilarity = min;
            return this;
        }

        /** Leaves documents farther than this out of the vector list (default: no limit). */
        public Builder maxDistance(Double max) {
            this.maxDistance = max;
            return this;
        }

        /** The RRF constant (default 60). */
        public Builder rrfK(int k) {
            this.rrfK = k;
            return this;
        }

        /** The distance of the vector list (default cosine). */
        public Builder distance(Distance distance) {
            this.distance = distance;
            return this;
        }

        /** The metadata filter every list applies (default none). */
        public Builder filter(MetadataFilter filter) {
            this.filter = filter;
            return this;
        }

        /** The validated request. */
        public HybridSearchRequest build() {
            return new HybridSearchRequest(this);
        }
    }
}
