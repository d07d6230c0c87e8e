package dev.hybriddb.internal.jooq;

/**
 * Binds PostgreSQL {@code tsvector} columns (generated full-text search columns) to their text form.
 * Registered for generated code through a forcedType in {@code core/jooq-codegen.xml}.
 */
public final class TsvectorBinding extends StringTextBinding {
    private static final long serialVersionUID = 1L;

    public TsvectorBinding() {
        super("tsvector");
    }
}
