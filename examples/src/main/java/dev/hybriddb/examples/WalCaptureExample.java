package dev.hybriddb.examples;

import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.sync.capture.WalCapture;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Real-time sync without triggers: with {@code .sync(SyncMode.WAL_CAPTURE)} the tables are
 * published instead, a capture reads their changes from a logical replication slot into the outbox,
 * and the consumer projects them as usual. Needs {@code wal_level=logical} and an owner role with
 * the REPLICATION attribute. At the end a HybridDB in {@code REALTIME} mode puts the outbox
 * triggers back, and the slot, which would otherwise keep the server's WAL, is dropped.
 *
 * <p>The facade assembles {@link WalCapture} and {@link dev.hybriddb.sync.RealtimeSync}; both stay
 * public for applications that run them on their own.
 */
public final class WalCaptureExample {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MODEL = "kimi-k2.5";

    private WalCaptureExample() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, boolean projected, long appliedFromWal, SyncMode modeAfter, boolean triggersProjected) {}

    /** The tenant, its project manager and the coder whose tasks the example writes. */
    private record Team(UUID tenant, UUID pm, UUID ada) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        Team team;
        boolean projected;
        long applied;
        // tag::walcapture[]
        try (HybridDB db = HybridDB.builder()
                .config(settings.hybridConfig())      // the owner role needs REPLICATION; wal_level=logical
                .graph(settings.falkor())
                .sync(SyncMode.WAL_CAPTURE)           // slot + publication instead of the outbox triggers
                .build()) {                           // WAL -> outbox -> graph, both started here
            db.migrate();
            // end::walcapture[]
            team = createTeam(db);
            db.sync().awaitCaughtUp(WAIT);
            out.println("1. Switched to WAL capture (" + db.sync().status().mode()
                    + "): the tables have no outbox triggers; their changes are read from a replication slot");
            long t0 = System.nanoTime();
            db.useTenant(team.tenant(), s -> s.tasks().create(
                    TaskFields.of("Ship the release", List.of("java")).withAssignedAgentId(team.ada())));
            projected = db.sync().awaitCaughtUp(WAIT) && graphTasks(db, team) == 1;
            out.printf("2. Inserted a task; the capture read it from the WAL and the graph had it after %d ms: %s%n",
                    (System.nanoTime() - t0) / 1_000_000, projected);
            SyncStatus status = db.sync().status();
            applied = status.applied();
            out.println("3. The consumer applied " + applied + " change(s) captured from the WAL, errors: " + status.errors());
        }                                             // close() stops the capture and the consumer

        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor())
                .sync(SyncMode.REALTIME).build()) {   // back to the outbox triggers
            WalCapture.dropSlot(Database.of(settings.ownerDataSource()));   // nothing reads the slot any more
            db.useTenant(team.tenant(), s -> s.tasks().create(
                    TaskFields.of("Write the release notes", List.of("java")).withAssignedAgentId(team.ada())));
            boolean viaTriggers = db.sync().awaitCaughtUp(WAIT) && graphTasks(db, team) == 2;
            SyncMode mode = db.sync().status().mode();
            out.println("4. Switched back to the outbox triggers (" + mode + ") and dropped the slot; a new task reached the graph: "
                    + viaTriggers);
            return new Result(team.tenant(), projected, applied, mode, viaTriggers);
        }
    }

    private static Team createTeam(HybridDB db) {
        UUID tenant = db.createTenant(TenantFields.of("WAL capture", "wal-capture-" + UUID.randomUUID())).id();
        return db.withTenant(tenant, s -> {
            Agent pat = s.agents().create(AgentFields.of("Pat", AgentRole.PROJECT_MANAGER, MODEL, List.of("coordination")));
            Agent ada = s.agents().create(AgentFields.of("Ada", AgentRole.CODER, MODEL, List.of("java")).managedBy(pat.id()));
            return new Team(tenant, pat.id(), ada.id());
        });
    }

    /** The tasks of Pat's team, as the graph counts them. */
    private static int graphTasks(HybridDB db, Team team) {
        return db.coordinator().getPMTeamOverview(team.tenant(), team.pm()).totalTasks();
    }
}
