package dev.hybriddb.cli;

import dev.hybriddb.schema.Migrations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Writes a new, empty formatted-SQL changelog file. */
@Command(name = "create-migration", mixinStandardHelpOptions = true,
        description = "Creates <dir>/<UTC timestamp>-NAME.sql with a Liquibase formatted-SQL skeleton.")
final class CreateMigrationCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "lower case letters, digits, '_' and '-', e.g. add_new_feature")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "db/changelog/changes",
            description = "directory the master changelog includes (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() {
        Path file = Migrations.createChangelog(dir, name);
        root.out().println("created " + file);
        return ExitCode.OK;
    }
}
