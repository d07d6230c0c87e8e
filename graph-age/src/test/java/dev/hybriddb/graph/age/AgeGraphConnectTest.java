package dev.hybriddb.graph.age;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AgeGraph#connect} never shows a password given in the URL (userinfo or query), nor the one passed apart. */
class AgeGraphConnectTest {
    @Test
    void urlPasswordsNeverReachTheMessageOrToString() {
        for (String url : List.of("postgresql://u:secret@h/db", "postgres://u:secret@h:5432/db?password=secret",
                "jdbc:postgresql://u:secret@h/db", "jdbc:postgresql://h/db?password=secret",
                "jdbc:postgresql://h/db?user=u&password=secret&sslpassword=secret", "jdbc:postgresql://h:notaport/db?password=secret",
                "jdbc:mysql://u:secret@h/db")) {
            try (AgeGraph g = AgeGraph.connect(url, "u", "secret")) {
                assertThat(g.toString()).as(url).doesNotContain("secret");
            } catch (ConfigurationException e) {
                assertThat(e.getMessage()).as(url).doesNotContain("secret").contains("jdbcUrl");
            }
        }
    }

    @Test
    void maskHidesUserinfoAndQueryPasswords() {
        assertThat(AgeGraph.mask("jdbc:postgresql://u:secret@h/db?password=secret")).isEqualTo("jdbc:postgresql://u:****@h/db?password=****");
        assertThat(AgeGraph.mask(null)).isNull();
    }
}
