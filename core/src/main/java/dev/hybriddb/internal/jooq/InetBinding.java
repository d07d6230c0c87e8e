package dev.hybriddb.internal.jooq;

/**
 * Binds PostgreSQL {@code inet} columns to their text form ({@code 192.0.2.1}, {@code 2001:db8::/32}).
 * Registered for generated code through a forcedType in {@code core/jooq-codegen.xml}.
 */
public final class InetBinding extends StringTextBinding {
    private static final long serialVersionUID = 1L;

    public InetBinding() {
        super("inet");
    }
}
