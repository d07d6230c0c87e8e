package dev.hybriddb.model;

/**
 * The state of a tenant account (PostgreSQL enum {@code tenant_status}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    PENDING("pending"),
    DELETED("deleted");

    private final String literal;

    TenantStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static TenantStatus fromLiteral(String literal) {
        for (TenantStatus v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("tenantStatus", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
