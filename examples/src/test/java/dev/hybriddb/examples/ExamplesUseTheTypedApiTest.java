package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples teach the typed API: no example source holds a string literal that looks like SQL
 * or Cypher, except the migration example, which shows jOOQ's DSL on purpose. Comments are
 * ignored; text blocks and string literals are checked.
 */
class ExamplesUseTheTypedApiTest {
    static final Path SOURCES = Path.of("src/main/java").toAbsolutePath();
    static final Path EXEMPT = SOURCES.resolve("dev/hybriddb/examples/migration");

    /** A statement keyword at the start of a literal, in any case. */
    static final Pattern STATEMENT_START = Pattern.compile(
            "^\\s*(SELECT|INSERT|UPDATE|DELETE|MATCH|OPTIONAL\\s+MATCH|MERGE|CREATE|DROP|ALTER|UNWIND|TRUNCATE)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A clause anywhere in a literal, written as queries write it (upper case), or a PostgreSQL cast. */
    static final Pattern CLAUSE = Pattern.compile(
            "\\sFROM\\s|\\sWHERE\\s|\\bRETURN\\s|\\bSET\\s+\\w+\\s*=|\\bVALUES\\s*\\(|\\bON CONFLICT\\b|::[a-z_]+\\b");

    @Test
    void noExampleSourceHoldsAnSqlOrCypherLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path file : javaFiles()) {
            if (file.startsWith(EXEMPT)) {
                continue;
            }
            files++;
            for (String literal : literals(Files.readString(file))) {
                if (looksLikeAQuery(literal)) {
                    found.add(SOURCES.relativize(file) + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(files).as("example sources scanned").isGreaterThan(5);
        assertThat(found).as("SQL or Cypher string literals in the examples (use the repositories, db.sync(), db.coordinator())")
                .isEmpty();
    }

    @Test
    void theScannerRecognisesQueriesAndLeavesProseAlone() {
        assertThat(literals("x(\"SELECT id FROM tasks\"); // \"UPDATE in a comment\"\n/* \"DELETE too\" */ y(\"a \\\"b\\\" c\");"))
                .containsExactly("SELECT id FROM tasks", "a \\\"b\\\" c");
        assertThat(literals("String q = \"\"\"\n    MATCH (t:Task)\n    RETURN t\n    \"\"\";")).hasSize(1);
        for (String query : List.of("select 1", "  Insert into agents (name) values (?)", "update tasks set status = ?",
                "delete from tasks", "MATCH (a:Agent) RETURN a", "merge (t:Task {id: $id})", "CREATE TABLE x (id int)",
                "count(*) FROM agents", "x WHERE y", "n RETURN n", "?::agent_role", "UNWIND $rows AS r")) {
            assertThat(looksLikeAQuery(query)).as(query).isTrue();
        }
        for (String prose : List.of("1. Created a task in PostgreSQL only", "Written while the consumer is down ",
                "Ship the release", "3. Consumer restarted: the graph caught up to ", "kimi-k2.5", "release",
                "write docs", "Acme roadmap", " s, from the graph); status in both stores", "read back from PostgreSQL where it lives",
                "jdbc:postgresql://host/db")) {
            assertThat(looksLikeAQuery(prose)).as(prose).isFalse();
        }
    }

    static boolean looksLikeAQuery(String literal) {
        return STATEMENT_START.matcher(literal).find() || CLAUSE.matcher(literal).find();
    }

    static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = lineEnd(src, i);
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end;
                out.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(src, i + 1, c);
                if (c == '"') {
                    out.add(src.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int lineEnd(String src, int from) {
        int end = src.indexOf('\n', from);
        return end < 0 ? src.length() : end;
    }

    private static int closing(String src, int from, char quote) {
        int i = from;
        while (i < src.length() && src.charAt(i) != quote && src.charAt(i) != '\n') {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, src.length());
    }
}
