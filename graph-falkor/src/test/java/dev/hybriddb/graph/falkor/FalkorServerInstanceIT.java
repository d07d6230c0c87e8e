package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link FalkorGraph#serverInstance()}: stable while the server runs, new after a restart. */
class FalkorServerInstanceIT {

    @Test
    void instanceChangesWhenTheServerRestarts() {
        FalkorService server = TestServices.privateFalkor();
        try (FalkorGraph graph = FalkorGraph.connect(server.host(), server.port())) {
            Optional<String> first = graph.serverInstance();
            assertThat(first).isPresent();
            assertThat(graph.serverInstance()).isEqualTo(first);
            server.kill9();
            assertThatThrownBy(graph::serverInstance).isInstanceOf(UnavailableException.class);
            server.start();
            assertThat(graph.serverInstance()).isPresent().isNotEqualTo(first);
        } finally {
            server.stop();
        }
    }
}
