package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskDependencyFields;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TenantFields;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * Multi-tenant isolation: row-level security on every tenant table (the application role cannot
 * bypass it), a transaction-local tenant setting that {@code withTenant} sets and that no work can
 * run without, and one graph per tenant, since graph stores have no row security.
 */
public final class MultiTenantIsolation {
    private static final String MODEL = "kimi-k2.5";

    private MultiTenantIsolation() {}

    /** The outcome, for tests. */
    public record Result(UUID acme, UUID globex, long acmeSeesAgents, boolean crossTenantReadEmpty,
                         boolean crossTenantWriteRefused, boolean withoutTenantRefused, long unknownTenantSees,
                         long acmeGraphAgents, boolean coordinatorRefusesForeignTask) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor())
                .sync(SyncMode.MANUAL).build()) {
            db.migrate();
            UUID acme = db.createTenant(TenantFields.of("Acme", "acme-" + UUID.randomUUID())).id();
            UUID globex = db.createTenant(TenantFields.of("Globex", "globex-" + UUID.randomUUID())).id();
            Task acmeTask = db.withTenant(acme, s -> {
                s.agents().create(AgentFields.of("Ada", AgentRole.CODER, MODEL, List.of("java")));
                s.agents().create(AgentFields.of("Alan", AgentRole.REVIEWER, MODEL, List.of("java")));
                return s.tasks().create(TaskFields.of("Acme roadmap", List.of("java")));
            });
            Task globexTask = db.withTenant(globex, s -> {
                s.agents().create(AgentFields.of("Grace", AgentRole.CODER, MODEL, List.of("cobol")));
                return s.tasks().create(TaskFields.of("Globex secret plan", List.of("cobol")));
            });

            // tag::tenant-scope[]
            long acmeAgents = db.withTenant(acme, s -> s.agents().count());   // RLS: only Acme's rows
            // end::tenant-scope[]
            out.println("1. Acme sees " + acmeAgents + " agents (Globex has its own)");

            boolean readEmpty = db.withTenant(acme, s -> s.tasks().findById(globexTask.id()).isEmpty());
            out.println("2. Acme reading Globex's task by its id finds nothing: " + readEmpty);

            boolean refused = refusesCrossTenantWrites(db, acme, acmeTask, globexTask, out);

            boolean withoutTenantRefused;
            try {
                db.withTenant(null, s -> s.agents().count());
                withoutTenantRefused = false;
            } catch (InvalidInputException e) {
                withoutTenantRefused = true;
            }
            long unknown = db.withTenant(UUID.randomUUID(), s -> s.agents().count() + s.tasks().count());
            out.println("4. Work without a tenant is refused: " + withoutTenantRefused
                    + "; a tenant id nobody created sees " + unknown + " rows");

            db.sync().syncWorkspace(acme);
            db.sync().syncWorkspace(globex);
            List<AgentAssignment> ranked = db.coordinator().rankAgentsForTask(acme, acmeTask.id());   // asked of Acme's graph
            out.println("5. Each tenant has its own graph: " + db.sync().graphOf(acme) + " ranks " + ranked.size()
                    + " agents for Acme's task " + ranked.stream().map(AgentAssignment::name).toList()
                    + "; Globex's are in " + db.sync().graphOf(globex));

            boolean coordinatorRefuses;
            try {
                db.coordinator().getTaskDependencies(acme, globexTask.id());
                coordinatorRefuses = false;
            } catch (NotFoundException e) {
                coordinatorRefuses = true;
            }
            out.println("6. Coordination queries for Acme cannot reach Globex's task: " + coordinatorRefuses);
            return new Result(acme, globex, acmeAgents, readEmpty, refused, withoutTenantRefused, unknown, ranked.size(),
                    coordinatorRefuses);
        }
    }

    /** Acme changing Globex's task, or linking its own task to it, is refused; nothing is written. */
    private static boolean refusesCrossTenantWrites(HybridDB db, UUID acme, Task acmeTask, Task globexTask, PrintStream out) {
        boolean updateRefused;
        try {
            db.useTenant(acme, s -> s.tasks().updateStatus(globexTask.id(), TaskStatus.ABORTED));
            updateRefused = false;
        } catch (NotFoundException e) {
            updateRefused = true;
        }
        String link;
        try {
            db.useTenant(acme, s -> s.taskDependencies().create(TaskDependencyFields.of(acmeTask.id(), globexTask.id())));
            link = null;
        } catch (HybridDBException e) {
            link = e.getClass().getSimpleName();
        }
        out.println("3. Acme changing Globex's task is refused: " + updateRefused
                + "; linking its own task to it is refused: " + (link != null) + (link != null ? " (" + link + ")" : ""));
        return updateRefused && link != null;
    }
}
