package dev.hybriddb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Transaction-local settings ({@code set_config(name, value, true)}) that {@link Transactions}
 * makes in the same statement as the transaction's context, so that they cost no round trip of
 * their own. Names and values are bound as parameters. A name must look like a setting name, and
 * may not be one the context owns (the tenant, the acting user, {@code search_path},
 * {@code row_security}, {@code statement_timeout}) or one that changes who the session is.
 */
public final class LocalSettings {
    /** No settings. */
    public static final LocalSettings NONE = new LocalSettings(new String[0]);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}(\\.[a-z][a-z0-9_]{0,62})?");
    private static final List<String> RESERVED = List.of("search_path", "row_security", "statement_timeout", "role",
            "session_authorization", "session_replication_role", "default_transaction_read_only", "transaction_read_only");

    /** name, value, name, value, ... */
    private final String[] pairs;

    private LocalSettings(String[] pairs) {
        this.pairs = pairs;
    }

    /** A builder for settings made in this order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of settings. */
    public int size() {
        return pairs.length / 2;
    }

    /** The name of setting {@code i}. */
    public String name(int i) {
        return pairs[2 * i];
    }

    /** The value of setting {@code i}. */
    public String value(int i) {
        return pairs[2 * i + 1];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LocalSettings[");
        for (int i = 0; i < size(); i++) {
            s.append(i == 0 ? "" : ", ").append(name(i)).append('=').append(value(i));
        }
        return s.append(']').toString();
    }

    /** Collects settings; {@link #build} checks nothing more, every name is checked as it is added. */
    public static final class Builder {
        private final List<String> pairs = new ArrayList<>(16);

        private Builder() {}

        /**
         * Adds {@code name = value}.
         *
         * @throws IllegalArgumentException for a name that is not a plain setting name or that the context owns
         */
        public Builder set(String name, String value) {
            if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)
                    || name.toLowerCase(Locale.ROOT).startsWith("hybriddb.")) {
                throw new IllegalArgumentException("not a setting a transaction may make next to its context: " + name);
            }
            if (value == null) {
                throw new IllegalArgumentException("setting " + name + " needs a value");
            }
            pairs.add(name);
            pairs.add(value);
            return this;
        }

        public LocalSettings build() {
            return pairs.isEmpty() ? NONE : new LocalSettings(pairs.toArray(new String[0]));
        }
    }
}
