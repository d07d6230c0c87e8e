package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FalkorConfigTest {
    @Test
    void defaultsAreFinite() {
        FalkorConfig c = FalkorConfig.of("localhost", 6379);
        assertThat(c.poolSize()).isPositive();
        assertThat(c.connectTimeout()).isPositive();
        assertThat(c.socketTimeout()).isPositive();
        assertThat(c.borrowTimeout()).isPositive();
        assertThat(c.queryTimeout()).isPositive().isLessThanOrEqualTo(c.socketTimeout());
        assertThat(c.password()).isNull();
        assertThat(c.toString()).contains("password=none");
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> FalkorConfig.of("", 1)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.of("h", 0)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.of("h", 70_000)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).poolSize(0).build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).batchSize(0).build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).connectTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).socketTimeout(Duration.ofDays(365)).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).socketTimeout(Duration.ofSeconds(1))
                .queryTimeout(Duration.ofSeconds(2)).build()).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void passwordIsMasked() {
        FalkorConfig c = FalkorConfig.builder("h", 1).username("u").password("hunter2").build();
        assertThat(c.toString()).doesNotContain("hunter2").contains("password=****").contains("user=u");
    }
}
