package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials and TLS against a real FalkorDB: an ACL user with a password, a wrong password (a
 * clear error that names no secret, in the message, the cause chain, toString or the log), and
 * TLS through {@link TlsProxy} with certificate and host-name checks.
 */
class FalkorSecurityIT {
    private static final String SECRET = "s3cret-Pw-" + System.nanoTime();

    @Test
    void aclUserAndPasswordWorkAndAWrongPasswordIsRefusedWithoutShowingIt() {
        FalkorService server = TestServices.privateFalkor();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            server.command("ACL", "SETUSER", "hybriddb_app", "on", ">" + SECRET, "~*", "&*", "+@all");
            server.command("ACL", "SETUSER", "default", "off");
            FalkorConfig good = quick(FalkorConfig.builder(server.host(), server.port())).username("hybriddb_app").password(SECRET).build();
            try (FalkorGraph graph = FalkorGraph.connect(good)) {
                graph.upsertNodes("sec_acl", "Agent", List.of(NodeRecord.of("a1", Map.of("name", "x"))));
                assertThat(graph.query("sec_acl", "MATCH (n:Agent) RETURN count(n) AS c", Map.of()).get(0).getLong("c")).isOne();
                assertThat(graph.toString()).doesNotContain(SECRET).contains("password=****");
                graph.dropGraph("sec_acl");
            }
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (FalkorConfig bad : List.of(good.toBuilder().password("wrong-" + SECRET).build(),
                    good.toBuilder().username(null).password(null).build())) {
                try (FalkorGraph graph = FalkorGraph.connect(bad)) {
                    assertThatThrownBy(() -> graph.graphExists("sec_acl"))
                            .isInstanceOf(ConfigurationException.class)
                            .hasMessageContaining("falkor.password")
                            .satisfies(e -> assertNoSecret(e));
                    assertThat(graph.health().up()).isFalse();
                    assertThat(graph.toString()).doesNotContain(SECRET);
                }
            }
        } finally {
            System.setErr(err);
            server.stop();
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

    @Test
    void tlsWithATrustedCertificateAndHostNameCheck() throws Exception {
        FalkorService server = TestServices.privateFalkor();
        try (TlsProxy proxy = new TlsProxy(server.host(), server.port(), Path.of("target", "tls"))) {
            FalkorConfig tls = quick(FalkorConfig.builder("localhost", proxy.port())).tls(true)
                    .sslSocketFactory(proxy.trustingFactory()).build();
            try (FalkorGraph graph = FalkorGraph.connect(tls)) {
                graph.upsertNodes("sec_tls", "Agent", List.of(NodeRecord.of("a1", Map.of("name", "over tls"))));
                assertThat(graph.query("sec_tls", "MATCH (n:Agent) RETURN n.name AS name", Map.of()).get(0).getString("name"))
                        .isEqualTo("over tls");
                graph.dropGraph("sec_tls");
            }
            // the certificate names localhost only: 127.0.0.1 fails the host-name check unless it is turned off
            FalkorConfig byIp = quick(FalkorConfig.builder("127.0.0.1", proxy.port())).tls(true)
                    .sslSocketFactory(proxy.trustingFactory()).build();
            assertRefused(byIp);
            try (FalkorGraph graph = FalkorGraph.connect(byIp.toBuilder().verifyHostname(false).build())) {
                assertThat(graph.health().up()).isTrue();
            }
            // the JVM's default trust store does not trust a self-signed certificate
            assertRefused(quick(FalkorConfig.builder("localhost", proxy.port())).tls(true).build());
            // plain text to a TLS port gets no answer a client could use
            assertRefused(quick(FalkorConfig.builder("localhost", proxy.port())).build());
        } finally {
            server.stop();
        }
    }

    private static void assertRefused(FalkorConfig config) {
        try (FalkorGraph graph = FalkorGraph.connect(config)) {
            assertThatThrownBy(() -> graph.graphExists("sec_tls")).isInstanceOf(HybridDBException.class);
        }
    }

    private static FalkorConfig.Builder quick(FalkorConfig.Builder b) {
        return b.connectTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(3)).queryTimeout(Duration.ofSeconds(3))
                .borrowTimeout(Duration.ofSeconds(3));
    }

    private static void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
            assertThat(t.toString()).doesNotContain(SECRET);
        }
    }
}
