package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.sync.PostgresSync;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;

/**
 * Multi-tenant isolation: row-level security on every tenant table (the application role cannot
 * bypass it), a transaction-local tenant setting, and one graph per tenant, since graph stores
 * have no row security.
 */
public final class MultiTenantIsolation {
    private MultiTenantIsolation() {}

    /** The outcome, for tests. */
    public record Result(UUID acme, UUID globex, long acmeSeesAgents, boolean crossTenantReadEmpty,
                         boolean crossTenantWriteRefused, long withoutTenantSees, long acmeGraphAgents,
                         boolean coordinatorRefusesForeignTask) {}

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).graph(settings.falkor()).build()) {
            db.migrate();
            UUID acme = UUID.randomUUID();
            UUID globex = UUID.randomUUID();
            db.useTenant(acme, s -> {
                Workspace.tenant(s, "Acme");
                Workspace.agent(s, "Ada", "coder", null, "java");
                Workspace.agent(s, "Alan", "reviewer", null, "java");
            });
            UUID globexTask = db.withTenant(globex, s -> {
                Workspace.tenant(s, "Globex");
                Workspace.agent(s, "Grace", "coder", null, "cobol");
                return Workspace.task(s, "Globex secret plan", null, "cobol");
            });

            // tag::tenant-scope[]
            long acmeAgents = db.withTenant(acme, s -> {
                return (long) s.dsl().fetchCount(s.dsl().selectFrom("agents"));   // RLS: only Acme's rows
            });
            // end::tenant-scope[]
            out.println("1. Acme sees " + acmeAgents + " agents (Globex has its own)");

            boolean readEmpty = db.withTenant(acme, s -> {
                return s.dsl().fetch("SELECT * FROM tasks WHERE id = ?", globexTask).isEmpty();
            });
            out.println("2. Acme reading Globex's task by its id finds nothing: " + readEmpty);

            boolean refused;
            try {
                db.useTenant(acme, s -> {
                    s.dsl().execute("INSERT INTO agents (tenant_id, name) VALUES (?, 'Mallory')", globex);
                });
                refused = false;
            } catch (HybridDBException e) {
                refused = true;
                out.println("3. Acme writing a row for Globex is refused: " + e.getClass().getSimpleName());
            }

            long unscoped = db.database().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM agents")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            out.println("4. Without a tenant the application role sees " + unscoped + " agents");

            GraphBackend graph = db.graph().orElseThrow();
            PostgresSync sync = PostgresSync.create(db.database(), graph);
            sync.syncWorkspace(acme);
            sync.syncWorkspace(globex);
            long acmeGraph = graph.query(GraphNames.forTenant(acme), "MATCH (a:Agent) RETURN count(a) AS n", Map.of()).get(0).getLong("n");
            out.println("5. Each tenant has its own graph: " + GraphNames.forTenant(acme) + " holds " + acmeGraph + " agents");

            boolean coordinatorRefuses;
            try {
                Coordinator.of(db.database(), graph).getTaskDependencies(acme, globexTask);
                coordinatorRefuses = false;
            } catch (NotFoundException e) {
                coordinatorRefuses = true;
            }
            out.println("6. Coordination queries for Acme cannot reach Globex's task: " + coordinatorRefuses);
            return new Result(acme, globex, acmeAgents, readEmpty, refused, unscoped, acmeGraph, coordinatorRefuses);
        }
    }
}
