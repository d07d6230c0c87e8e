package dev.hybriddb.model;

/**
 * How an agent execution ended (PostgreSQL enum {@code execution_result}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum ExecutionResult {
    SUCCESS("success"),
    FAILURE("failure"),
    CANCELLED("cancelled"),
    TIMEOUT("timeout");

    private final String literal;

    ExecutionResult(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static ExecutionResult fromLiteral(String literal) {
        for (ExecutionResult v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("executionResult", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
