package dev.hybriddb.model;

/**
 * Where a task is in its workflow (PostgreSQL enum {@code task_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum TaskStatus {
    PENDING("pending"),
    ANALYZING("analyzing"),
    ORCHESTRATING("orchestrating"),
    AGENT_WORKING("agent_working"),
    IN_PROGRESS("in_progress"),
    BLOCKED("blocked"),
    AWAITING_APPROVAL("awaiting_approval"),
    COMPLETING("completing"),
    COMPLETED("completed"),
    FAILED("failed"),
    ABORTED("aborted");

    private final String literal;

    TaskStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static TaskStatus fromLiteral(String literal) {
        for (TaskStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("taskStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
