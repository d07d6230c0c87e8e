package dev.hybriddb.examples.migration;

import dev.hybriddb.examples.ExampleSettings;
import java.io.PrintStream;

/** An application whose agent tasks live in a map (lost on restart) moves onto HybridDB. */
public final class MigrateFromInMemory {
    private MigrateFromInMemory() {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static MoveOntoHybridDB.Result run(ExampleSettings settings, PrintStream out) {
        InMemoryAgentTaskStore legacy = new InMemoryAgentTaskStore();
        MoveOntoHybridDB.fillLegacy(legacy);
        MoveOntoHybridDB.Result r = MoveOntoHybridDB.run(settings, out, legacy, "in-memory store");
        out.println("   (the in-memory map would have lost them)");
        return r;
    }
}
