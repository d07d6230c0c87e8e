package dev.hybriddb;

/**
 * Bad input from the caller: the message names the field and the offending value. Nothing was
 * written when this is thrown.
 */
public class InvalidInputException extends HybridDBException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, Object value, String reason) {
        super(field + " " + reason + ": " + describe(value));
        this.field = field;
    }

    /** For fields whose value must not be shown (passwords, keys). */
    public static InvalidInputException secret(String field, String reason) {
        return new InvalidInputException(field, (Object) "****", reason);
    }

    public String field() {
        return field;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        if (s.length() <= 200) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(199)) ? 199 : 200; // never half a surrogate pair
        return s.substring(0, cut) + "...(" + s.length() + " chars)";
    }
}
