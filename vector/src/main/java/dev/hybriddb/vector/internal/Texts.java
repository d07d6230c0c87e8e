package dev.hybriddb.vector.internal;

import dev.hybriddb.InvalidInputException;

/** Checks of caller text. */
public final class Texts {
    private Texts() {}

    /** Rejects null, empty and blank text, and text with NUL characters (PostgreSQL refuses them). */
    public static String nonBlank(String field, String text) {
        if (text == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        if (text.isBlank()) {
            throw new InvalidInputException(field, text, "must not be blank");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, text.replace('\0', '?'), "must not contain NUL characters");
        }
        return text;
    }
}
