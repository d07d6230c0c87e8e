package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Real-time sync: the application only writes PostgreSQL; triggers fill the outbox in the same
 * transaction and a background consumer, started by {@code HybridDB.builder().sync(SyncMode.REALTIME)}
 * and stopped by {@code close()}, projects the changes into the graph within milliseconds. While no
 * consumer runs, changes wait in the outbox and are applied when one starts again.
 *
 * <p>The graph is read through typed questions only: the coordinator's overview of a project
 * manager's team and the reconciler's comparison with PostgreSQL. The building blocks behind the
 * facade ({@link dev.hybriddb.sync.RealtimeSync}, {@link dev.hybriddb.sync.PostgresSync}) stay
 * public for applications that assemble the consumer themselves.
 */
public final class RealtimeSyncExample {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MODEL = "kimi-k2.5";

    private RealtimeSyncExample() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, long appliedWhileRunning, boolean caughtUpAfterRestart, boolean deletionProjected) {}

    /** The tenant, its project manager and the coder whose tasks the example writes. */
    private record Team(UUID tenant, UUID pm, UUID ada) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        Team team;
        UUID first;
        long applied;
        // tag::realtime[]
        try (HybridDB db = HybridDB.builder()
                .config(settings.hybridConfig())              // its owner role reads the outbox
                .graph(settings.falkor())
                .sync(SyncMode.REALTIME)                      // triggers fill the outbox, a consumer applies it
                .build()) {
            db.migrate();                                     // on a new database the consumer starts here
            // end::realtime[]
            team = createTeam(db);
            UUID tenant = team.tenant();
            UUID ada = team.ada();
            long t0 = System.nanoTime();
            // tag::realtime-write[]
            first = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Ship the release", List.of("java"))
                    .withAssignedAgentId(ada)).id());         // a PostgreSQL write, nothing else
            db.sync().awaitCaughtUp(Duration.ofSeconds(15));  // the consumer applied every change committed so far
            SyncStatus status = db.sync().status();           // applied, backlog, lag, last error
            // end::realtime-write[]
            out.printf("1. Created a task in PostgreSQL only; it was in the graph after %d ms (Pat's team in the graph: %d task)%n",
                    (System.nanoTime() - t0) / 1_000_000, graphTasks(db, team));
            applied = status.applied();
        }                                                     // close() stops the consumer

        try (HybridDB app = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor()).build()) {
            app.useTenant(team.tenant(), s -> {                // an instance without a sync mode runs no consumer
                for (int i = 1; i <= 3; i++) {
                    s.tasks().create(TaskFields.of("Written while the consumer is down " + i, List.of("java"))
                            .withAssignedAgentId(team.ada()));
                }
            });
            out.println("2. Consumer stopped; wrote 3 tasks: the graph still has " + graphTasks(app, team) + " task(s), "
                    + app.sync().reconcile(team.tenant()).drifted() + " nodes and edges behind PostgreSQL; the changes wait in the outbox");
        }

        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor())
                .sync(SyncMode.REALTIME).build()) {            // a new consumer drains the outbox first
            boolean caughtUp = db.sync().awaitCaughtUp(WAIT) && graphTasks(db, team) == 4;
            out.println("3. Consumer restarted: the graph caught up to " + graphTasks(db, team) + " tasks");

            db.useTenant(team.tenant(), s -> s.tasks().delete(first));
            boolean deleted = db.sync().awaitCaughtUp(WAIT) && graphTasks(db, team) == 3 && db.sync().reconcile(team.tenant()).wasClean();
            out.println("4. Deleted the first task in PostgreSQL; removed from the graph: " + deleted);
            SyncStatus status = db.sync().status();
            out.println("   The consumers applied " + (applied + status.applied()) + " outbox rows, errors: " + status.errors());
            return new Result(team.tenant(), applied, caughtUp, deleted);
        }
    }

    private static Team createTeam(HybridDB db) {
        UUID tenant = db.createTenant(TenantFields.of("Realtime", "realtime-" + UUID.randomUUID())).id();
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
