package dev.hybriddb.model;

/**
 * The state of a project (PostgreSQL enum {@code project_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum ProjectStatus {
    ACTIVE("active"),
    ARCHIVED("archived"),
    DELETED("deleted");

    private final String literal;

    ProjectStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static ProjectStatus fromLiteral(String literal) {
        for (ProjectStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("projectStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
