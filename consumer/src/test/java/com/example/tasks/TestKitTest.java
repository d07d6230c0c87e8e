package com.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.testkit.HybridDBTest;
import dev.hybriddb.testkit.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The published test kit, used by coordinates as an application's own tests would use it. */
@HybridDBTest(sync = HybridDBTest.Sync.REALTIME)
class TestKitTest {
    HybridDB db;

    @Test
    void aTaskReachesTheTenantsGraph(@TenantId UUID tenant) {
        db.useTenant(tenant, scope -> scope.tasks().create(TaskFields.of("Ship it", List.of())));
        assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        long tasks = db.graph().orElseThrow()
                .query(db.layout().graphOf(tenant), "MATCH (t:Task) RETURN count(t) AS n", Map.of()).get(0).getLong("n");
        assertThat(tasks).isEqualTo(1);
    }
}
