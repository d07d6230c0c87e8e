package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private static final Set<String> CLAUSES = Set.of("MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "SET", "CREATE",
            "MERGE", "ON", "DELETE", "DETACH", "REMOVE", "UNWIND", "ORDER", "SKIP", "LIMIT", "UNION", "CALL", "YIELD");

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

    /**
     * The text with AGE 1.5's dialect applied: {@code SET n += $map} and {@code SET n = $map}
     * become {@code SET n += head([$map])} ({@code head([x])} is {@code x}): AGE's parser accepts
     * only a map literal, a variable or a function call on the right of a whole-entity SET.
     */
    public CypherText forAge() {
        Map<Integer, String[]> edits = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < tokens.size(); i++) {
            if (wrapsParameter(i)) {
                edits.put(tokens.get(i).start(), new String[] {tokens.get(i).text(), "head([" + tokens.get(i).text() + "])"});
            }
            Token t = tokens.get(i);
            if (t.depth() == 0 && (t.isWord("RETURN") || t.isWord("WITH")) && isKeyword(i)) {
                orderByAliases(i, edits);
            }
        }
        if (edits.isEmpty()) {
            return this;
        }
        StringBuilder out = new StringBuilder(text);
        edits.forEach((start, e) -> out.replace(start, start + e[0].length(), e[1]));
        String rewritten = out.toString();
        return new CypherText(rewritten, Lexer.tokens(rewritten));
    }

    /**
     * The statements to run, in one transaction, for this text on AGE 1.5: the text itself, or for
     * {@code <reads> MERGE <pattern> <clauses with SET or REMOVE>} two statements,
     * {@code <reads> MERGE <pattern>} and then {@code <reads> MATCH <pattern> <clauses>}. AGE 1.5 loses what a SET writes on an entity
     * that the MERGE of the same statement created (apache/age#1709, #2067); after the first
     * statement the pattern exists, so the MATCH finds exactly what the MERGE would have returned.
     */
    public List<CypherText> statementsForAge() {
        int merge = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (merge >= 0 && t.depth() == 0 && t.kind() == Kind.WORD && CLAUSES.contains(t.upper()) && isKeyword(i)) {
                return !t.isWord("ON") && setsPropertiesFrom(i) ? splitAt(tokens.get(merge), t) : List.of(this);
            }
            if (t.kind() == Kind.WORD && WRITE_CLAUSES.contains(t.upper()) && isKeyword(i)) {
                if (!t.isWord("MERGE") || t.depth() != 0) {
                    return List.of(this);
                }
                merge = i;
            }
        }
        return List.of(this);
    }

    /** True when the clauses from token {@code from} on hold SET or REMOVE and no other MERGE or CREATE. */
    private boolean setsPropertiesFrom(int from) {
        boolean sets = false;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.WORD && isKeyword(i)) {
                if (t.isWord("MERGE") || t.isWord("CREATE")) {
                    return false;
                }
                sets |= t.isWord("SET") || t.isWord("REMOVE");
            }
        }
        return sets;
    }

    private List<CypherText> splitAt(Token merge, Token set) {
        String first = text.substring(0, set.start()).strip();
        String second = text.substring(0, merge.start()) + "MATCH" + text.substring(merge.end());
        return List.of(new CypherText(first, Lexer.tokens(first)), new CypherText(second, Lexer.tokens(second)));
    }

    /**
     * AGE 1.5 cannot ORDER BY an alias of its RETURN or WITH (apache/age#801: "could not find rte"),
     * so a bare alias in the ORDER BY that follows is replaced by its expression in parentheses.
     */
    private void orderByAliases(int clause, Map<Integer, String[]> edits) {
        Map<String, String> aliases = new HashMap<>();
        int i = clause + 1;
        int itemStart = i;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0) {
                continue;
            }
            boolean end = t.text().equals(";") || t.kind() == Kind.WORD && CLAUSES.contains(t.upper()) && isKeyword(i)
                    && !tokens.get(i - 1).isWord("AS");
            if (end || t.text().equals(",")) {
                alias(itemStart, i, aliases);
                itemStart = i + 1;
            }
            if (end) {
                break;
            }
        }
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord("ORDER") || !tokens.get(i + 1).isWord("BY")) {
            return;
        }
        for (int j = i + 2; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.depth() == 0 && (t.text().equals(";") || t.kind() == Kind.WORD && CLAUSES.contains(t.upper()) && isKeyword(j))) {
                return;
            }
            String expr = aliases.get(t.text());
            String after = j + 1 < tokens.size() ? tokens.get(j + 1).text() : "";
            if (t.kind() == Kind.WORD && expr != null && isKeyword(j) && !after.equals(".") && !after.equals("(")) {
                edits.put(t.start(), new String[] {t.text(), "(" + expr + ")"});
            }
        }
    }

    private void alias(int from, int to, Map<String, String> aliases) {
        if (to - from >= 3 && tokens.get(to - 2).isWord("AS") && tokens.get(to - 1).kind() == Kind.WORD) {
            String expr = text.substring(tokens.get(from).start(), tokens.get(to - 3).end()).strip();
            if (from < to - 2 && tokens.get(from).isWord("DISTINCT")) {
                expr = text.substring(tokens.get(from + 1).start(), tokens.get(to - 3).end()).strip();
            }
            aliases.put(tokens.get(to - 1).text(), expr);
        }
    }

    /** True for the {@code $map} of {@code SET var [+]= $map}. */
    private boolean wrapsParameter(int i) {
        Token p = tokens.get(i);
        if (p.kind() != Kind.WORD || !p.text().startsWith("$") || i < 2) {
            return false;
        }
        if (i + 1 < tokens.size() && (tokens.get(i + 1).text().equals(".") || tokens.get(i + 1).text().equals("["))) {
            return false;
        }
        if (!tokens.get(i - 1).text().equals("=")) {
            return false;
        }
        int v = tokens.get(i - 2).text().equals("+") && tokens.get(i - 2).end() == tokens.get(i - 1).start() ? i - 3 : i - 2;
        if (v < 1 || tokens.get(v).kind() != Kind.WORD || tokens.get(v - 1).text().equals(".")) {
            return false;
        }
        return inSetClause(v);
    }

    private boolean inSetClause(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.kind() == Kind.WORD && CLAUSES.contains(t.upper()) && isKeyword(j)) {
                return t.upper().equals("SET");
            }
        }
        return false;
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
        if (tokens.get(i).isWord("WITH") && i > 0 && (tokens.get(i - 1).isWord("STARTS") || tokens.get(i - 1).isWord("ENDS"))) {
            return false; // the string operators STARTS WITH and ENDS WITH
        }
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
