package dev.hybriddb.internal.jooq;

/** A PostgreSQL type read and written as its text form, unchanged, as a {@code String}. */
abstract class StringTextBinding extends TextCastBinding<String> {
    private static final long serialVersionUID = 1L;

    StringTextBinding(String castType) {
        super(castType);
    }

    @Override
    final Class<String> userType() {
        return String.class;
    }

    @Override
    final String format(String value) {
        return value;
    }

    @Override
    final String parse(String text) {
        return text;
    }
}
