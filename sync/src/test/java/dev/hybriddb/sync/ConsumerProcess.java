package dev.hybriddb.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.graph.falkor.FalkorGraph;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A real-time consumer in its own JVM, as an adopter runs it, for fault tests that SIGKILL it.
 * Arguments: jdbc url, user, graph ({@code age}, {@code age:statementTimeoutMillis} or
 * {@code falkor:host:port[:socketTimeoutMillis]}), graph
 * name prefix, and optionally the outbox rows claimed per round and {@code record:<millis>} (a
 * {@link RecordingGraph} that logs each node upsert and waits that long before it);
 * the password comes in the environment ({@code HYBRIDDB_TEST_PG_PASSWORD}). Runs until killed.
 */
public final class ConsumerProcess {
    private static final String PASSWORD = "HYBRIDDB_TEST_PG_PASSWORD";

    private ConsumerProcess() {}

    public static void main(String[] args) throws Exception {
        HikariConfig hc = new HikariConfig();
        String password = System.getenv(PASSWORD);
        hc.setJdbcUrl(args[0]);
        hc.setUsername(args[1]);
        hc.setPassword(password);
        hc.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(hc);
        GraphBackend graph = args[2].equals("age") ? AgeGraph.inDatabase(pool)
                : args[2].startsWith("age:") ? ageWithTimeout(args[0], args[1], password, args[2]) : falkor(args[2]);
        if (args.length > 5 && args[5].startsWith("record:")) {
            graph = new RecordingGraph(graph, Long.parseLong(args[5].substring("record:".length())));
        }
        RealtimeSync rt = RealtimeSync.builder(Database.of(pool), RealtimeSync.listenVia(args[0], args[1], password), graph)
                .graphNames(names(args[3])).pollInterval(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(1))
                .batchSize(args.length > 4 ? Integer.parseInt(args[4]) : 1000).build();
        rt.start();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The graph of each tenant: {@code prefix} and the first 12 hex digits of its id. */
    static Function<UUID, String> names(String prefix) {
        return t -> Identifiers.graph(prefix + t.toString().replace("-", "").substring(0, 12));
    }

    /** {@code age:<millis>}: AGE through a pool of its own whose statements time out after that long. */
    private static GraphBackend ageWithTimeout(String url, String user, String password, String spec) {
        String millis = spec.substring("age:".length());
        return AgeGraph.connect(url + (url.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D" + millis,
                user, password);
    }

    private static GraphBackend falkor(String spec) {
        String[] p = spec.split(":");
        if (p.length > 3) {
            Duration timeout = Duration.ofMillis(Long.parseLong(p[3]));
            return FalkorGraph.connect(dev.hybriddb.graph.falkor.FalkorConfig.builder(p[1], Integer.parseInt(p[2]))
                    .socketTimeout(timeout).queryTimeout(timeout).build());
        }
        return FalkorGraph.connect(p[1], Integer.parseInt(p[2]));
    }

    /** Starts a consumer JVM; its output goes to {@code log}. */
    static Process start(SyncTestDb db, String graph, String prefix, Path log) throws IOException {
        return start(db, graph, prefix, log, List.of());
    }

    /** As {@link #start(SyncTestDb, String, String, Path)}, with the optional arguments (batch size, record:millis). */
    static Process start(SyncTestDb db, String graph, String prefix, Path log, List<String> more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ConsumerProcess.class.getName(),
                db.pg.jdbcUrl(), db.pg.adminUser(), graph, prefix));
        cmd.addAll(more);
        File f = log.toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(f));
        pb.environment().put(PASSWORD, db.pg.adminPassword());
        return pb.start();
    }

    /** SIGKILL (no shutdown hook, no rollback on the client side) and wait for the JVM to be gone. */
    static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }
}
