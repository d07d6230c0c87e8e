package dev.hybriddb.model;

/** Where a tenant's data must stay (the {@code dataResidency} tenant setting). */
public enum DataResidency {
    US("us"),
    EU("eu"),
    AP("ap");

    private final String literal;

    DataResidency(String literal) {
        this.literal = literal;
    }

    /** The value stored in the tenant's settings. */
    public String literal() {
        return literal;
    }

    /** The constant whose {@link #literal()} is {@code literal}; an {@link dev.hybriddb.InvalidInputException} otherwise. */
    public static DataResidency fromLiteral(String literal) {
        for (DataResidency v : values()) {
            if (v.literal.equals(literal)) {
                return v;
            }
        }
        throw new dev.hybriddb.InvalidInputException("dataResidency", literal, "is not one of " + java.util.Arrays.toString(values()));
    }
}
