package dev.hybriddb.bench.scenarios;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.RealtimeSync;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real-time consumer in a JVM of its own, as an adopter runs one per process. Arguments: jdbc
 * url, user (owner role), FalkorDB host and port; the password comes in the environment
 * ({@value #PASSWORD}). Prints {@code ready} once built. Each {@code go} line on its standard input
 * starts a consumer, each {@code stop} line stops it (answered by {@code stopped}), so that a
 * bench can warm a JVM up on one backlog and time the next; it exits when its standard input
 * closes.
 */
public final class ConsumerMain {
    static final String PASSWORD = "HYBRIDDB_BENCH_PG_PASSWORD";

    private ConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig hc = new HikariConfig();
        String password = System.getenv(PASSWORD);
        hc.setJdbcUrl(args[0]);
        hc.setUsername(args[1]);
        hc.setPassword(password);
        hc.setMaximumPoolSize(2);
        hc.setPoolName("bench-consumer");
        try (HikariDataSource pool = new HikariDataSource(hc);
             FalkorGraph graph = FalkorGraph.connect(args[2], Integer.parseInt(args[3]))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            System.out.flush();
            RealtimeSync rt = null;
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("go") && rt == null) {
                        rt = RealtimeSync.builder(Database.of(pool), RealtimeSync.listenVia(args[0], args[1], password), graph)
                                .pollInterval(Duration.ofMillis(200)).build();
                        rt.start();
                    } else if (line.equals("stop") && rt != null) {
                        rt.stop();
                        rt = null;
                        System.out.println("stopped");
                        System.out.flush();
                    }
                }
            } finally {
                if (rt != null) {
                    rt.stop();
                }
            }
        }
    }

    /** A started consumer JVM. */
    static final class Handle implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Writer in;

        private Handle(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Starts a consumer JVM and waits until it is ready; its stderr goes to {@code log}. */
        static Handle start(String jdbcUrl, String user, String password, String falkorHost, int falkorPort, Path log)
                throws IOException {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), ConsumerMain.class.getName(),
                    jdbcUrl, user, falkorHost, Integer.toString(falkorPort));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
            pb.environment().put(PASSWORD, password);
            Handle h = new Handle(pb.start());
            String line;
            while ((line = h.out.readLine()) != null && !line.equals("ready")) {
                // skip anything printed before
            }
            if (line == null) {
                throw new IOException("consumer JVM exited before it was ready (see " + log + ")");
            }
            return h;
        }

        void go() throws IOException {
            in.write("go\n");
            in.flush();
        }

        /** Stops the JVM's consumer and waits until it has (the JVM stays, warm, for the next {@link #go}). */
        void stop() throws IOException {
            in.write("stop\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null && !line.equals("stopped")) {
                // skip anything printed before
            }
            if (line == null) {
                throw new IOException("consumer JVM exited while stopping");
            }
        }

        /** CPU seconds the consumer JVM used so far, or -1. */
        double cpuSeconds() {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        }

        @Override
        public void close() throws Exception {
            try {
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
