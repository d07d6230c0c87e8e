package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateChangelogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesATimestampedFormattedSqlChangelog() throws Exception {
        Path file = Migrations.createChangelog(dir.resolve("changes"), "add_new_feature", CLOCK);

        assertThat(file.getFileName().toString()).isEqualTo("20260203120000-add_new_feature.sql");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("--liquibase formatted sql")
                .contains("-- Migration: add_new_feature", "-- Created: 2026-02-03T12:00:00Z",
                        "--changeset hybriddb:20260203120000-add_new_feature", "--rollback");

        List<ChangeSet> changeSets = parse(file);
        assertThat(changeSets).hasSize(1);
        assertThat(changeSets.get(0).getId()).isEqualTo("20260203120000-add_new_feature");
        assertThat(changeSets.get(0).getAuthor()).isEqualTo("hybriddb");
    }

    @Test
    void sortsAfterTheNumberedChangelogs() {
        Path file = Migrations.createChangelog(dir, "later", CLOCK);
        assertThat(file.getFileName().toString()).isGreaterThan("0999-zzz.sql");
    }

    @Test
    void refusesBadNamesAndNeverOverwrites() {
        assertThatThrownBy(() -> Migrations.createChangelog(dir, "../escape", CLOCK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migrations.createChangelog(dir, "Has Space", CLOCK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migrations.createChangelog(dir, "", CLOCK)).isInstanceOf(IllegalArgumentException.class);
        Migrations.createChangelog(dir, "twice", CLOCK);
        assertThatThrownBy(() -> Migrations.createChangelog(dir, "twice", CLOCK))
                .isInstanceOf(MigrationException.class).hasMessageContaining("twice");
    }

    private List<ChangeSet> parse(Path file) throws Exception {
        DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(file.getParent());
        String name = file.getFileName().toString();
        return Scope.child(java.util.Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> {
            DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(name, accessor)
                    .parse(name, new ChangeLogParameters(), accessor);
            return log.getChangeSets();
        });
    }
}
