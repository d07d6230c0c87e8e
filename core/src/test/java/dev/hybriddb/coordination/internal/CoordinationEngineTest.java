package dev.hybriddb.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.DependencyRef;
import dev.hybriddb.coordination.internal.Rows.Dependency;
import dev.hybriddb.coordination.internal.Rows.DependencyClosure;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store-independent parts of the engine: walking dependencies and normalizing links. */
class CoordinationEngineTest {

    private static DependencyClosure closure(List<Dependency> edges) {
        Map<String, TaskSummary> tasks = new java.util.HashMap<>();
        for (Dependency d : edges) {
            tasks.put(d.from(), new TaskSummary(d.from(), "title " + d.from(), "pending"));
            tasks.put(d.to(), new TaskSummary(d.to(), "title " + d.to(), "completed"));
        }
        return new DependencyClosure(edges, tasks);
    }

    @Test
    void walkUsesTheShortestDistanceAndStopsOnCycles() {
        List<Dependency> edges = List.of(new Dependency("a", "b"), new Dependency("b", "c"), new Dependency("a", "c"),
                new Dependency("c", "a"), new Dependency("c", "d"));
        List<DependencyRef> forward = CoordinationEngine.walk("a", closure(edges), true);
        assertThat(forward).extracting(DependencyRef::taskId, DependencyRef::distance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 1), org.assertj.core.groups.Tuple.tuple("c", 1),
                        org.assertj.core.groups.Tuple.tuple("d", 2));
        List<DependencyRef> backward = CoordinationEngine.walk("c", closure(edges), false);
        assertThat(backward).extracting(DependencyRef::taskId).containsExactly("a", "b");
        assertThat(forward.get(0).title()).isEqualTo("title b");
    }

    @Test
    void walkOfAnIsolatedTaskIsEmpty() {
        assertThat(CoordinationEngine.walk("x", closure(List.of()), true)).isEmpty();
    }

    @Test
    void sameSwarmLinksPointFromTheSmallerId() {
        AgentLink l = CoordinationEngine.normalize(new AgentLink("b", "a", AgentLink.SAME_SWARM, "s"));
        assertThat(l).isEqualTo(new AgentLink("a", "b", AgentLink.SAME_SWARM, "s"));
        AgentLink m = new AgentLink("b", "a", AgentLink.MANAGES, null);
        assertThat(CoordinationEngine.normalize(m)).isSameAs(m);
    }
}
