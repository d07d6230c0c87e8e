package dev.hybriddb.vector.internal;

import com.pgvector.PGvector;
import dev.hybriddb.InvalidInputException;
import java.sql.SQLException;

/** Validation and JDBC binding of embedding vectors. */
public final class Vectors {
    private Vectors() {}

    /**
     * Checks that {@code v} has {@code dimensions} finite components.
     *
     * @throws InvalidInputException naming {@code field} (or {@code field[i]}) and the value
     */
    public static float[] check(String field, float[] v, int dimensions) {
        if (v == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        if (v.length != dimensions) {
            throw new InvalidInputException(field, "float[" + v.length + "]", "must have " + dimensions + " dimensions");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new InvalidInputException(field + "[" + i + "]", v[i], "must be a finite number");
            }
        }
        return v;
    }

    /** Like {@link #check} and also rejects the zero vector, whose cosine distance is undefined. */
    public static float[] checkQuery(String field, float[] v, int dimensions, boolean cosine) {
        check(field, v, dimensions);
        if (cosine) {
            boolean zero = true;
            for (float f : v) {
                if (f != 0f) {
                    zero = false;
                    break;
                }
            }
            if (zero) {
                throw new InvalidInputException(field, "zero vector", "must not be the zero vector for cosine distance");
            }
        }
        return v;
    }

    /** The JDBC parameter for a vector. */
    public static PGvector param(float[] v) {
        return new PGvector(v);
    }

    /** Parses pgvector's text form, or null for SQL NULL. */
    public static float[] parse(String text) throws SQLException {
        return text == null ? null : new PGvector(text).toArray();
    }
}
