package dev.hybriddb.examples;

import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import dev.hybriddb.sync.WalCapture;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/**
 * Real-time sync without triggers: the tables are published instead, WalCapture reads their
 * changes from a logical replication slot into the outbox, and RealtimeSync projects them as
 * usual. Needs {@code wal_level=logical} and an owner role with the REPLICATION attribute. At the
 * end the tables go back to the outbox triggers and the slot is dropped.
 */
public final class WalCaptureExample {
    private WalCaptureExample() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, boolean projected, long capturedRows, String modeAfter) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor()).build()) {
            db.migrate();
            GraphBackend graph = db.graph().orElseThrow();
            UUID tenant = UUID.randomUUID();
            UUID ada = db.withTenant(tenant, s -> {
                Workspace.tenant(s, "WAL capture");
                return Workspace.agent(s, "Ada", "coder", null, "java");
            });
            PostgresSync.create(db.database(), graph).syncWorkspace(tenant);

            // tag::walcapture[]
            Database owner = Database.of(settings.ownerDataSource());
            WalCapture.install(owner);                  // slot + publication; the outbox triggers go
            try (WalCapture capture = WalCapture.builder(owner,
                         WalCapture.replicationVia(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword())).build();
                 RealtimeSync realtime = RealtimeSync.builder(owner,
                         RealtimeSync.listenVia(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword()), graph).build()) {
                capture.start();                        // WAL -> outbox (and a NOTIFY per batch)
                realtime.start();                       // outbox -> graph, as with triggers
                // end::walcapture[]
                capture.awaitCaughtUp(Duration.ofSeconds(30));    // streaming from the slot
                out.println("1. Switched to WAL capture: the tables have no outbox triggers; reading the slot from " + capture.confirmedLsn());
                long t0 = System.nanoTime();
                UUID task = db.withTenant(tenant, s -> Workspace.task(s, "Ship the release", ada, "java"));
                boolean projected = RealtimeSyncExample.await(() -> RealtimeSyncExample.count(graph, GraphNames.forTenant(tenant),
                        "MATCH (:Agent)-[:ASSIGNED_TO]->(t:Task {id: $id}) RETURN count(t) AS n", task) == 1);
                out.printf("2. Inserted a task; WalCapture read it from the WAL and the graph had it after %d ms: %s%n",
                        (System.nanoTime() - t0) / 1_000_000, projected);
                capture.awaitCaughtUp(Duration.ofSeconds(30));
                long rows = capture.capturedRows();
                out.println("3. WalCapture wrote " + rows + " outbox row(s), confirmed up to " + capture.confirmedLsn());
                WalCapture.uninstall(owner);            // back to triggers; the running capture reads what is left
                capture.awaitCaughtUp(Duration.ofSeconds(30));
                realtime.stop();
                capture.stop();
                WalCapture.dropSlot(owner);
                String mode = db.database().inTransaction(c -> {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM pg_trigger WHERE tgname = 'tasks_hybriddb_outbox'");
                         var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) == 1 ? "triggers" : "wal";
                    }
                });
                out.println("4. Switched back to the outbox triggers (" + mode + ") and dropped the slot");
                return new Result(tenant, projected, rows, mode);
            }
        }
    }
}
