package dev.hybriddb.vector.internal;

import com.pgvector.PGhalfvec;
import com.pgvector.PGvector;
import dev.hybriddb.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A table with an {@code embedding} column and that column's SQL type: {@code vector(n)}, or
 * {@code halfvec(n)} (half precision, for more than 2,000 dimensions). The name passes a strict
 * pattern before it is ever put into SQL text.
 *
 * @param name          {@code documents}, {@code memories}, or {@code documents_d<n>} / {@code memories_d<n>}
 * @param dimensions    the number of components of every embedding
 * @param halfPrecision true for a {@code halfvec} column
 */
public record EmbeddingTable(String name, int dimensions, boolean halfPrecision) {
    /** The largest magnitude a half-precision component can hold. */
    public static final float HALF_MAX = 65504f;
    private static final Pattern NAME = Pattern.compile("(documents|memories)(_d[1-9][0-9]{0,3})?");

    public EmbeddingTable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an embedding table: " + name);
        }
    }

    /** The schema-qualified name, for SQL text. */
    public String qualified() {
        return "public." + name;
    }

    /** The column's SQL type, e.g. {@code halfvec(3072)}. */
    public String sqlType() {
        return (halfPrecision ? "halfvec(" : "vector(") + dimensions + ")";
    }

    /** The JDBC parameter of {@code v} in the column's type. */
    public Object param(float[] v) {
        return halfPrecision ? new PGhalfvec(v) : new PGvector(v);
    }

    /**
     * {@link Vectors#check} against this table's dimensions, and for half precision also that every
     * component fits (|x| at most 65504).
     */
    public float[] check(String field, float[] v) {
        Vectors.check(field, v, dimensions);
        if (halfPrecision) {
            for (int i = 0; i < v.length; i++) {
                if (Math.abs(v[i]) > HALF_MAX) {
                    throw new InvalidInputException(field + "[" + i + "]", v[i],
                            "must be at most 65504 in magnitude (the store keeps half-precision " + sqlType() + ")");
                }
            }
        }
        return v;
    }
}
