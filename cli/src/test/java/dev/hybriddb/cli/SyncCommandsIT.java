package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sync --full, graph export, reconcile [--repair] and doctor's outbox check, in process. */
class SyncCommandsIT {
    static PostgresService db;
    static Map<String, String> env;
    static final UUID TENANT = UUID.randomUUID();

    @BeforeAll
    static void migrateAndSeed() throws Exception {
        db = TestServices.freshDatabase("cli_sync");
        env = DoctorIT.env(db);
        assertThat(CliRun.run(env, "migrate").status()).isEqualTo(ExitCode.OK);
        try (Connection c = db.openApp()) {
            c.setAutoCommit(false);
            exec(c, "SELECT set_config('hybriddb.tenant_id', ?, true)", TENANT.toString());
            exec(c, "INSERT INTO tenants (id, name, slug, type) VALUES (?, 'Acme', ?, 'enterprise')", TENANT, "acme-" + TENANT);
            UUID swarm = UUID.randomUUID();
            UUID pm = UUID.randomUUID();
            exec(c, "INSERT INTO swarms (id, tenant_id, name) VALUES (?, ?, 'Alpha')", swarm, TENANT);
            exec(c, "INSERT INTO agents (id, tenant_id, swarm_id, name, role) VALUES (?, ?, ?, 'Pat \"PM\"', 'project_manager')", pm, TENANT, swarm);
            exec(c, "INSERT INTO agents (tenant_id, swarm_id, name, role, manager_id) VALUES (?, ?, 'Ada', 'coder', ?)", TENANT, swarm, pm);
            exec(c, "INSERT INTO agents (tenant_id, name, role, manager_id) VALUES (?, 'Linus', 'reviewer', ?)", TENANT, pm);
            c.commit();
        }
    }

    @AfterAll
    static void cleanUp() {
        var f = TestServices.falkor();
        try (FalkorGraph g = FalkorGraph.connect(f.host(), f.port())) {
            g.dropGraph(GraphNames.forTenant(TENANT));
        }
        TestServices.dropDatabase(db);
    }

    static void exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.execute();
        }
    }

    @Test
    void syncExportReconcileRepair() {
        CliRun doctor = CliRun.run(env, "doctor");
        assertThat(doctor.out()).contains("outbox backlog").contains("row(s) waiting")
                .contains("by tenant: " + TENANT);

        CliRun sync = CliRun.run(env, "sync", "--full", "--tenant", TENANT.toString());
        assertThat(sync.status()).as(sync.all()).isEqualTo(ExitCode.OK);
        assertThat(sync.out()).contains("sync: tenant " + TENANT).contains("nodes upserted").doesNotContain("\r");

        CliRun mermaid = CliRun.run(env, "graph", "export", "--tenant", TENANT.toString());
        assertThat(mermaid.status()).as(mermaid.all()).isEqualTo(ExitCode.OK);
        assertThat(mermaid.out()).startsWith("graph LR").contains("Ada (coder)").contains("-->|MANAGES|")
                .contains("-->|MEMBER_OF|").contains("Pat #quot;PM#quot;");
        CliRun dot = CliRun.run(env, "graph", "export", "--format", "dot", "--tenant", TENANT.toString());
        assertThat(dot.out()).startsWith("digraph agents").contains("[label=\"MANAGES\"]").contains("Pat \\\"PM\\\"");

        assertThat(CliRun.run(env, "reconcile", "--tenant", TENANT.toString()).out()).contains("in sync");

        var f = TestServices.falkor();
        try (FalkorGraph g = FalkorGraph.connect(f.host(), f.port())) {
            g.execute(GraphNames.forTenant(TENANT), "MATCH (a:Agent {name: 'Linus'}) DETACH DELETE a", Map.of());
        }
        CliRun drift = CliRun.run(env, "reconcile", "--tenant", TENANT.toString());
        assertThat(drift.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(drift.out()).contains("drifted").contains("Agent").contains("missing 1");

        CliRun repaired = CliRun.run(env, "reconcile", "--repair", "--tenant", TENANT.toString());
        assertThat(repaired.status()).as(repaired.all()).isEqualTo(ExitCode.OK);
        assertThat(repaired.out()).contains("repaired").contains("in sync");

        assertThat(CliRun.run(env, "doctor").out()).contains("1 tenant graph(s) registered");
        CliRun all = CliRun.run(env, "reconcile", "--all-tenants");      // sync --full registered the tenant
        assertThat(all.status()).as(all.all()).isEqualTo(ExitCode.OK);
        assertThat(all.out()).contains("reconcile: tenant " + TENANT).contains("in sync");
    }

    @Test
    void allTenantsNeedsTheOwnerRoleAndExcludesTenant() {
        Map<String, String> appOnly = new java.util.HashMap<>(env);
        appOnly.remove("HYBRIDDB_MIGRATION_USER");
        appOnly.remove("HYBRIDDB_MIGRATION_PASSWORD");
        CliRun noOwner = CliRun.run(appOnly, "sync", "--full", "--all-tenants");
        assertThat(noOwner.status()).isEqualTo(ExitCode.USAGE);
        assertThat(noOwner.err()).contains("--all-tenants").contains("HYBRIDDB_MIGRATION_USER");
        CliRun both = CliRun.run(env, "reconcile", "--all-tenants", "--tenant", TENANT.toString());
        assertThat(both.status()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun neither = CliRun.run(env, "reconcile");
        assertThat(neither.status()).isEqualTo(ExitCode.USAGE);
        assertThat(neither.err()).contains("--tenant").contains("--all-tenants");
    }

    @Test
    void badTenantAndMissingGraphAreReportedClearly() {
        CliRun bad = CliRun.run(env, "sync", "--full", "--tenant", "not-a-uuid");
        assertThat(bad.status()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("not-a-uuid").doesNotContain("\tat ");
        CliRun none = CliRun.run(env, "graph", "export", "--tenant", UUID.randomUUID().toString());
        assertThat(none.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(none.err()).contains("has no graph yet");
        CliRun noGraph = CliRun.run(env, "sync", "--full", "--graph", "none", "--tenant", TENANT.toString());
        assertThat(noGraph.status()).isEqualTo(ExitCode.USAGE);
        assertThat(noGraph.err()).contains("needs a graph");
    }
}
