package dev.hybriddb.sync;

import dev.hybriddb.InvalidInputException;
import java.util.Locale;

/** A row change, as the outbox records it ({@code I}, {@code U}, {@code D}). */
public enum Operation {
    INSERT('I'),
    UPDATE('U'),
    DELETE('D');

    private final char code;

    Operation(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** Accepts {@code I/U/D} and {@code INSERT/UPDATE/DELETE} (any case), as triggers name them. */
    public static Operation parse(String op) {
        if (op != null) {
            switch (op.trim().toUpperCase(Locale.ROOT)) {
                case "I", "INSERT": return INSERT;
                case "U", "UPDATE": return UPDATE;
                case "D", "DELETE": return DELETE;
                default: break;
            }
        }
        throw new InvalidInputException("operation", op, "must be INSERT, UPDATE or DELETE (or I, U, D)");
    }
}
