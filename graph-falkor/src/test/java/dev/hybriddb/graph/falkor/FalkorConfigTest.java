package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
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

    @Test
    void sentinelTopologyIsValidatedAndItsPasswordMasked() {
        List<FalkorConfig.Address> sentinels = List.of(FalkorConfig.Address.parse("10.0.0.1:26379"),
                FalkorConfig.Address.parse("[::1]:26380"));
        FalkorConfig c = FalkorConfig.sentinel("mymaster", sentinels).password("hunter2").sentinelPassword("s3nt1nel").build();
        assertThat(c.usesSentinel()).isTrue();
        assertThat(c.host()).isNull();
        assertThat(c.sentinels()).containsExactlyElementsOf(sentinels);
        assertThat(c.toString()).contains("sentinel master=mymaster", "10.0.0.1:26379", "[::1]:26380", "sentinelPassword=****")
                .doesNotContain("hunter2").doesNotContain("s3nt1nel");
        assertThat(c.toBuilder().build()).isEqualTo(c);

        assertThatThrownBy(() -> FalkorConfig.sentinel("bad name; rm", sentinels).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("falkor.sentinelMaster");
        assertThatThrownBy(() -> FalkorConfig.sentinel("m", List.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("falkor.sentinels");
        assertThatThrownBy(() -> FalkorConfig.sentinel("m", Arrays.asList(sentinels.get(0), null)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("falkor.sentinels");
        assertThatThrownBy(() -> FalkorConfig.sentinel(null, sentinels).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("falkor.sentinelMaster");
    }

    @Test
    void addressesAreParsedStrictly() {
        assertThat(FalkorConfig.Address.parse("redis.example:6380")).isEqualTo(new FalkorConfig.Address("redis.example", 6380));
        for (String bad : new String[] {null, "", "host", "host:", ":6379", "host:port", "host:70000", "host:0"}) {
            assertThatThrownBy(() -> FalkorConfig.Address.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    void tlsAndReplicaSettings() throws Exception {
        SSLSocketFactory factory = SSLContext.getDefault().getSocketFactory();
        FalkorConfig c = FalkorConfig.builder("h", 1).tls(true).sslSocketFactory(factory)
                .readReplicas(List.of(new FalkorConfig.Address("r", 2))).build();
        assertThat(c.tls()).isTrue();
        assertThat(c.verifyHostname()).isTrue();
        assertThat(c.toString()).contains("tls=true", "verifyHostname=true", "readReplicas=[r:2]");
        assertThatThrownBy(() -> FalkorConfig.builder("h", 1).sslSocketFactory(factory).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tls is off");
        FalkorConfig plain = FalkorConfig.of("h", 1);
        assertThat(plain.tls()).isFalse();
        assertThat(plain.readReplicas()).isEmpty();
        assertThat(plain.usesSentinel()).isFalse();
    }

    @Test
    void readsTheEnvironmentForOneServerOrSentinel() {
        FalkorConfig one = FalkorConfig.fromEnvironment(java.util.Map.of("HYBRIDDB_FALKOR_HOST", "g1",
                "HYBRIDDB_FALKOR_PORT", "7000", "HYBRIDDB_FALKOR_PASSWORD", "s3cret", "HYBRIDDB_FALKOR_TLS", "true")).build();
        assertThat(one.host()).isEqualTo("g1");
        assertThat(one.port()).isEqualTo(7000);
        assertThat(one.tls()).isTrue();
        assertThat(one.toString()).doesNotContain("s3cret");
        FalkorConfig sentinel = FalkorConfig.fromEnvironment(java.util.Map.of(
                "HYBRIDDB_FALKOR_SENTINELS", "s1:26379, s2:26380", "HYBRIDDB_FALKOR_SENTINEL_MASTER", "graph",
                "HYBRIDDB_FALKOR_SENTINEL_PASSWORD", "sentinel-pw", "HYBRIDDB_FALKOR_READ_REPLICAS", "r1:6380")).build();
        assertThat(sentinel.usesSentinel()).isTrue();
        assertThat(sentinel.sentinels()).containsExactly(new FalkorConfig.Address("s1", 26379), new FalkorConfig.Address("s2", 26380));
        assertThat(sentinel.readReplicas()).containsExactly(new FalkorConfig.Address("r1", 6380));
        assertThat(sentinel.toString()).doesNotContain("sentinel-pw");
        assertThat(FalkorConfig.fromEnvironment(java.util.Map.of()).build().host()).isEqualTo("localhost");
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThatThrownBy(() -> FalkorConfig.fromEnvironment(java.util.Map.of("HYBRIDDB_FALKOR_PORT", "http")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HYBRIDDB_FALKOR_PORT").hasMessageContaining("http");
        assertThatThrownBy(() -> FalkorConfig.fromEnvironment(java.util.Map.of("HYBRIDDB_FALKOR_SENTINELS", "s1:1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HYBRIDDB_FALKOR_SENTINEL_MASTER");
        assertThatThrownBy(() -> FalkorConfig.fromEnvironment(java.util.Map.of("HYBRIDDB_FALKOR_SENTINELS", "s1",
                "HYBRIDDB_FALKOR_SENTINEL_MASTER", "m"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HYBRIDDB_FALKOR_SENTINELS");
        assertThatThrownBy(() -> FalkorConfig.fromEnvironment(java.util.Map.of("HYBRIDDB_FALKOR_TLS", "yes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HYBRIDDB_FALKOR_TLS");
    }
}
