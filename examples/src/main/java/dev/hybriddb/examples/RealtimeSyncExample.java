package dev.hybriddb.examples;

import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Real-time sync: the application only writes PostgreSQL; triggers fill the outbox in the same
 * transaction and RealtimeSync projects the changes into the graph within milliseconds. While
 * the consumer is stopped, changes wait in the outbox and are applied when it starts again.
 */
public final class RealtimeSyncExample {
    private RealtimeSyncExample() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, long appliedWhileRunning, boolean caughtUpAfterRestart, boolean deletionProjected) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor()).build()) {
            db.migrate();
            GraphBackend graph = db.graph().orElseThrow();
            UUID tenant = UUID.randomUUID();
            String graphName = GraphNames.forTenant(tenant);
            UUID ada = db.withTenant(tenant, s -> {
                Workspace.tenant(s, "Realtime");
                return Workspace.agent(s, "Ada", "coder", null, "java");
            });
            PostgresSync.create(db.database(), graph).syncWorkspace(tenant);   // the starting point

            // tag::realtime[]
            RealtimeSync realtime = RealtimeSync.builder(
                            Database.of(settings.ownerDataSource()),          // reads the outbox: owner role
                            RealtimeSync.listenVia(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword()),
                            graph)
                    .pollInterval(Duration.ofMillis(500))
                    .build();
            realtime.start();
            // end::realtime[]
            long t0 = System.nanoTime();
            UUID task = db.withTenant(tenant, s -> {
                return Workspace.task(s, "Ship the release", ada, "java");   // plain PostgreSQL write
            });
            await(() -> count(graph, graphName, "MATCH (:Agent)-[:ASSIGNED_TO]->(t:Task {id: $id}) RETURN count(t) AS n", task) == 1);
            out.printf("1. Inserted a task in PostgreSQL; its node and ASSIGNED_TO edge were in the graph after %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);

            realtime.stop();
            db.useTenant(tenant, s -> {
                for (int i = 1; i <= 3; i++) {
                    Workspace.task(s, "Written while the consumer is down " + i, null);
                }
            });
            long before = count(graph, graphName, "MATCH (t:Task) RETURN count(t) AS n", null);
            out.println("2. Consumer stopped; wrote 3 tasks: the graph still has " + before + " task(s), the changes wait in the outbox");

            realtime.start();
            boolean caughtUp = await(() -> count(graph, graphName, "MATCH (t:Task) RETURN count(t) AS n", null) == 4);
            out.println("3. Consumer restarted: the graph caught up to " + count(graph, graphName, "MATCH (t:Task) RETURN count(t) AS n", null) + " tasks");

            db.useTenant(tenant, s -> {
                s.dsl().execute("DELETE FROM tasks WHERE id = ?", task);
            });
            boolean deleted = await(() -> count(graph, graphName, "MATCH (t:Task {id: $id}) RETURN count(t) AS n", task) == 0);
            out.println("4. Deleted the first task in PostgreSQL; removed from the graph: " + deleted);
            long applied = realtime.metrics().applied();
            out.println("   RealtimeSync applied " + applied + " outbox rows, errors: " + realtime.metrics().errors());
            realtime.close();
            return new Result(tenant, applied, caughtUp, deleted);
        }
    }

    static long count(GraphBackend graph, String graphName, String cypher, UUID id) {
        Map<String, Object> params = id == null ? Map.of() : Map.of("id", id.toString());
        return graph.query(graphName, cypher, params).get(0).getLong("n");
    }

    /** Polls until the condition holds, at most 15 s. */
    static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
