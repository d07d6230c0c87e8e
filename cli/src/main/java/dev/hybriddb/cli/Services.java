package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.cli.internal.Backends;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.schema.Migrations;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a subcommand connects to, resolved once from the environment and the options. */
final class Services {
    final Map<String, String> env;
    final ConnectionOptions options;
    final HybridConfig config;
    final String graph;

    Services(Map<String, String> env, ConnectionOptions options) {
        this.env = env;
        this.options = options;
        this.config = options.config(env);
        this.graph = options.graphBackend(env);
    }

    /** Migrations as the owner role, granting to the application role. */
    Migrations migrations() {
        return Migrations.using(config.jdbcUrl(), config.migrationUser(), Objects.toString(config.migrationPassword(), ""))
                .withAppRole(config.user());
    }

    /** The graph backend, or empty with {@code --graph none}. Caller closes it. */
    Optional<GraphBackend> openGraph() {
        return switch (graph) {
            case "falkordb" -> Optional.of(Backends.falkor(env, options.falkorHost, options.falkorPort));
            case "age" -> Optional.of(AgeBackend.open(config));
            default -> Optional.empty();
        };
    }

    /** The graph backend, failing with exit code 3 when it does not answer. */
    GraphBackend requireGraph() {
        GraphBackend g = openGraph().orElseThrow(() -> new dev.hybriddb.ConfigurationException("graph", "none",
                "this command needs a graph: pass --graph falkordb|age or set HYBRIDDB_GRAPH"));
        GraphHealth h = g.health();
        if (!h.up()) {
            g.close();
            throw new UnavailableException("graph " + g.name() + " unreachable: " + h.detail(), null);
        }
        return g;
    }
}
