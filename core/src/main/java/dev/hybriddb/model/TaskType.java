package dev.hybriddb.model;

/**
 * The kind of work a task is (PostgreSQL enum {@code task_type}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum TaskType {
    FEATURE("feature"),
    BUGFIX("bugfix"),
    REFACTOR("refactor"),
    DOCS("docs"),
    CONFIG("config"),
    TEST("test"),
    CHORE("chore");

    private final String literal;

    TaskType(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static TaskType fromLiteral(String literal) {
        for (TaskType v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("taskType", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
