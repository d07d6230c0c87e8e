package dev.hybriddb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hybriddb.HybridDB;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring Boot application on the real services: Boot's own DataSource (reused by HybridDB),
 * FalkorDB, real-time sync, migrations on start, actuator health and metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:hybriddb-app.properties")
class HybridDBSpringBootTest {
    private static final PostgresService PG = TestServices.freshDatabase("bootapp");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    /** The addresses and credentials of the test services and this test's database (the rest is in hybriddb-app.properties). */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        FalkorService falkor = TestServices.falkor();
        r.add("spring.datasource.url", PG::jdbcUrl);
        r.add("spring.datasource.username", PG::appUser);
        r.add("spring.datasource.password", PG::appPassword);
        r.add("hybriddb.owner.username", PG::adminUser);
        r.add("hybriddb.owner.password", PG::adminPassword);
        r.add("hybriddb.graph.falkordb.host", falkor::host);
        r.add("hybriddb.graph.falkordb.port", falkor::port);
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(PG);
    }

    @Autowired HybridDB db;
    @Autowired DataSource dataSource;
    @Autowired MeterRegistry registry;
    @Autowired PlatformTransactionManager transactions;
    @LocalServerPort int port;

    @Test
    void aRepositoryWriteReachesTheGraphAndHealthIsUp() throws Exception {
        assertThat(db.database().dataSource()).as("Boot's DataSource is reused").isSameAs(dataSource);
        // tag::use[]
        UUID tenant = db.createTenant(TenantFields.of("Boot", "boot-" + UUID.randomUUID())).id();
        Task task = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Ship the starter", List.of("java"))));
        db.sync().awaitCaughtUp(Duration.ofSeconds(30));          // the real-time sync projects it into FalkorDB
        // end::use[]
        assertThat(db.sync().status().backlog()).isZero();
        long inGraph = db.graph().orElseThrow().query(db.sync().graphOf(tenant),
                "MATCH (t:Task {id: $id}) RETURN count(t) AS n", Map.of("id", task.id().toString())).get(0).getLong("n");
        assertThat(inGraph).isEqualTo(1);

        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode component = health.path("components").path("hybriddb");
        assertThat(component.path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("postgresql").path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("graph").path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("sync").path("running").asBoolean()).isTrue();
        assertThat(component.path("details").path("sync").path("backlog").asLong()).isZero();
        assertThat(health.toString()).as("no credentials in the health details").doesNotContainIgnoringCase("password");

        assertThat(registry.get("hybriddb.sync.applied").functionCounter().count()).isGreaterThan(0);
        assertThat(get("/actuator/metrics/hybriddb.sync.backlog").path("measurements").get(0).path("value").asDouble())
                .isZero();
    }

    @Test
    void withTenantInsideASpringTransactionCommitsOnItsOwn() {
        UUID tenant = db.createTenant(TenantFields.of("Tx", "tx-" + UUID.randomUUID())).id();
        UUID[] created = new UUID[1];
        // tag::tx[]
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // withTenant takes its own connection from the pool and commits on its own ...
            created[0] = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Outside the outer tx", List.of()))).id();
            status.setRollbackOnly();       // ... so rolling back the outer transaction does not undo it
        });
        // end::tx[]
        Optional<Task> found = db.withTenant(tenant, s -> s.tasks().findById(created[0]));
        assertThat(found).as("the outer rollback does not undo withTenant's own commit").isPresent();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
