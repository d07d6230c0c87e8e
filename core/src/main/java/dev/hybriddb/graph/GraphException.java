package dev.hybriddb.graph;

import dev.hybriddb.HybridDBException;

/** The graph backend refused or failed a query (syntax, constraint, server error). */
public class GraphException extends HybridDBException {
    private static final long serialVersionUID = 1L;

    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
