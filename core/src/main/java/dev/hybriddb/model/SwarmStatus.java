package dev.hybriddb.model;

/**
 * The state of a swarm (PostgreSQL enum {@code swarm_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum SwarmStatus {
    ACTIVE("active"),
    PAUSED("paused"),
    COMPLETED("completed"),
    FAILED("failed"),
    TERMINATED("terminated");

    private final String literal;

    SwarmStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static SwarmStatus fromLiteral(String literal) {
        for (SwarmStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("swarmStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
