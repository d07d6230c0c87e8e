package dev.hybriddb.vector;

/** The tables with an {@code embedding} column that {@link IndexManager} may index. */
public enum VectorTable {
    DOCUMENTS("documents"),
    MEMORIES("memories");

    private final String tableName;

    VectorTable(String tableName) {
        this.tableName = tableName;
    }

    /** The SQL table name. */
    public String tableName() {
        return tableName;
    }
}
