package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MultiTenantIsolationIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_tenants");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void tenantsNeverSeeEachOther() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExampleSettings settings = Examples.settings(db);
        MultiTenantIsolation.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = MultiTenantIsolation.run(settings, out);
        }
        Examples.dropGraphs(settings, r.acme(), r.globex());
        System.out.println(buf.toString(StandardCharsets.UTF_8));
        assertThat(r.acmeSeesAgents()).isEqualTo(2);
        assertThat(r.crossTenantReadEmpty()).isTrue();
        assertThat(r.crossTenantWriteRefused()).isTrue();
        assertThat(r.withoutTenantRefused()).isTrue();
        assertThat(r.unknownTenantSees()).isZero();
        assertThat(r.acmeGraphAgents()).isEqualTo(2);
        assertThat(r.coordinatorRefusesForeignTask()).isTrue();
    }
}
