package dev.hybriddb.examples.migration;

import dev.hybriddb.examples.ExampleSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An application keeps its agent tasks in a SQLite file; it moves them onto HybridDB with the same
 * backfill, dual writes, consistency check and cut-over as {@link MoveOntoHybridDB}. The SQLite
 * file, read and written through jOOQ's DSL with {@code SQLDialect.SQLITE}, stays as it was at the
 * cut-over (a rollback point).
 */
public final class MigrateFromSqlite {
    private MigrateFromSqlite() {}

    /** {@code args[0]}: the SQLite file (default: a new file in the temporary directory). */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("hybriddb-legacy-", ".db");
        run(ExampleSettings.fromEnvironment(), System.out, file);
    }

    public static MoveOntoHybridDB.Result run(ExampleSettings settings, PrintStream out, Path file) {
        try (SqliteAgentTaskStore legacy = SqliteAgentTaskStore.open(file)) {
            if (legacy.all().isEmpty()) {
                MoveOntoHybridDB.fillLegacy(legacy);
            }
            return MoveOntoHybridDB.run(settings, out, legacy, "SQLite store " + file.getFileName());
        }
    }
}
