package dev.hybriddb;

/**
 * The root of HybridDB's small, unchecked exception hierarchy. Messages never carry secrets.
 */
public class HybridDBException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HybridDBException(String message) {
        super(message);
    }

    public HybridDBException(String message, Throwable cause) {
        super(message, cause);
    }
}
