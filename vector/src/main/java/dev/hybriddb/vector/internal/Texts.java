package dev.hybriddb.vector.internal;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Text;

/** Checks of caller text. */
public final class Texts {
    private Texts() {}

    /** Rejects null, empty and blank text, and text the SDK refuses everywhere ({@link Text}: NUL, unpaired surrogates). */
    public static String nonBlank(String field, String text) {
        if (text == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        if (text.isBlank()) {
            throw new InvalidInputException(field, text, "must not be blank");
        }
        return Text.check(field, text);
    }
}
