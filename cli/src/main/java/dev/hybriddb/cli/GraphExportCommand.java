package dev.hybriddb.cli;

import dev.hybriddb.cli.internal.AgentNetwork;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints a tenant's agent network as Mermaid or Graphviz dot. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints a tenant's agent network (agents, swarms, MANAGES and MEMBER_OF) as Mermaid or dot.")
final class GraphExportCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { mermaid, dot }

    @ParentCommand
    GraphCommand graph;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-t", "--tenant"}, paramLabel = "UUID", required = true, description = "tenant id")
    UUID tenant;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid or dot (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        HybridDbCommand root = graph.root;
        Services s = new Services(root.env(), connection);
        try (GraphBackend backend = s.requireGraph()) {
            String name = GraphNames.forTenant(tenant);
            if (!backend.graphExists(name)) {
                root.err().println("hybriddb: tenant " + tenant + " has no graph yet: run `hybriddb sync --full --tenant " + tenant + "`");
                return ExitCode.PROBLEMS_FOUND;
            }
            AgentNetwork network = AgentNetwork.read(backend, name);
            root.out().print(format == Format.dot ? network.toDot() : network.toMermaid());
            root.out().flush();
        }
        return ExitCode.OK;
    }
}
