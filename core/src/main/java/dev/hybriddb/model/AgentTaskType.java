package dev.hybriddb.model;

/**
 * The kind of an agent task (PostgreSQL enum {@code agent_task_type}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum AgentTaskType {
    SPEC("spec"),
    TEST("test"),
    IMPL("impl"),
    REVIEW("review"),
    HEAL("heal");

    private final String literal;

    AgentTaskType(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static AgentTaskType fromLiteral(String literal) {
        for (AgentTaskType v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("agentTaskType", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
