package dev.hybriddb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so docker-compose.yml is validated with `docker-compose config`. */
class DockerComposeConfigTest {

    @Test
    void composeFileIsValidAndDeclaresBothServicesAndTheToolsProfile() throws Exception {
        File compose = new File("../docker-compose.yml").getCanonicalFile();
        assertThat(compose).exists();
        Process p = new ProcessBuilder("docker-compose", "-f", compose.getPath(), "--profile", "tools", "config")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("postgres:", "falkordb:", "falkordb-browser:", "healthcheck:", "postgres_data:", "falkordb_data:");
    }
}
