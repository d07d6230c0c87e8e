package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.InvalidInputException;
import java.util.regex.Pattern;

/** The strict patterns table and column names pass before they reach SQL text. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Names() {}

    public static String table(String table) {
        return check("table", table);
    }

    public static String column(String column) {
        return check("column", column);
    }

    private static String check(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidInputException(field, value, "must match " + NAME.pattern());
        }
        return value;
    }
}
