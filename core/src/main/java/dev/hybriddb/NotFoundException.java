package dev.hybriddb;

/** The entity asked for does not exist (or is not visible to the current tenant). */
public class NotFoundException extends HybridDBException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(entity + " not found: " + id);
    }
}
