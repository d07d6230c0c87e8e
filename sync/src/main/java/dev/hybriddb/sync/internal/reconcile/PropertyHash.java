package dev.hybriddb.sync.internal.reconcile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hash of projected properties computed the same way from PostgreSQL (after conversion) and from
 * the graph: only the projected names, nulls skipped (the graph stores none), numbers compared by
 * value to 12 significant digits (graph servers print doubles with 15), maps by sorted key.
 */
public final class PropertyHash {
    private static final MathContext DIGITS = new MathContext(12);

    private PropertyHash() {}

    public static String of(Map<String, Object> props, Collection<String> names) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (String n : names) {
            Object v = props.get(n);
            if (v != null) {
                sorted.put(n, v);
            }
        }
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            sb.append(k).append('=');
            canonical(v, sb);
            sb.append(';');
        });
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void canonical(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number n) {
            BigDecimal d = n instanceof Double || n instanceof Float ? new BigDecimal(n.doubleValue())
                    : new BigDecimal(n.toString());
            sb.append("n:").append(d.round(DIGITS).stripTrailingZeros().toPlainString());
        } else if (v instanceof Boolean b) {
            sb.append("b:").append(b);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            l.forEach(e -> {
                canonical(e, sb);
                sb.append(',');
            });
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            sb.append('{');
            sorted.forEach((k, x) -> {
                sb.append(k).append(':');
                canonical(x, sb);
                sb.append(',');
            });
            sb.append('}');
        } else {
            sb.append("s:").append(v);
        }
    }
}
