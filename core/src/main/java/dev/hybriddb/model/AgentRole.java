package dev.hybriddb.model;

/**
 * The role of an agent in a swarm (PostgreSQL enum {@code agent_role}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum AgentRole {
    PROJECT_MANAGER("project_manager"),
    COORDINATOR("coordinator"),
    PLANNER("planner"),
    ARCHITECT("architect"),
    CODER("coder"),
    REVIEWER("reviewer"),
    TESTER("tester"),
    RESEARCHER("researcher"),
    DESIGNER("designer"),
    DEVOPS("devops"),
    WORKER("worker");

    private final String literal;

    AgentRole(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static AgentRole fromLiteral(String literal) {
        for (AgentRole v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("agentRole", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
