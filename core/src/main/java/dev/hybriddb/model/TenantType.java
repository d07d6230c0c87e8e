package dev.hybriddb.model;

/**
 * The plan of a tenant (PostgreSQL enum {@code tenant_type}).
 * {@link #literal()} is the value stored in PostgreSQL and projected to the graph.
 */
public enum TenantType {
    FREE("free"),
    STARTER("starter"),
    PROFESSIONAL("professional"),
    ENTERPRISE("enterprise");

    private final String literal;

    TenantType(String literal) {
        this.literal = literal;
    }

    /** The value stored in PostgreSQL and in the graph. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static TenantType fromLiteral(String literal) {
        for (TenantType v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("tenantType", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
