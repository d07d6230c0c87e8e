package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.coordination.DependencyRef;
import dev.hybriddb.coordination.TaskDependencies;
import dev.hybriddb.sync.PostgresSync;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Task-dependency planning: tasks and their DEPENDS_ON edges live in PostgreSQL, the graph
 * answers transitive blockedBy / blocking / canStart, and the plan runs in waves of tasks that can
 * start. The SQL fallback gives the same answers as the graph.
 */
public final class TaskDependencyPlanning {
    private TaskDependencyPlanning() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, List<List<String>> waves, List<String> releaseBlockedBy, boolean sqlAgrees) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor()).build()) {
            db.migrate();
            UUID tenant = UUID.randomUUID();
            Map<String, UUID> tasks = new LinkedHashMap<>();
            db.useTenant(tenant, s -> {
                Workspace.tenant(s, "Planning");
                for (String title : List.of("design", "implement", "write docs", "test", "release")) {
                    tasks.put(title, Workspace.task(s, title, null));
                }
                Workspace.dependsOn(s, tasks.get("implement"), tasks.get("design"));   // implement waits for design
                Workspace.dependsOn(s, tasks.get("write docs"), tasks.get("design"));
                Workspace.dependsOn(s, tasks.get("test"), tasks.get("implement"));
                Workspace.dependsOn(s, tasks.get("release"), tasks.get("test"));
                Workspace.dependsOn(s, tasks.get("release"), tasks.get("write docs"));
            });
            PostgresSync sync = PostgresSync.create(db.database(), db.graph().orElseThrow());
            sync.syncWorkspace(tenant);
            Coordinator graph = Coordinator.of(db.database(), db.graph().orElseThrow());
            Coordinator sqlOnly = Coordinator.builder(db.database()).build();

            // tag::dependencies[]
            TaskDependencies release = graph.getTaskDependencies(tenant, tasks.get("release"));
            // release.blockedBy(): test, write docs (direct), implement, design (transitive); canStart() false
            // end::dependencies[]
            List<String> blockers = release.blockedBy().stream().map(DependencyRef::title).toList();
            out.println("1. 'release' is blocked by " + describe(release.blockedBy()) + "; can start: " + release.canStart());
            boolean agrees = release.equals(sqlOnly.getTaskDependencies(tenant, tasks.get("release")));
            out.println("2. The SQL fallback gives the same answer: " + agrees);

            List<List<String>> waves = new ArrayList<>();
            while (waves.stream().mapToInt(List::size).sum() < tasks.size()) {
                List<String> wave = new ArrayList<>();
                for (Map.Entry<String, UUID> t : tasks.entrySet()) {
                    boolean done = waves.stream().anyMatch(w -> w.contains(t.getKey()));
                    if (!done && graph.getTaskDependencies(tenant, t.getValue()).canStart()) {
                        wave.add(t.getKey());
                    }
                }
                if (wave.isEmpty()) {
                    throw new IllegalStateException("no task can start: a dependency cycle?");
                }
                db.useTenant(tenant, s -> {
                    wave.forEach(title -> s.dsl().execute("UPDATE tasks SET status = 'completed' WHERE id = ?", tasks.get(title)));
                });
                wave.forEach(title -> sync.syncTask(tenant, tasks.get(title)));
                waves.add(wave);
                out.println((waves.size() + 2) + ". Wave " + waves.size() + ": " + wave + " can start; done");
            }
            return new Result(tenant, waves, blockers, agrees);
        }
    }

    private static String describe(List<DependencyRef> refs) {
        return refs.stream().map(r -> r.title() + (r.direct() ? " (direct)" : " (distance " + r.distance() + ")")).toList().toString();
    }
}
