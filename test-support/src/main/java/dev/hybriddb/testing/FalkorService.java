package dev.hybriddb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a test's FalkorDB is, and, for fault tests, a way to kill and restart it.
 */
public final class FalkorService {
    private final String host;
    private final int port;
    private final Controller controller;

    /** Stops and starts the server for fault-injection tests. */
    public interface Controller {
        void kill9();

        void start();

        void stop();

        /** Freezes the process (SIGSTOP): its connections stay open and nothing answers. */
        default void sigstop() {
            throw new UnsupportedOperationException("this FalkorDB cannot be stopped with SIGSTOP");
        }

        /** Resumes a process frozen by {@link #sigstop()} (SIGCONT). */
        default void sigcont() {
            throw new UnsupportedOperationException("this FalkorDB cannot be resumed with SIGCONT");
        }
    }

    public FalkorService(String host, int port, Controller controller) {
        this.host = host;
        this.port = port;
        this.controller = controller;
    }

    public String host() { return host; }
    public int port() { return port; }

    public boolean canKill() { return controller != null; }

    /** Kills the server process with SIGKILL and waits until it no longer answers. */
    public void kill9() {
        requireController().kill9();
    }

    /** Starts the server again and waits until it answers PING. */
    public void start() {
        requireController().start();
        awaitUp(Duration.ofSeconds(30));
    }

    /** Stops the server gracefully. */
    public void stop() {
        requireController().stop();
    }

    /** Freezes the server process with SIGSTOP (a stall: connections stay open, no reply comes). */
    public void sigstop() {
        requireController().sigstop();
    }

    /** Resumes a server frozen by {@link #sigstop()}. */
    public void sigcont() {
        requireController().sigcont();
    }

    private Controller requireController() {
        if (controller == null) {
            throw new IllegalStateException("this FalkorDB cannot be killed from a test (no services script or container)");
        }
        return controller;
    }

    /**
     * Sends one command on a fresh connection (not through the client under test) and returns the
     * reply: a String, a Long, a List or null. An error reply throws {@link IllegalStateException}.
     */
    public Object command(String... args) {
        return Resp.call(host, port, args);
    }

    /** True when the server answers PING within a second. */
    public boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ping()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("FalkorDB at " + host + ":" + port + " did not come up within " + timeout);
            }
            sleep(100);
        }
    }

    static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code scripts/services <command>} with this server's port. */
    static Controller scriptController(String script, int port) {
        return scriptController(script, port, "falkor-start", Map.of());
    }

    /**
     * Runs {@code scripts/services <command>} with this server's port; {@code startCommand} and
     * {@code env} start it (a replica or a Sentinel takes the master's port in the environment).
     */
    static Controller scriptController(String script, int port, String startCommand, Map<String, String> env) {
        return new Controller() {
            @Override
            public void kill9() { run("falkor-kill"); }

            @Override
            public void start() { run(startCommand); }

            @Override
            public void stop() { run("falkor-stop"); }

            @Override
            public void sigstop() { run("falkor-sigstop"); }

            @Override
            public void sigcont() { run("falkor-sigcont"); }

            private void run(String command) {
                ProcessBuilder pb = new ProcessBuilder(List.of(script, command)).redirectErrorStream(true);
                pb.environment().putAll(env);
                pb.environment().put("HYBRIDDB_FALKOR_PORT", Integer.toString(port));
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                try {
                    Process p = pb.start();
                    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        throw new IllegalStateException(script + " " + command + " failed");
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(script + " " + command + " failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "FalkorService[" + host + ":" + port + "]";
    }
}
