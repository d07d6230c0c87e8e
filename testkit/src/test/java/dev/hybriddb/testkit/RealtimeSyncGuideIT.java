package dev.hybriddb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.model.TaskFields;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

// tag::options[]
@HybridDBTest(graph = HybridDBTest.Graph.FALKORDB, sync = HybridDBTest.Sync.REALTIME)
class RealtimeSyncGuideIT {

    @Test
    void writesReachTheTenantsGraph(HybridDB db, @TenantId UUID tenant) {
        db.useTenant(tenant, scope -> scope.tasks().create(TaskFields.of("Index the docs", List.of())));
        assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        String graph = db.layout().graphOf(tenant);   // prefixed per test class, deleted after it
        long tasks = db.graph().orElseThrow()
                .query(graph, "MATCH (t:Task) RETURN count(t) AS n", Map.of()).get(0).getLong("n");
        assertThat(tasks).isEqualTo(1);
    }
}
// end::options[]
