package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code snippet in {@code docs/*.md} comes from compiled code. A snippet is written as
 *
 * <pre>
 * &lt;!-- snippet: examples/src/main/java/.../QuickStart.java#workflow --&gt;
 * ```java
 * ...the lines between // tag::workflow[] and // end::workflow[] in that file...
 * ```
 * </pre>
 *
 * and this test fails when the block differs from the tagged region (dedented, tag lines of other
 * regions dropped). Run with {@code -Dsnippets.update=true} to rewrite the blocks from the sources.
 */
class DocSnippetsTest {
    static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (?<path>[^#\\s]+)#(?<tag>[\\w-]+) -->\\n```(?<lang>\\w*)\\n(?<body>.*?)```", Pattern.DOTALL);
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everySnippetMatchesItsTaggedSourceRegion() throws IOException {
        boolean update = Boolean.getBoolean("snippets.update");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path md : markdownFiles()) {
            String text = Files.readString(md);
            Matcher m = SNIPPET.matcher(text);
            StringBuilder rewritten = new StringBuilder();
            while (m.find()) {
                checked++;
                String where = ROOT.relativize(md) + " -> " + m.group("path") + "#" + m.group("tag");
                String expected;
                try {
                    expected = region(ROOT.resolve(m.group("path")), m.group("tag"));
                } catch (IllegalStateException e) {
                    problems.add(where + ": " + e.getMessage());
                    continue;
                }
                if (!expected.equals(m.group("body"))) {
                    problems.add(where + ": differs from the source region");
                }
                m.appendReplacement(rewritten, Matcher.quoteReplacement("<!-- snippet: " + m.group("path") + "#"
                        + m.group("tag") + " -->\n```" + m.group("lang") + "\n" + expected + "```"));
            }
            m.appendTail(rewritten);
            if (update && !rewritten.toString().equals(text)) {
                Files.writeString(md, rewritten.toString());
            }
        }
        if (update) {
            return;
        }
        assertThat(problems).as("doc snippets out of date (run with -Dsnippets.update=true)").isEmpty();
        assertThat(checked).as("snippets found in docs/*.md").isPositive();
    }

    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The lines between {@code tag::name[]} and {@code end::name[]}, dedented, with a final newline. */
    static String region(Path source, String tag) throws IOException {
        if (!Files.exists(source)) {
            throw new IllegalStateException("no such file");
        }
        List<String> lines = Files.readAllLines(source);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) start = i;
            if (lines.get(i).contains("end::" + tag + "[]")) end = i;
        }
        if (start < 0 || end <= start) {
            throw new IllegalStateException("no region tag::" + tag + "[] ... end::" + tag + "[]");
        }
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(l -> !l.contains("tag::") && !l.contains("end::")).toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
