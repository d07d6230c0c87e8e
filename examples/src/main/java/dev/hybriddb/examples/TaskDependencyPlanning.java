package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.TenantScope;
import dev.hybriddb.coordination.DependencyRef;
import dev.hybriddb.coordination.TaskDependencies;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.model.TaskDependencyFields;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Task-dependency planning: tasks and their DEPENDS_ON edges live in PostgreSQL, the graph
 * answers transitive blockedBy / blocking / canStart, and the plan runs in waves of tasks that can
 * start. A HybridDB without a graph backend answers the same questions from PostgreSQL, with the
 * same result.
 */
public final class TaskDependencyPlanning {
    private TaskDependencyPlanning() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, List<List<String>> waves, List<String> releaseBlockedBy, boolean sqlAgrees) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor())
                .sync(SyncMode.MANUAL).build();
             HybridDB sqlOnly = HybridDB.builder().config(settings.hybridConfig()).build()) {   // no graph: SQL answers
            db.migrate();
            UUID tenant = db.createTenant(TenantFields.of("Planning", "planning-" + UUID.randomUUID())).id();
            Map<String, UUID> tasks = new LinkedHashMap<>();
            db.useTenant(tenant, s -> {
                for (String title : List.of("design", "implement", "write docs", "test", "release")) {
                    tasks.put(title, s.tasks().create(TaskFields.of(title, List.of())).id());
                }
                dependsOn(s, tasks, "implement", "design");   // implement waits for design
                dependsOn(s, tasks, "write docs", "design");
                dependsOn(s, tasks, "test", "implement");
                dependsOn(s, tasks, "release", "test");
                dependsOn(s, tasks, "release", "write docs");
            });
            db.sync().syncWorkspace(tenant);

            // tag::dependencies[]
            TaskDependencies release = db.coordinator().getTaskDependencies(tenant, tasks.get("release"));
            // release.blockedBy(): test, write docs (direct), implement, design (transitive); canStart() false
            // end::dependencies[]
            List<String> blockers = release.blockedBy().stream().map(DependencyRef::title).toList();
            out.println("1. 'release' is blocked by " + describe(release.blockedBy()) + "; can start: " + release.canStart()
                    + " (answered by " + db.coordinator().mode() + ")");
            boolean agrees = release.equals(sqlOnly.coordinator().getTaskDependencies(tenant, tasks.get("release")));
            out.println("2. The SQL answer (" + sqlOnly.coordinator().mode() + ") is the same: " + agrees);

            List<List<String>> waves = new ArrayList<>();
            while (waves.stream().mapToInt(List::size).sum() < tasks.size()) {
                List<String> wave = new ArrayList<>();
                for (Map.Entry<String, UUID> t : tasks.entrySet()) {
                    boolean done = waves.stream().anyMatch(w -> w.contains(t.getKey()));
                    if (!done && db.coordinator().getTaskDependencies(tenant, t.getValue()).canStart()) {
                        wave.add(t.getKey());
                    }
                }
                if (wave.isEmpty()) {
                    throw new IllegalStateException("no task can start: a dependency cycle?");
                }
                db.useTenant(tenant, s -> wave.forEach(title -> s.tasks().updateStatus(tasks.get(title), TaskStatus.COMPLETED)));
                wave.forEach(title -> db.sync().syncTask(tenant, tasks.get(title)));
                waves.add(wave);
                out.println((waves.size() + 2) + ". Wave " + waves.size() + ": " + wave + " can start; done");
            }
            return new Result(tenant, waves, blockers, agrees);
        }
    }

    private static void dependsOn(TenantScope s, Map<String, UUID> tasks, String task, String blocker) {
        s.taskDependencies().create(TaskDependencyFields.of(tasks.get(task), tasks.get(blocker)));
    }

    private static String describe(List<DependencyRef> refs) {
        return refs.stream().map(r -> r.title() + (r.direct() ? " (direct)" : " (distance " + r.distance() + ")")).toList().toString();
    }
}
