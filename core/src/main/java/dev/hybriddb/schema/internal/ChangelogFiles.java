package dev.hybriddb.schema.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Writes new, timestamped changelog files with a valid formatted-SQL skeleton. */
public final class ChangelogFiles {
    /** Names like {@code add_new_feature}: lower case letters, digits, '_' and '-'. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private ChangelogFiles() {}

    /**
     * Creates {@code <dir>/<yyyyMMddHHmmss>-<name>.sql}. The timestamp sorts after the numbered
     * files (0000-0999), so with includeAll a new changelog runs after everything that exists.
     *
     * @throws IllegalArgumentException for a bad name
     * @throws IOException when the directory cannot be written or the file already exists
     */
    public static Path create(Path dir, String name, Clock clock) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("changelog name must match " + NAME.pattern() + ": " + name);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = STAMP.format(now) + "-" + name;
        Files.createDirectories(dir);
        Path file = dir.resolve(id + ".sql");
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.writeString(file, skeleton(id, name, now.toString()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

    static String skeleton(String id, String name, String created) {
        return "--liquibase formatted sql\n"
                + "\n"
                + "-- Migration: " + name + "\n"
                + "-- Created: " + created + "\n"
                + "\n"
                + "--changeset hybriddb:" + id + "\n"
                + "--comment: " + name.replace('_', ' ') + "\n"
                + "-- Replace the statement below with your change, e.g.\n"
                + "--   ALTER TABLE agents ADD COLUMN new_field text;\n"
                + "-- New tenant-scoped tables need tenant_id, ENABLE + FORCE ROW LEVEL SECURITY and a\n"
                + "-- policy on hybriddb_current_tenant() (see 0020-workspace.sql).\n"
                + "SELECT 1;\n"
                + "--rollback SELECT 1;\n";
    }
}
