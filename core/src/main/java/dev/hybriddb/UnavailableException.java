package dev.hybriddb;

/** A service (PostgreSQL or the graph) could not be reached or failed transiently. */
public class UnavailableException extends HybridDBException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
