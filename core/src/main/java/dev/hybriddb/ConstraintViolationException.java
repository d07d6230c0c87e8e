package dev.hybriddb;

/** A database constraint refused a write (unique, foreign key, check, not null). Never retried. */
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
