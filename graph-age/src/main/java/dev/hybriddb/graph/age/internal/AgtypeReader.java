package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphEdge;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphNode;
import dev.hybriddb.graph.GraphPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AGE's text output of {@code agtype}: JSON plus the annotations {@code ::vertex},
 * {@code ::edge}, {@code ::path}, {@code ::numeric} (and {@code ::integer}, {@code ::float}),
 * and the bare floats {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *
 * <p>Vertices become {@link GraphNode}, edges {@link GraphEdge}, paths {@link GraphPath};
 * integers {@link Long}, floats {@link Double}, numerics {@link BigDecimal} (a numeric NaN or
 * infinity becomes a Double), strings, booleans, null, unmodifiable lists and insertion-ordered,
 * unmodifiable maps (which may hold null values).
 */
public final class AgtypeReader {
    private final String s;
    private int pos;

    private AgtypeReader(String s) {
        this.s = s;
    }

    /** Parses one agtype text value; SQL NULL (a null string) reads as null. */
    public static Object read(String text) {
        if (text == null) {
            return null;
        }
        AgtypeReader r = new AgtypeReader(text);
        r.skipWs();
        Object v = r.value();
        r.skipWs();
        if (r.pos != text.length()) {
            throw r.error("unexpected trailing text");
        }
        return v;
    }

    private Object value() {
        if (pos >= s.length()) {
            throw error("unexpected end of input");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{': {
                Map<String, Object> map = object();
                String ann = annotation();
                if (ann == null) {
                    return map;
                }
                if (ann.equals("vertex")) {
                    return vertex(map);
                }
                if (ann.equals("edge")) {
                    return edge(map);
                }
                throw error("unexpected annotation ::" + ann + " on a map");
            }
            case '[': {
                List<Object> list = array();
                String ann = annotation();
                if (ann == null) {
                    return list;
                }
                if (ann.equals("path")) {
                    return path(list);
                }
                throw error("unexpected annotation ::" + ann + " on a list");
            }
            case '"':
                return string();
            default:
                return scalar();
        }
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipWs();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            map.put(key, value());
            skipWs();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                throw error("expected ',' or '}' in a map");
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> list = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWs();
            list.add(value());
            skipWs();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw error("expected ',' or ']' in a list");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb == null ? s.substring(start, pos - 1) : sb.toString();
            }
            if (c != '\\') {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.substring(start, pos - 1));
            }
            escape(sb);
        }
    }

    private void escape(StringBuilder sb) {
        char e = next();
        switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u': {
                if (pos + 4 > s.length()) {
                    throw error("short \\u escape");
                }
                try {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                } catch (NumberFormatException ex) {
                    throw error("bad \\u escape");
                }
                pos += 4;
                break;
            }
            default:
                throw error("unknown escape \\" + e);
        }
    }

    private Object scalar() {
        int start = pos;
        while (pos < s.length() && isScalarChar(s.charAt(pos))) {
            pos++;
        }
        String tok = s.substring(start, pos);
        if (tok.isEmpty()) {
            throw error("unexpected character '" + s.charAt(pos) + "'");
        }
        String ann = annotation();
        switch (tok) {
            case "null": return requireNoAnnotation(null, ann);
            case "true": return requireNoAnnotation(Boolean.TRUE, ann);
            case "false": return requireNoAnnotation(Boolean.FALSE, ann);
            default: return number(tok, ann);
        }
    }

    private Object requireNoAnnotation(Object v, String ann) {
        if (ann != null) {
            throw error("unexpected annotation ::" + ann);
        }
        return v;
    }

    private Object number(String tok, String ann) {
        try {
            if (ann == null || ann.equals("float") || ann.equals("integer")) {
                if (tok.equals("NaN")) {
                    return Double.NaN;
                }
                if (tok.equals("Infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
                if (tok.equals("-Infinity")) {
                    return Double.NEGATIVE_INFINITY;
                }
                boolean integral = tok.indexOf('.') < 0 && tok.indexOf('e') < 0 && tok.indexOf('E') < 0;
                if (integral && !"float".equals(ann)) {
                    return Long.parseLong(tok);
                }
                return Double.parseDouble(tok);
            }
            if (ann.equals("numeric")) {
                return switch (tok) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> new BigDecimal(tok);
                };
            }
        } catch (NumberFormatException e) {
            throw error("bad number '" + tok + "'");
        }
        throw error("unexpected annotation ::" + ann + " on a number");
    }

    private static boolean isScalarChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.';
    }

    /** Reads {@code ::name} if present. */
    private String annotation() {
        if (pos + 1 < s.length() && s.charAt(pos) == ':' && s.charAt(pos + 1) == ':') {
            pos += 2;
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("empty annotation");
            }
            return s.substring(start, pos);
        }
        return null;
    }

    private GraphNode vertex(Map<String, Object> m) {
        return new GraphNode(idOf(m, "id"), List.of(stringOf(m, "label")), propertiesOf(m));
    }

    private GraphEdge edge(Map<String, Object> m) {
        return new GraphEdge(idOf(m, "id"), stringOf(m, "label"), idOf(m, "start_id"), idOf(m, "end_id"),
                propertiesOf(m));
    }

    private GraphPath path(List<Object> items) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (i % 2 == 0 && o instanceof GraphNode n) {
                nodes.add(n);
            } else if (i % 2 == 1 && o instanceof GraphEdge e) {
                edges.add(e);
            } else {
                throw error("a path must alternate vertices and edges");
            }
        }
        if (!nodes.isEmpty() && nodes.size() != edges.size() + 1) {
            throw error("a path must end with a vertex");
        }
        return new GraphPath(nodes, edges);
    }

    private String idOf(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long)) {
            throw error("entity without an integer '" + key + "'");
        }
        return v.toString();
    }

    private String stringOf(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String str)) {
            throw error("entity without a string '" + key + "'");
        }
        return str;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> propertiesOf(Map<String, Object> m) {
        Object v = m.get("properties");
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw error("entity properties are not a map");
        }
        return (Map<String, Object>) v;
    }

    private void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end of input");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private GraphException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(s.length(), pos + 20);
        return new GraphException("cannot read agtype at offset " + pos + " (" + what + "): ..."
                + s.substring(from, to) + "...");
    }
}
