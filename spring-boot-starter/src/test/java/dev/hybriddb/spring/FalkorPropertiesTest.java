package dev.hybriddb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.graph.falkor.FalkorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hybriddb.graph.falkordb.*}: one server, or Sentinel with TLS, credentials and read replicas. */
class FalkorPropertiesTest {

    @Test
    void oneServer() {
        HybridDBProperties.Falkordb f = new HybridDBProperties.Falkordb();
        f.setHost("graph");
        f.setPort(6380);
        f.setPassword("pw-one");
        FalkorConfig c = HybridDBAutoConfiguration.FalkorConfiguration.falkorConfig(f);
        assertThat(c.usesSentinel()).isFalse();
        assertThat(c.host()).isEqualTo("graph");
        assertThat(c.port()).isEqualTo(6380);
        assertThat(c.password()).isEqualTo("pw-one");
        assertThat(c.tls()).isFalse();
    }

    @Test
    void sentinelWithTlsCredentialsAndReplicas() {
        HybridDBProperties.Falkordb f = new HybridDBProperties.Falkordb();
        f.setSentinelMaster("hybriddb");
        f.setSentinels(List.of("s1:26379", "s2:26379"));
        f.setSentinelPassword("sentinel-secret");
        f.setUsername("app");
        f.setPassword("server-secret");
        f.setTls(true);
        f.setReadReplicas(List.of("r1:6379"));
        FalkorConfig c = HybridDBAutoConfiguration.FalkorConfiguration.falkorConfig(f);
        assertThat(c.usesSentinel()).isTrue();
        assertThat(c.sentinels()).containsExactly(new FalkorConfig.Address("s1", 26379), new FalkorConfig.Address("s2", 26379));
        assertThat(c.sentinelPassword()).isEqualTo("sentinel-secret");
        assertThat(c.tls()).isTrue();
        assertThat(c.readReplicas()).containsExactly(new FalkorConfig.Address("r1", 6379));
        assertThat(c.toString() + f).doesNotContain("sentinel-secret").doesNotContain("server-secret");

        f.setSentinels(List.of("s1"));
        assertThatThrownBy(() -> HybridDBAutoConfiguration.FalkorConfiguration.falkorConfig(f))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("falkor.address");
    }
}
