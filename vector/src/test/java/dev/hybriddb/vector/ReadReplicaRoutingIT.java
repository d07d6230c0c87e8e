package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.CoordinationMode;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresPair;
import dev.hybriddb.testing.TestServices;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read routing against a real streaming standby (a private primary/standby pair): with the
 * standby as the facade's read data source, document searches and the coordinator's SQL answers
 * read the standby (while its replay is paused they miss what the primary has since committed),
 * every write reaches the primary, and a task the standby does not have yet is still found.
 */
class ReadReplicaRoutingIT {
    static PostgresPair pair;
    static HikariDataSource readPool;
    static HybridDB db;

    @BeforeAll
    static void setUp() {
        pair = TestServices.privatePostgresPair();
        var pg = pair.service();
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pair.standby().jdbcUrl());
        hc.setUsername(pg.appUser());
        hc.setPassword(pg.appPassword());
        hc.setMaximumPoolSize(2);
        hc.setMinimumIdle(0);
        hc.setReadOnly(true);
        readPool = new HikariDataSource(hc);
        // tag::read-routing[]
        db = HybridDB.builder()
                .config(HybridConfig.builder().url(pair.multiHostUrl()).user(pg.appUser()).password(pg.appPassword())
                        .minPoolSize(0).maxPoolSize(3).build())
                .readDataSource(readPool)                   // a read-only pool on the standby, same application role
                .installPlugin(new VectorPlugin(new WordEmbedder()))
                .build();
        // end::read-routing[]
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
        if (readPool != null) {
            readPool.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void lagTolerantReadsGoToTheStandbyAndWritesToThePrimary() throws Exception {
        assertThat(inRecovery(db.readDatabase())).as("the read data source is the standby").isTrue();
        assertThat(inRecovery(db.database())).as("the pool is the primary").isFalse();

        UUID t = db.createTenant(TenantFields.of("Replica", "replica-" + UUID.randomUUID())).id();
        DocumentStore docs = db.service(DocumentStore.class);
        UUID runbook = docs.add(t, NewDocument.of("restore a backup with pg_restore"));
        UUID task = db.withTenant(t, s -> s.tasks().create(TaskFields.of("Parse the logs", List.of("java"))).id());
        UUID first = db.withTenant(t, s -> s.agents().create(AgentFields.of("first", AgentRole.WORKER, "m", List.of("java"))).id());
        await("the standby to replay the first writes", () -> hits(docs, t, "restore backup").contains(runbook)
                && agents(t, task).contains(first));

        pair.superuserExec(pair.standbyPort(), "SELECT pg_wal_replay_pause()");
        try {
            // writes while the standby replays nothing: they reach the primary (the standby is read-only)
            UUID plant = docs.add(t, NewDocument.of("water the office plant"));
            UUID second = db.withTenant(t, s -> s.agents().create(AgentFields.of("second", AgentRole.WORKER, "m", List.of("java"))).id());
            UUID newTask = db.withTenant(t, s -> s.tasks().create(TaskFields.of("Fresh task", List.of("java"))).id());

            assertThat(hits(docs, t, "water office plant")).as("search reads the paused standby").doesNotContain(plant);
            List<UUID> inScope = db.withTenant(t, s -> s.attach(TenantDocuments.class)
                    .search("water office plant", SearchOptions.topK(3)).stream().map(m -> m.document().id()).toList());
            assertThat(inScope).as("a search inside tenant work runs in its transaction, on the primary").contains(plant);
            assertThat(db.coordinator().mode()).isEqualTo(CoordinationMode.SQL_ONLY);
            assertThat(agents(t, task)).as("the coordinator's SQL answer comes from the standby").contains(first).doesNotContain(second);
            assertThat(agents(t, newTask)).as("a task the standby lacks is looked up on the primary").contains(first, second);
        } finally {
            pair.superuserExec(pair.standbyPort(), "SELECT pg_wal_replay_resume()");
        }
        await("the standby to catch up", () -> hits(docs, t, "water office plant").size() > 0
                && agents(t, task).size() == 2);
    }

    @Test
    void aConfiguredReadUrlOpensAReadOnlyPoolOnTheStandby() {
        var pg = pair.service();
        HybridConfig config = HybridConfig.builder().url(pair.multiHostUrl()).user(pg.appUser()).password(pg.appPassword())
                .readUrl(pair.standby().jdbcUrl()).minPoolSize(0).maxPoolSize(2).poolName("routing-read-url").build();
        try (HybridDB other = HybridDB.builder().config(config).discoverPlugins(false).build()) {
            assertThat(inRecovery(other.readDatabase())).isTrue();
            assertThat(inRecovery(other.database())).isFalse();
            assertThat(other.config().toString()).contains("password=****", "readUrl=" + pair.standby().jdbcUrl());
        }
    }

    private static List<UUID> hits(DocumentStore docs, UUID t, String text) {
        return docs.search(t, text, SearchOptions.topK(3)).stream().filter(m -> m.distance() < 0.9)
                .map(m -> m.document().id()).toList();
    }

    private static List<UUID> agents(UUID t, UUID task) {
        return db.coordinator().rankAgentsForTask(t, task).stream().map(AgentAssignment::agentId).toList();
    }

    private static boolean inRecovery(dev.hybriddb.Database d) {
        return d.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
