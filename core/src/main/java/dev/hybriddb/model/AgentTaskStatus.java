package dev.hybriddb.model;

/**
 * The state of an agent task (PostgreSQL enum {@code agent_task_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum AgentTaskStatus {
    PENDING("pending"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    NEEDS_DECISION("needs_decision");

    private final String literal;

    AgentTaskStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static AgentTaskStatus fromLiteral(String literal) {
        for (AgentTaskStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("agentTaskStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
