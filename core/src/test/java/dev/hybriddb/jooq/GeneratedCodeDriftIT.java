package dev.hybriddb.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails when the committed jOOQ code ({@code core/src/main/jooq}) differs from what the current
 * migrations generate with {@code core/jooq-codegen.xml}.
 */
class GeneratedCodeDriftIT {
    private static final Path COMMITTED = Path.of("src/main/jooq");
    private static final Path CONFIG = Path.of("jooq-codegen.xml");

    private static PostgresService db;

    @TempDir
    Path generated;

    @BeforeAll
    static void migrate() {
        db = TestServices.freshDatabase("jooq_drift");
        Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            TestServices.dropDatabase(db);
        }
    }

    @Test
    void committedCodeMatchesTheMigrations() throws Exception {
        JooqCodegen.generate(CONFIG, db.jdbcUrl(), db.adminUser(), db.adminPassword(), generated);

        Map<String, String> expected = read(generated);
        Map<String, String> committed = read(COMMITTED);
        List<String> differences = new ArrayList<>();
        expected.keySet().stream().filter(f -> !committed.containsKey(f)).forEach(f -> differences.add("missing:  " + f));
        committed.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> differences.add("obsolete: " + f));
        expected.keySet().stream().filter(committed::containsKey)
                .filter(f -> !Objects.equals(expected.get(f), committed.get(f)))
                .forEach(f -> differences.add("changed:  " + f + firstDifference(expected.get(f), committed.get(f))));

        assertThat(expected).as("the generator produced code").isNotEmpty();
        assertThat(differences)
                .as("core/src/main/jooq is out of date with the migrations (%d differences). Regenerate with:%n  %s%n"
                        + "and commit the result.", differences.size(), JooqCodegen.REGENERATE_COMMAND)
                .isEmpty();
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    private static String firstDifference(String expected, String committed) {
        String[] a = expected.split("\n", -1);
        String[] b = committed.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return String.format(" (line %d: generated `%s`, committed `%s`)", i + 1, x.strip(), y.strip());
            }
        }
        return "";
    }
}
