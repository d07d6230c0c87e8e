package dev.hybriddb;

/**
 * A database constraint refused a write (unique, foreign key, check, not null, or a row-level
 * security policy: a row written for another tenant than the transaction's, constraint
 * {@code "row-level security policy"}). Never retried.
 */
public class ConstraintViolationException extends HybridDBException {
    private static final long serialVersionUID = 1L;
    private final String constraint;

    public ConstraintViolationException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** The constraint's name as PostgreSQL reports it, or null. */
    public String constraint() {
        return constraint;
    }
}
