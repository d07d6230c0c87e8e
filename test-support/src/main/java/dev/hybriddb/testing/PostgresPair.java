package dev.hybriddb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and its synchronous streaming standby of a test's own, on free ports,
 * made by {@code scripts/services pg-pair-up} (same roles and passwords as the shared server, a
 * database {@code hybriddb}): fault tests may kill the primary with SIGKILL and promote the
 * standby without disturbing other tests. {@link #close()} stops both and deletes their data.
 */
public final class PostgresPair implements AutoCloseable {
    private static final String DATABASE = "hybriddb";

    private final String script;
    private final int primaryPort;
    private final int standbyPort;
    private final PostgresService shared;

    private PostgresPair(String script, int primaryPort, int standbyPort, PostgresService shared) {
        this.script = script;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        this.shared = shared;
    }

    /** Provisions and starts the pair; fails (never skips in CI) when the script fails. */
    static PostgresPair start(String script, int primaryPort, int standbyPort, PostgresService shared) {
        PostgresPair p = new PostgresPair(script, primaryPort, standbyPort, shared);
        try {
            p.run("pg-pair-up", Integer.toString(primaryPort), Integer.toString(standbyPort));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    public int primaryPort() { return primaryPort; }
    public int standbyPort() { return standbyPort; }

    /** {@code jdbc:postgresql://primary,standby/hybriddb?targetServerType=primary}: whichever is the primary. */
    public String multiHostUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/" + DATABASE
                + "?targetServerType=primary";
    }

    /** Both servers through the multi-host URL (connections reach the primary of the moment). */
    public PostgresService service() {
        return new PostgresService(multiHostUrl(), shared.adminUser(), shared.adminPassword(), shared.appUser(), shared.appPassword());
    }

    /** The first server alone (the primary until it is killed). */
    public PostgresService primary() {
        return single(primaryPort);
    }

    /** The standby alone (read-only until promoted). */
    public PostgresService standby() {
        return single(standbyPort);
    }

    private PostgresService single(int port) {
        return new PostgresService("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, shared.adminUser(),
                shared.adminPassword(), shared.appUser(), shared.appPassword());
    }

    /** SIGKILL to the primary's postmaster and all its backends at once (its machine crashed). */
    public void killPrimary() {
        run("pg-kill", Integer.toString(primaryPort));
    }

    /** Promotes the standby and waits until it accepts writes. */
    public void promoteStandby() {
        run("pg-promote", Integer.toString(standbyPort));
    }

    /** Runs {@code sql} on the server at {@code port} as the superuser (HYBRIDDB_SUPERUSER). */
    public void superuserExec(int port, String sql) throws SQLException {
        try (Connection c = superuser(port); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, run as the superuser at {@code port}. */
    public String superuserQuery(int port, String sql) throws SQLException {
        try (Connection c = superuser(port); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Connection superuser(int port) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", TestServices.requireEnv("HYBRIDDB_SUPERUSER", "to control a private PostgreSQL pair"));
        p.setProperty("password", System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, p);
    }

    /** Stops both servers and deletes their data directories. */
    @Override
    public void close() {
        run("pg-pair-down", Integer.toString(primaryPort), Integer.toString(standbyPort));
    }

    private void run(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(script));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(Duration.ofSeconds(120).toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PostgresPair[primary 127.0.0.1:" + primaryPort + ", standby 127.0.0.1:" + standbyPort + "]";
    }
}
