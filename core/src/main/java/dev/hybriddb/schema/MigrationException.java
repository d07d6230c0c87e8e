package dev.hybriddb.schema;

import dev.hybriddb.HybridDBException;

/**
 * A migration could not be run, inspected or created. Unchecked; the message says what failed
 * (never a password). Part of the SDK's exception hierarchy: catch {@link HybridDBException} for all.
 */
public class MigrationException extends HybridDBException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
