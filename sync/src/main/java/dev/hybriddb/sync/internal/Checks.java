package dev.hybriddb.sync.internal;

import dev.hybriddb.InvalidInputException;

/** Argument checks the sync's builders share. */
public final class Checks {
    private Checks() {}

    /** {@code v} when it is positive; an {@link InvalidInputException} naming {@code field} otherwise. */
    public static int positive(String field, int v) {
        if (v <= 0) {
            throw new InvalidInputException(field, v, "must be positive");
        }
        return v;
    }
}
