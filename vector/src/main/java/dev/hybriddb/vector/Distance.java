package dev.hybriddb.vector;

/**
 * The distance a similarity search orders by, with its pgvector operator and index operator class.
 * An ANN index serves a search only when it was built for the same distance (see
 * {@link IndexManager}); the schema ships a cosine HNSW index.
 */
public enum Distance {
    /** Cosine distance {@code <=>} (1 - cosine similarity); score = cosine similarity. */
    COSINE("<=>", "vector_cosine_ops", "cosine"),
    /** Euclidean distance {@code <->}; score = 1 / (1 + distance). */
    L2("<->", "vector_l2_ops", "l2"),
    /** Negative inner product {@code <#>}; score = inner product. */
    INNER_PRODUCT("<#>", "vector_ip_ops", "ip");

    private final String operator;
    private final String operatorClass;
    private final String suffix;

    Distance(String operator, String operatorClass, String suffix) {
        this.operator = operator;
        this.operatorClass = operatorClass;
        this.suffix = suffix;
    }

    /** The pgvector operator, e.g. {@code <=>}. */
    public String operator() {
        return operator;
    }

    /** The pgvector operator class for indexes, e.g. {@code vector_cosine_ops}. */
    public String operatorClass() {
        return operatorClass;
    }

    /** The short name used in index names: {@code cosine}, {@code l2}, {@code ip}. */
    public String suffix() {
        return suffix;
    }

    /** A similarity score from a distance: higher is more similar. */
    public double score(double distance) {
        switch (this) {
            case COSINE:
                return 1.0 - distance;
            case L2:
                return 1.0 / (1.0 + distance);
            default:
                return -distance;
        }
    }
}
