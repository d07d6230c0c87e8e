package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.examples.migration.MigrateFromSqlite;
import dev.hybriddb.examples.migration.sqlite.DashAgent;
import dev.hybriddb.examples.migration.sqlite.DashSwarm;
import dev.hybriddb.examples.migration.sqlite.SqliteDash;
import dev.hybriddb.migrate.MigrationSettings;
import dev.hybriddb.migrate.RepairResult;
import dev.hybriddb.migrate.SourceOfTruth;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Swarm;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateFromSqliteIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_sqlite");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void movesSwarmsAndAgentsThroughTheRepositoriesAndRollsBackWithNothingLost(@TempDir Path dir) {
        Path file = dir.resolve("dash.db");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MigrateFromSqlite.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = MigrateFromSqlite.run(Examples.settings(db), out, file,
                    MigrationSettings.fromEnvironment(Map.of("DUAL_WRITE_MODE", "true", "READ_FROM_POSTGRES_PERCENT", "0")));
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("3 swarms, 12 agents").contains("Backfilled 3 swarms and 12 agents")
                .contains("different [agent-11]").contains("consistent now: true").contains("READ_FROM_POSTGRES_PERCENT=100: 100%");
        assertThat(r.swarmsMoved()).isEqualTo(3);
        assertThat(r.agentsMoved()).isEqualTo(12);
        assertThat(r.drift().different()).containsExactly("agent-11");
        assertThat(r.drift().onlyInLegacy()).isEmpty();
        assertThat(r.consistentAtCutOver()).isTrue();
        assertThat(r.postgresShareAtHalf()).isBetween(0.0, 1.0);
        assertThat(r.agentsInPostgresAfterCutOver()).isEqualTo(13);
        assertThat(r.agentsInSqliteBeforeRollback()).isEqualTo(12);            // not written after the cut-over
        assertThat(r.rollback()).isEqualTo(new RepairResult(SourceOfTruth.POSTGRES, 1, 0));
        assertThat(r.agentsInSqliteAfterRollback()).isEqualTo(13);             // the agent written after the cut-over is back

        try (SqliteDash legacy = SqliteDash.open(file)) {
            assertThat(legacy.agents().read("agent-99")).get().extracting(DashAgent::task).isEqualTo("Written after the cut-over");
            assertThat(legacy.agents().read("agent-02")).get().extracting(DashAgent::status).isEqualTo("paused");
            assertThat(legacy.agents().read("agent-11")).get().extracting(DashAgent::task).isEqualTo("Forgotten write path");
        }
        // what the repositories hold: rows with HybridDB's ids, the SQLite id in their metadata, agents in their swarms
        try (HybridDB hdb = HybridDB.builder().config(Examples.settings(db).hybridConfig()).build()) {
            List<Swarm> swarms = hdb.withTenant(r.tenantId(), s -> s.swarms().list(Page.first(10)));
            List<Agent> agents = hdb.withTenant(r.tenantId(), s -> s.agents().list(Page.first(100)));
            assertThat(swarms).extracting(s -> s.metadata().get("legacy_id")).containsExactlyInAnyOrder("swarm-0", "swarm-1", "swarm-2");
            assertThat(agents).hasSize(13).allSatisfy(a -> assertThat(swarms).extracting(Swarm::id).contains(a.swarmId()));
            assertThat(agents).filteredOn(a -> "agent-02".equals(a.metadata().get("legacy_id"))).singleElement()
                    .extracting(Agent::status).isEqualTo(AgentStatus.PAUSED);
        }
    }

    @Test
    void theSqliteSidesRoundTripNullsUpdatesAndDeletes(@TempDir Path dir) {
        try (SqliteDash dash = SqliteDash.open(dir.resolve("t.db"))) {
            DashSwarm s = new DashSwarm("s", "Swarm", "active");
            dash.swarms().write(s);
            DashAgent a = new DashAgent("a", "s", "Agent", null, null, "idle");
            dash.agents().write(a);
            assertThat(dash.agents().read("a")).contains(a);
            dash.agents().write(a.withStatus("paused"));
            assertThat(dash.agents().readAll()).containsExactly(a.withStatus("paused"));
            assertThat(dash.agents().delete("a")).isTrue();
            assertThat(dash.agents().delete("a")).isFalse();
            assertThat(dash.swarms().readAll()).containsExactly(s);
            dash.swarms().write(new DashSwarm("'; DROP TABLE swarms; --", "x", "active"));
            assertThat(dash.swarms().readAll()).hasSize(2);
        }
    }
}
