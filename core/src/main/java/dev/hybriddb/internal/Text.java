package dev.hybriddb.internal;

import dev.hybriddb.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one rule for text the SDK accepts, on every path (repositories, vector stores, graph values):
 * no NUL (U+0000), which PostgreSQL text and the graph stores cannot hold, and no unpaired UTF-16
 * surrogate, which would be stored as {@code ?}; and, where a limit applies, at most that many
 * characters (Unicode code points, as PostgreSQL's {@code char_length} counts them). Every refusal
 * is an {@link InvalidInputException} naming the field.
 */
public final class Text {
    /** Names, identifiers, e-mail addresses, short labels. */
    public static final int NAME = 255;
    /** Titles. */
    public static final int TITLE = 500;
    /** Short free text (user agents and the like). */
    public static final int SHORT = 1_000;
    /** URLs. */
    public static final int URL = 2_048;
    /** Descriptions and other paragraphs. */
    public static final int DESCRIPTION = 100_000;
    /** Long bodies: prompts, lesson content, command output, error text. */
    public static final int LONG = 1_000_000;

    private Text() {}

    /** {@code value} (null allowed) when it holds no NUL and no unpaired surrogate. */
    public static String check(String field, String value) {
        int bad = badIndex(value);
        if (bad >= 0) {
            throw refusal(field, value, bad, false);
        }
        return value;
    }

    /** {@link #check(String, String)} plus at most {@code max} characters. */
    public static String check(String field, String value, int max) {
        check(field, value);
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(field, value,
                    "is longer than " + max + " characters (" + value.codePointCount(0, value.length()) + ")");
        }
        return value;
    }

    /** True when {@link #check(String, String, int)} would accept {@code value} (null included). */
    public static boolean fits(String value, int max) {
        return value == null || badIndex(value) < 0
                && (value.length() <= max || value.codePointCount(0, value.length()) <= max);
    }

    /** {@link #check(String, String)} for a value that must not appear in the message (a secret). */
    public static String secret(String field, String value) {
        int bad = badIndex(value);
        if (bad >= 0) {
            throw refusal(field, value, bad, true);
        }
        return value;
    }

    /**
     * A copy of {@code list} (null stays null) whose elements are each non-null and pass
     * {@link #check(String, String, int)}; an element is named {@code field[index]}.
     */
    public static List<String> list(String field, Collection<String> list, int max) {
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        int i = 0;
        for (String s : list) {
            if (s == null) {
                throw new InvalidInputException(field + "[" + i + "]", null, "must not be null");
            }
            if (!fits(s, max)) {
                check(field + "[" + i + "]", s, max);
            }
            out.add(s);
            i++;
        }
        return out;
    }

    /** The index of the first NUL or unpaired surrogate of {@code s}, or -1 (also for null). */
    public static int badIndex(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static InvalidInputException refusal(String field, String value, int index, boolean secret) {
        String what = value.charAt(index) == '\0'
                ? "contains NUL (U+0000), which PostgreSQL text and graph stores cannot hold"
                : "contains an unpaired UTF-16 surrogate";
        String reason = what + " at index " + index;
        return secret ? InvalidInputException.secret(field, reason) : new InvalidInputException(field, shown(value), reason);
    }

    /** The value as a message may show it: NUL and lone surrogates as {@code ?}. */
    private static String shown(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), 210));
        for (int i = 0; i < value.length() && b.length() < 210; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
            } else {
                b.append(c == '\0' || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return b.toString();
    }
}
