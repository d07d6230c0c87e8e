package dev.hybriddb.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private FalkorDB master with replicas and Sentinels watching it, each a process of its own on a
 * free port (started by {@code scripts/services}), for fault tests that kill or freeze the master.
 * The Sentinels mark the master down after one second without a reply and fail over to a replica.
 * {@link #close()} stops every process.
 */
public final class FalkorSentinelGroup implements AutoCloseable {
    /** The name the Sentinels know the master by. */
    public static final String MASTER_NAME = "hybriddb";

    private final List<FalkorService> servers = new ArrayList<>();
    private final List<FalkorService> sentinels = new ArrayList<>();

    FalkorSentinelGroup(String script, int replicas, int sentinelCount, int quorum) {
        try {
            int masterPort = TestServices.freePort();
            FalkorService master = new FalkorService("127.0.0.1", masterPort, FalkorService.scriptController(script, masterPort));
            servers.add(master);
            master.start();
            Map<String, String> env = Map.of("HYBRIDDB_FALKOR_MASTER_PORT", Integer.toString(masterPort),
                    "HYBRIDDB_SENTINEL_MASTER", MASTER_NAME, "HYBRIDDB_SENTINEL_QUORUM", Integer.toString(quorum));
            for (int i = 0; i < replicas; i++) {
                int port = TestServices.freePort();
                FalkorService r = new FalkorService("127.0.0.1", port, FalkorService.scriptController(script, port, "falkor-replica", env));
                servers.add(r);
                r.start();
            }
            for (int i = 0; i < sentinelCount; i++) {
                int port = TestServices.freePort();
                FalkorService s = new FalkorService("127.0.0.1", port, FalkorService.scriptController(script, port, "falkor-sentinel", env));
                sentinels.add(s);
                s.start();
            }
            awaitReplicasOnline(Duration.ofSeconds(30));
            awaitSentinelsSeeReplicas(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Every data server (the first started as the master, then the replicas). */
    public List<FalkorService> servers() {
        return List.copyOf(servers);
    }

    public List<FalkorService> sentinels() {
        return List.copyOf(sentinels);
    }

    /** The data server the Sentinels name as the master now. */
    public FalkorService currentMaster() {
        int port = masterPort();
        return servers.stream().filter(s -> s.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Sentinels name an unknown master port " + port));
    }

    /** The master's port, as the first Sentinel that answers says. */
    public int masterPort() {
        for (FalkorService s : sentinels) {
            try {
                List<?> addr = (List<?>) Resp.call(s.host(), s.port(), "SENTINEL", "get-master-addr-by-name", MASTER_NAME);
                return Integer.parseInt((String) addr.get(1));
            } catch (RuntimeException e) {
                // next Sentinel
            }
        }
        throw new IllegalStateException("no Sentinel answers");
    }

    /** Waits until a Sentinel names a master other than {@code old} and that server answers as a master. */
    public FalkorService awaitFailoverFrom(FalkorService old, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                FalkorService m = currentMaster();
                if (m.port() != old.port() && role(m).equals("master")) {
                    return m;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            FalkorService.sleep(100);
        }
        throw new IllegalStateException("no failover away from " + old + " within " + timeout);
    }

    /** The {@code role} line of {@code INFO replication}. */
    public static String role(FalkorService server) {
        return info(server, "role");
    }

    /** One field of a server's {@code INFO replication}. */
    public static String info(FalkorService server, String field) {
        String info = (String) Resp.call(server.host(), server.port(), "INFO", "replication");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new IllegalStateException(server + " has no " + field + " in INFO replication");
    }

    private void awaitReplicasOnline(Duration timeout) {
        FalkorService master = servers.get(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (FalkorService r : servers.subList(1, servers.size())) {
            while (!"up".equals(info(r, "master_link_status"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(r + " did not connect to its master " + master);
                }
                FalkorService.sleep(100);
            }
        }
    }

    private void awaitSentinelsSeeReplicas(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (FalkorService s : sentinels) {
            while (((List<?>) Resp.call(s.host(), s.port(), "SENTINEL", "replicas", MASTER_NAME)).size() < servers.size() - 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(s + " does not see the replicas of " + MASTER_NAME);
                }
                FalkorService.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        for (FalkorService s : sentinels) {
            stopQuietly(s);
        }
        for (FalkorService s : servers) {
            stopQuietly(s);
        }
    }

    private static void stopQuietly(FalkorService s) {
        try {
            s.stop();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
