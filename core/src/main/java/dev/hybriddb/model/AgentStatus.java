package dev.hybriddb.model;

/**
 * Where an agent is in its life (PostgreSQL enum {@code agent_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum AgentStatus {
    IDLE("idle"),
    ACTIVE("active"),
    PENDING("pending"),
    RUNNING("running"),
    BUSY("busy"),
    PAUSED("paused"),
    COMPLETED("completed"),
    FAILED("failed"),
    TERMINATED("terminated");

    private final String literal;

    AgentStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static AgentStatus fromLiteral(String literal) {
        for (AgentStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("agentStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
