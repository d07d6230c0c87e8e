package dev.hybriddb.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.DependencyRef;
import dev.hybriddb.coordination.internal.Rows.Dependency;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import java.util.List;
import dev.hybriddb.model.TaskStatus;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store-independent parts of the engine: walking dependencies and normalizing links. */
class CoordinationEngineTest {

    private static DependencyClosure closure(List<Dependency> edges) {
        Map<UUID, TaskSummary> tasks = new java.util.HashMap<>();
        for (Dependency d : edges) {
            tasks.put(d.from(), new TaskSummary(d.from(), "title " + d.from(), TaskStatus.PENDING));
            tasks.put(d.to(), new TaskSummary(d.to(), "title " + d.to(), TaskStatus.COMPLETED));
        }
        return new DependencyClosure(edges, tasks);
    }

    private static final UUID A = id('a');
    private static final UUID B = id('b');
    private static final UUID C = id('c');
    private static final UUID D = id('d');

    private static UUID id(char c) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + c);
    }

    private static Dependency dep(UUID from, UUID to) {
        return new Dependency(from, to);
    }

    @Test
    void walkUsesTheShortestDistanceAndStopsOnCycles() {
        List<Dependency> edges = List.of(dep(A, B), dep(B, C), dep(A, C), dep(C, A), dep(C, D));
        List<DependencyRef> forward = CoordinationEngine.walk(A, closure(edges), true);
        assertThat(forward).extracting(DependencyRef::taskId, DependencyRef::distance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(B, 1), org.assertj.core.groups.Tuple.tuple(C, 1),
                        org.assertj.core.groups.Tuple.tuple(D, 2));
        List<DependencyRef> backward = CoordinationEngine.walk(C, closure(edges), false);
        assertThat(backward).extracting(DependencyRef::taskId).containsExactly(A, B);
        assertThat(forward.get(0).title()).isEqualTo("title " + B);
        assertThat(forward.get(2).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void walkOfAnIsolatedTaskIsEmpty() {
        assertThat(CoordinationEngine.walk(A, closure(List.of()), true)).isEmpty();
    }

    @Test
    void sameSwarmLinksPointFromTheSmallerId() {
        AgentLink l = CoordinationEngine.normalize(new AgentLink(B, A, AgentLink.SAME_SWARM, D));
        assertThat(l).isEqualTo(new AgentLink(A, B, AgentLink.SAME_SWARM, D));
        AgentLink m = new AgentLink(B, A, AgentLink.MANAGES, null);
        assertThat(CoordinationEngine.normalize(m)).isSameAs(m);
    }
}
