package dev.hybriddb.internal.jooq;

/**
 * Binds pgvector's {@code vector} columns to {@code float[]} (text form {@code [1,2.5,3]}).
 * Registered for generated code through a forcedType in {@code core/jooq-codegen.xml}.
 */
public final class VectorBinding extends TextCastBinding<float[]> {
    private static final long serialVersionUID = 1L;

    public VectorBinding() {
        super("vector");
    }

    @Override
    Class<float[]> userType() {
        return float[].class;
    }

    @Override
    String format(float[] value) {
        StringBuilder sb = new StringBuilder(value.length * 8 + 2).append('[');
        for (int i = 0; i < value.length; i++) {
            if (!Float.isFinite(value[i])) {
                throw new IllegalArgumentException("vector component " + i + " is not finite: " + value[i]);
            }
            if (i > 0) {
                sb.append(',');
            }
            sb.append(value[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    float[] parse(String text) {
        String body = text.trim();
        if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
            throw new IllegalArgumentException("not a vector literal: " + text);
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }
}
