package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What AGE needs to know about a Cypher text before it can run it inside
 * {@code cypher(graph, $$ ... $$, params) AS (columns)}.
 *
 * <p>AGE wants the result columns declared in SQL. They are read from the final top-level
 * {@code RETURN}: each item's alias ({@code RETURN n.name AS name}) or, without one, the item's
 * own text ({@code n.name}), as Neo4j and FalkorDB name their columns. {@code RETURN *} is refused
 * (the columns cannot be known before running), as is any text containing {@code $$} (it would end
 * the dollar quote); refusals, like unbalanced brackets or unterminated strings, are
 * {@link GraphException}s, as a server-side syntax error would be. Strings, backtick names and comments are skipped while scanning.
 */
public final class CypherText {
    private static final Set<String> WRITE_CLAUSES = Set.of("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE");
    private static final Set<String> RETURN_END = Set.of("ORDER", "SKIP", "LIMIT", "UNION");

    private final String text;
    private final List<Token> tokens;

    private CypherText(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    private static GraphException refused(String cypher, String why) {
        String shown = cypher == null ? "null" : cypher.length() > 200 ? cypher.substring(0, 200) + "..." : cypher;
        return new GraphException("cypher " + why + ": " + shown);
    }

    /** Checks and tokenizes a Cypher text; refusals are {@link GraphException}s. */
    public static CypherText of(String cypher) {
        if (cypher == null || cypher.isBlank()) {
            throw refused(cypher, "must not be empty");
        }
        if (cypher.contains("$$")) {
            throw refused(cypher, "must not contain '$$' (pass values as parameters, e.g. $value)");
        }
        return new CypherText(cypher, Lexer.tokens(cypher));
    }

    public String text() {
        return text;
    }

    /** The column names of the final RETURN; empty when the text has no top-level RETURN. */
    public List<String> columns() {
        int ret = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == 0 && t.isWord("RETURN") && isKeyword(i)) {
                ret = i;
            }
        }
        if (ret < 0) {
            return List.of();
        }
        int start = ret + 1;
        if (start < tokens.size() && tokens.get(start).depth() == 0 && tokens.get(start).isWord("DISTINCT")) {
            start++;
        }
        List<String> columns = new ArrayList<>();
        int itemStart = start;
        int i = start;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0) {
                continue;
            }
            if (t.kind() == Kind.WORD && RETURN_END.contains(t.upper()) && isKeyword(i) && !tokens.get(i - 1).isWord("AS")
                    || t.text().equals(";")) {
                break;
            }
            if (t.text().equals(",")) {
                columns.add(columnName(itemStart, i));
                itemStart = i + 1;
            }
        }
        columns.add(columnName(itemStart, i));
        return List.copyOf(columns);
    }

    /** The first write clause keyword (CREATE, MERGE, SET, DELETE, DETACH, REMOVE), or null. */
    public String firstWriteClause() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.WORD && WRITE_CLAUSES.contains(t.upper()) && isKeyword(i)) {
                return t.upper();
            }
        }
        return null;
    }

    /** False for a word used as a property (n.set), a label (:Set) or a map key ({set: 1}). */
    private boolean isKeyword(int i) {
        String before = i > 0 ? tokens.get(i - 1).text() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
        return !before.equals(".") && !before.equals(":") && !after.equals(":");
    }

    private String columnName(int from, int to) {
        if (from >= to) {
            throw refused(text, "has an empty RETURN item");
        }
        Token first = tokens.get(from);
        if (to - from == 1 && first.text().equals("*")) {
            throw refused(text, "uses RETURN *, which AGE cannot run: name the returned columns");
        }
        if (to - from >= 3 && tokens.get(to - 2).depth() == 0 && tokens.get(to - 2).isWord("AS")) {
            Token alias = tokens.get(to - 1);
            if (alias.kind() == Kind.WORD) {
                return alias.text();
            }
            if (alias.kind() == Kind.QUOTED_NAME) {
                String q = alias.text();
                return q.substring(1, q.length() - 1).replace("``", "`");
            }
        }
        Token last = tokens.get(to - 1);
        return text.substring(first.start(), last.end()).strip();
    }

    enum Kind { WORD, STRING, QUOTED_NAME, NUMBER, SYMBOL }

    record Token(Kind kind, String text, int start, int end, int depth) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    /** Splits Cypher into tokens with their bracket depth; comments and whitespace are dropped. */
    static final class Lexer {
        private final String s;
        private final List<Token> out = new ArrayList<>();
        private int pos;
        private int depth;

        private Lexer(String s) {
            this.s = s;
        }

        static List<Token> tokens(String s) {
            Lexer l = new Lexer(s);
            l.run();
            return l.out;
        }

        private void run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (s.startsWith("//", pos)) {
                    int nl = s.indexOf('\n', pos);
                    pos = nl < 0 ? s.length() : nl + 1;
                } else if (s.startsWith("/*", pos)) {
                    int end = s.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw refused(s, "has an unterminated comment");
                    }
                    pos = end + 2;
                } else if (c == '\'' || c == '"') {
                    quoted(Kind.STRING, c, true);
                } else if (c == '`') {
                    quoted(Kind.QUOTED_NAME, c, false);
                } else if (Character.isLetter(c) || c == '_' || c == '$') {
                    run(Kind.WORD);
                } else if (Character.isDigit(c)) {
                    run(Kind.NUMBER);
                } else {
                    symbol(c);
                }
            }
            if (depth != 0) {
                throw refused(s, "has unbalanced brackets");
            }
        }

        private void symbol(char c) {
            if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth < 0) {
                    throw refused(s, "has unbalanced brackets");
                }
            }
            out.add(new Token(Kind.SYMBOL, String.valueOf(c), pos, pos + 1, depth));
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            }
            pos++;
        }

        private void run(Kind kind) {
            int start = pos;
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                boolean ok = Character.isLetterOrDigit(c) || c == '_'
                        || kind == Kind.NUMBER && c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1));
                if (!ok) {
                    break;
                }
                pos++;
            }
            out.add(new Token(kind, s.substring(start, pos), start, pos, depth));
        }

        private void quoted(Kind kind, char quote, boolean backslashEscapes) {
            int start = pos;
            pos++;
            while (true) {
                if (pos >= s.length()) {
                    throw refused(s, "has an unterminated " + (kind == Kind.STRING ? "string" : "name"));
                }
                char c = s.charAt(pos);
                if (backslashEscapes && c == '\\') {
                    pos += 2;
                } else if (c == quote) {
                    if (!backslashEscapes && pos + 1 < s.length() && s.charAt(pos + 1) == quote) {
                        pos += 2;
                    } else {
                        pos++;
                        break;
                    }
                } else {
                    pos++;
                }
            }
            out.add(new Token(kind, s.substring(start, pos), start, pos, depth));
        }
    }
}
