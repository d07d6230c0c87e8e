package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridConfigTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void seedDefaults() {
        HybridConfig c = HybridConfig.builder().user("app").build();
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/hybriddb");
        assertThat(c.minPoolSize()).isEqualTo(2);
        assertThat(c.maxPoolSize()).isEqualTo(20);
        assertThat(c.connectionTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMillis(30000));
        assertThat(c.statementTimeout()).isEqualTo(Duration.ZERO);
        assertThat(c.retryAttempts()).isEqualTo(3);
        assertThat(c.retryDelay()).isEqualTo(Duration.ofMillis(1000));
        assertThat(c.encryptionKey()).isEmpty();
        assertThat(c.migrationUser()).isEqualTo("app");
        assertThat(c.hasMigrationUser()).isFalse();
    }

    @Test
    void singleVariables() {
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", "db.internal");
        env.put("POSTGRES_PORT", "6432");
        env.put("POSTGRES_DB", "dash");
        env.put("POSTGRES_USER", "dash");
        env.put("POSTGRES_PASSWORD", "pw");
        env.put("POSTGRES_SSL", "true");
        env.put("POSTGRES_MIN_POOL_SIZE", "5");
        env.put("POSTGRES_MAX_POOL_SIZE", "50");
        env.put("POSTGRES_CONNECTION_TIMEOUT", "7000");
        env.put("POSTGRES_IDLE_TIMEOUT", "60000");
        env.put("POSTGRES_STATEMENT_TIMEOUT", "15000");
        env.put("POSTGRES_RETRY_ATTEMPTS", "5");
        env.put("POSTGRES_RETRY_DELAY", "200");
        env.put("HYBRIDDB_ENCRYPTION_KEY", KEY);
        env.put("HYBRIDDB_ENCRYPTION_KEY_VERSION", "3");
        env.put("HYBRIDDB_MIGRATION_USER", "owner");
        env.put("HYBRIDDB_MIGRATION_PASSWORD", "ownerpw");
        HybridConfig c = HybridConfig.fromEnvironment(env);
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/dash");
        assertThat(c.user()).isEqualTo("dash");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.sslMode()).isEqualTo("require");
        assertThat(c.minPoolSize()).isEqualTo(5);
        assertThat(c.maxPoolSize()).isEqualTo(50);
        assertThat(c.connectionTimeout()).isEqualTo(Duration.ofMillis(7000));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMillis(60000));
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofMillis(15000));
        assertThat(c.retryPolicy().maxRetries()).isEqualTo(5);
        assertThat(c.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.encryptionKey()).get().satisfies(k -> assertThat(k).hasSize(32));
        assertThat(c.encryptionKeyVersion()).isEqualTo(3);
        assertThat(c.migrationUser()).isEqualTo("owner");
        assertThat(c.migrationPassword()).isEqualTo("ownerpw");
    }

    @Test
    void databaseUrlWinsAndDecodes() {
        HybridConfig c = HybridConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://alice:p%40ss%3Aw0rd@pg.example.com:5433/app?sslmode=verify-full&application_name=x",
                "POSTGRES_HOST", "ignored", "POSTGRES_USER", "ignored"));
        assertThat(c.host()).isEqualTo("pg.example.com");
        assertThat(c.port()).isEqualTo(5433);
        assertThat(c.database()).isEqualTo("app");
        assertThat(c.user()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo("p@ss:w0rd");
        assertThat(c.sslMode()).isEqualTo("verify-full");
        assertThat(c.connectionProperties()).containsEntry("application_name", "x");
    }

    @Test
    void jdbcAndShortForms() {
        HybridConfig j = HybridConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "jdbc:postgresql://10.0.0.5/app?user=bob&password=secret&ssl=false"));
        assertThat(j.host()).isEqualTo("10.0.0.5");
        assertThat(j.port()).isEqualTo(5432);
        assertThat(j.user()).isEqualTo("bob");
        assertThat(j.password()).isEqualTo("secret");
        assertThat(j.sslMode()).isEqualTo("disable");
        HybridConfig p = HybridConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://carol@[::1]:6000/db"));
        assertThat(p.host()).isEqualTo("::1");
        assertThat(p.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6000/db");
        assertThat(p.password()).isNull();
    }

    @Test
    void multiHostUrlKeepsEveryHostInOrderAndAsksForThePrimary() {
        HybridConfig c = HybridConfig.fromEnvironment(Map.of("DATABASE_URL",
                "jdbc:postgresql://pg-a:5432,pg-b:5433,[fd00::7]:6000,pg-c/app?targetServerType=primary&user=app&password=s3cret-pw"));
        assertThat(c.host()).isEqualTo("pg-a");
        assertThat(c.port()).isEqualTo(5432);
        assertThat(c.additionalHosts()).containsExactly("pg-b:5433", "[fd00::7]:6000", "pg-c:5432");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://pg-a:5432,pg-b:5433,[fd00::7]:6000,pg-c:5432/app");
        assertThat(c.connectionProperties()).containsEntry("targetServerType", "primary");
        assertThat(c.toString()).contains("pg-b:5433").doesNotContain("s3cret-pw");
        assertThat(c.toBuilder().build().jdbcUrl()).isEqualTo(c.jdbcUrl());
        // several hosts without targetServerType: the pool still goes to the primary only
        HybridConfig d = HybridConfig.builder().url("postgresql://u:pw@h1:1,h2:2/db").build();
        assertThat(dev.hybriddb.internal.Pools.properties(d)).containsEntry("targetServerType", "primary");
        assertThat(dev.hybriddb.internal.Pools.properties(HybridConfig.builder().user("u").build())).doesNotContainKey("targetServerType");
        HybridConfig any = HybridConfig.builder().url("postgresql://u:pw@h1:1,h2:2/db?targetServerType=preferSecondary").build();
        assertThat(dev.hybriddb.internal.Pools.properties(any)).containsEntry("targetServerType", "preferSecondary");
        // a single-host URL after a multi-host one leaves no stale host behind
        assertThat(d.toBuilder().url("postgresql://u@h9:9/db").build().jdbcUrl()).isEqualTo("jdbc:postgresql://h9:9/db");
    }

    @Test
    void readUrlIsOptionalValidatedAndNeverCarriesCredentials() {
        assertThat(HybridConfig.builder().user("u").build().readUrl()).isEmpty();
        HybridConfig c = HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_PASSWORD", "pw-123",
                "HYBRIDDB_READ_URL", "postgresql://replica-1:5432,replica-2:5433/app?loadBalanceHosts=true"));
        assertThat(c.readUrl()).contains("jdbc:postgresql://replica-1:5432,replica-2:5433/app?loadBalanceHosts=true");
        assertThat(c.toString()).contains("replica-2:5433").doesNotContain("pw-123");
        assertThat(c.toBuilder().build().readUrl()).isEqualTo(c.readUrl());
        assertThat(HybridConfig.builder().user("u").readUrl("jdbc:postgresql://r/app?sslpassword=k3y-pass").build().toString())
                .doesNotContain("k3y-pass");
        for (String bad : new String[] {"jdbc:postgresql://u:hunter2@replica/app", "jdbc:postgresql://replica/app?password=hunter2",
                "jdbc:postgresql://replica/app?user=x", "mysql://replica/app", "jdbc:postgresql://replica", "jdbc:postgresql://a b/app"}) {
            assertThatThrownBy(() -> HybridConfig.builder().user("u").readUrl(bad).build()).as(bad)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("HYBRIDDB_READ_URL")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void badMultiHostUrlsAreRefusedWithoutTheirSecrets() {
        for (String url : new String[] {"postgresql://u:hunter2@h1:5432,/db", "postgresql://u:hunter2@h1:5432,h2:x/db",
                "postgresql://u:hunter2@h1,h2:99999/db", "postgresql://u:hunter2@h1,h2;drop:5/db"}) {
            assertThatThrownBy(() -> HybridConfig.builder().url(url).build()).as(url)
                    .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("hunter2");
        }
        assertBad(b -> b.additionalHosts(java.util.List.of("h2")), "additionalHosts", "h2");
        assertBad(b -> b.additionalHosts(java.util.List.of("h2:0")), "additionalHosts", "h2:0");
        assertBad(b -> b.additionalHosts(java.util.Arrays.asList((String) null)), "additionalHosts", "null");
    }

    @Test
    void validationNamesSettingAndValue() {
        assertBad(b -> b.maxPoolSize(0), "POSTGRES_MAX_POOL_SIZE", "0");
        assertBad(b -> b.minPoolSize(30), "POSTGRES_MIN_POOL_SIZE", "30");
        assertBad(b -> b.port(70000), "POSTGRES_PORT", "70000");
        assertBad(b -> b.sslMode("sometimes"), "POSTGRES_SSL", "sometimes");
        assertBad(b -> b.connectionTimeout(Duration.ofMillis(10)), "POSTGRES_CONNECTION_TIMEOUT", "10 ms");
        assertBad(b -> b.idleTimeout(Duration.ofMillis(500)), "POSTGRES_IDLE_TIMEOUT", "500 ms");
        assertBad(b -> b.statementTimeout(Duration.ofMillis(-1)), "POSTGRES_STATEMENT_TIMEOUT", "-1 ms");
        assertBad(b -> b.statementTimeout(null), "POSTGRES_STATEMENT_TIMEOUT", "null");
        assertBad(b -> b.retryAttempts(-1), "POSTGRES_RETRY_ATTEMPTS", "-1");
        assertBad(b -> b.retryDelay(Duration.ofMillis(-5)), "POSTGRES_RETRY_DELAY", "-5 ms");
        assertBad(b -> b.database("bad name;"), "POSTGRES_DB", "bad name;");
        assertBad(b -> b.user(null), "POSTGRES_USER", "null");
        assertBad(b -> b.encryptionKeyVersion(0), "HYBRIDDB_ENCRYPTION_KEY_VERSION", "0");
    }

    @Test
    void environmentParseErrorsNameTheVariable() {
        assertThatThrownBy(() -> HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "u", "POSTGRES_PORT", "abc")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POSTGRES_PORT").hasMessageContaining("abc");
        assertThatThrownBy(() -> HybridConfig.fromEnvironment(Map.of("DATABASE_URL", "mysql://u:hunter2@h/db")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void secretsNeverShown() {
        String keyB64 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        HybridConfig c = HybridConfig.builder().user("app").password("app-pass-123").encryptionKeyBase64(keyB64)
                .migrationUser("owner").migrationPassword("owner-pass-456").build();
        String s = c.toString();
        assertThat(s).contains("****").doesNotContain("app-pass-123").doesNotContain("owner-pass-456")
                .doesNotContain(keyB64).doesNotContain("0123456789abcdef");
        assertThat(c.toBuilder().toString()).doesNotContain("app-pass-123");
        assertThatThrownBy(() -> HybridConfig.builder().user("u").encryptionKeyBase64("c2hvcnQta2V5").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQta2V5").hasMessageNotContaining("short-key");
        assertThatThrownBy(() -> HybridConfig.builder().user("u").encryptionKeyBase64("not base64!!").build())
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("not base64!!");
    }

    @Test
    void sealedOnceBuilt() {
        byte[] key = new byte[32];
        HybridConfig.Builder b = HybridConfig.builder().user("app").encryptionKey(key).maxPoolSize(7);
        HybridConfig c = b.build();
        key[0] = 42;
        b.maxPoolSize(9).user("other");
        c.encryptionKey().get()[1] = 43;
        assertThat(c.maxPoolSize()).isEqualTo(7);
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.encryptionKey().get()).containsOnly((byte) 0);
        assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
    }

    private static void assertBad(java.util.function.Consumer<HybridConfig.Builder> change, String setting, String value) {
        HybridConfig.Builder b = HybridConfig.builder().user("app");
        change.accept(b);
        assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(setting).hasMessageContaining(value);
    }

    @Test
    void poolLifetimeSettingsAreReadAndValidated() {
        HybridConfig c = HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_LEAK_DETECTION_THRESHOLD", "5000",
                "POSTGRES_MAX_LIFETIME", "600000", "POSTGRES_KEEPALIVE_TIME", "60000"));
        assertThat(c.leakDetectionThreshold()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(c.maxLifetime()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(c.keepaliveTime()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(c.toString()).contains("maxLifetime=600000ms").contains("keepaliveTime=60000ms");
        HybridConfig defaults = HybridConfig.builder().user("app").build();
        assertThat(defaults.leakDetectionThreshold()).isZero();
        assertThat(defaults.maxLifetime()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThatThrownBy(() -> HybridConfig.builder().user("app").leakDetectionThreshold(java.time.Duration.ofMillis(500)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("leakDetectionThreshold").hasMessageContaining("500");
        assertThatThrownBy(() -> HybridConfig.builder().user("app").maxLifetime(java.time.Duration.ofMinutes(1))
                .keepaliveTime(java.time.Duration.ofMinutes(2)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keepaliveTime").hasMessageContaining("below maxLifetime");
    }

    @Test
    void sqlAlchemyPoolAliasesSetTheBounds() {
        HybridConfig c = HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_POOL_SIZE", "5", "POSTGRES_MAX_OVERFLOW", "3"));
        assertThat(c.minPoolSize()).isEqualTo(5);
        assertThat(c.maxPoolSize()).isEqualTo(8);
        HybridConfig defaultOverflow = HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_POOL_SIZE", "4"));
        assertThat(defaultOverflow.maxPoolSize()).isEqualTo(14);
        HybridConfig explicit = HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_POOL_SIZE", "4",
                "POSTGRES_MAX_POOL_SIZE", "6"));
        assertThat(explicit.maxPoolSize()).as("the explicit maximum wins").isEqualTo(6);
        assertThatThrownBy(() -> HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_MAX_OVERFLOW", "3")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POSTGRES_MAX_OVERFLOW").hasMessageContaining("POSTGRES_POOL_SIZE");
        assertThatThrownBy(() -> HybridConfig.fromEnvironment(Map.of("POSTGRES_USER", "app", "POSTGRES_POOL_SIZE", "4",
                "POSTGRES_MAX_OVERFLOW", "-1"))).isInstanceOf(ConfigurationException.class).hasMessageContaining("-1");
    }
}
