package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection strings never carry a secret into a message. */
class RedactTest {
    @Test
    void masksUserinfoPasswordsAndPasswordParameters() {
        assertThat(Redact.url("postgresql://u:secret@h/db")).isEqualTo("postgresql://u:****@h/db");
        assertThat(Redact.url("jdbc:postgresql://u:secret@h:5432/db?sslmode=require"))
                .isEqualTo("jdbc:postgresql://u:****@h:5432/db?sslmode=require");
        assertThat(Redact.url("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
        assertThat(Redact.url("jdbc:postgresql://h/db?PASSWORD=secret")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=****");
        assertThat(Redact.url("jdbc:postgresql://h/db?sslpassword=secret")).isEqualTo("jdbc:postgresql://h/db?sslpassword=****");
        assertThat(Redact.url("host=h user=u password=secret dbname=d")).isEqualTo("host=h user=u password=**** dbname=d");
        assertThat(Redact.url("host=h password='sec ret' dbname=d")).isEqualTo("host=h password=**** dbname=d");
        assertThat(Redact.url("redis://:secret@h:6379")).isEqualTo("redis://:****@h:6379");
        assertThat(Redact.url("cannot reach postgresql://u:secret@h/db, giving up")).isEqualTo("cannot reach postgresql://u:****@h/db, giving up");
        assertThat(Redact.url("postgresql://u@h/db")).isEqualTo("postgresql://u@h/db");
        assertThat(Redact.url("postgresql://h1:5432,h2:5433/db")).isEqualTo("postgresql://h1:5432,h2:5433/db");
        assertThat(Redact.url(null)).isNull();
    }

    @Test
    void passwordsWithReservedCharactersStayHidden() {
        for (String url : List.of("postgresql://u:se@cret@h/db", "postgresql://u:se/cret@h/db", "postgresql://u:se:cret@h/db",
                "postgresql://u:se%40cret@h/db", "postgresql://u:se?cret@h/db", "jdbc:postgresql://h/db?password=se@c/ret")) {
            assertThat(Redact.url(url)).as(url).doesNotContain("cret");
        }
    }

    @Test
    void sqlExceptionsAreCopiedOnlyWhenTheyCarryASecret() {
        SQLException plain = new SQLException("connection refused", "08001");
        assertThat((Object) Redact.sql(plain)).isSameAs(plain);
        SQLException leaky = new SQLException("No suitable driver found for jdbc:foo://u:secret@h/db", "08001", 7);
        SQLException masked = Redact.sql(leaky);
        assertThat(masked.getMessage()).doesNotContain("secret").contains("u:****@h/db");
        assertThat(masked.getSQLState()).isEqualTo("08001");
        assertThat(masked.getErrorCode()).isEqualTo(7);
        assertThat(masked.getCause()).isNull();
    }

    @Test
    void hybridConfigErrorsAndToStringNeverShowThePassword() {
        for (String url : List.of("postgresql://u:secret@/db", "postgresql://u:secret@h:port/db", "postgresql://u:secret@h/db?x=%zz",
                "mysql://u:secret@h/db", "postgresql://u:se/secret@h/db", "postgresql://h/db?password=secret&x=%zz",
                "postgresql://h:nope/db?password=secret")) {
            assertThatThrownBy(() -> HybridConfig.builder().url(url).build()).as(url)
                    .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("secret");
        }
        HybridConfig ok = HybridConfig.builder().url("postgresql://u:secret@h/db?password=secret2").build();
        assertThat(ok.toString()).doesNotContain("secret");
        HybridConfig env = HybridConfig.fromEnvironment(Map.of("DATABASE_URL", "postgresql://u:secret@h/db"));
        assertThat(env.toString()).doesNotContain("secret");
    }
}
