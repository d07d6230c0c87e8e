package dev.hybriddb.schema;

/**
 * A migration could not be run, inspected or created. Unchecked; the message says what failed
 * (never a password). {@code hybriddb-core} translates it into its own exception hierarchy.
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
