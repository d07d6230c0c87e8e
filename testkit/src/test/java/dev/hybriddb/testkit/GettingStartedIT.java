package dev.hybriddb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.model.TaskFields;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

// tag::basic[]
@HybridDBTest
class GettingStartedIT {
    HybridDB db;   // injected: migrated, on this class's own database and graphs

    @Test
    void createsATaskForAFreshTenant(@TenantId UUID tenant) {
        db.useTenant(tenant, scope -> scope.tasks().create(TaskFields.of("Write the parser", List.of("java"))));

        long tasks = db.withTenant(tenant, scope -> scope.tasks().count());
        assertThat(tasks).isEqualTo(1);
    }

    @Test
    void anotherTenantSeesNothingOfIt(@TenantId UUID tenant) {
        long tasks = db.withTenant(tenant, scope -> scope.tasks().count());
        assertThat(tasks).isZero();
    }
}
// end::basic[]
