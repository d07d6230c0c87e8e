package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalSettingsTest {
    @Test
    void keepsSettingsInOrder() {
        LocalSettings s = LocalSettings.builder().set("jit", "off").set("hnsw.ef_search", "100").build();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.name(0)).isEqualTo("jit");
        assertThat(s.value(1)).isEqualTo("100");
        assertThat(LocalSettings.builder().build()).isSameAs(LocalSettings.NONE);
    }

    @Test
    void refusesWhatTheContextOwnsOrWhatChangesWhoTheSessionIs() {
        for (String name : new String[] {"hybriddb.tenant_id", "hybriddb.user_id", "hybriddb.anything", "search_path",
                "row_security", "statement_timeout", "role", "session_authorization", "session_replication_role",
                "transaction_read_only"}) {
            assertThatThrownBy(() -> LocalSettings.builder().set(name, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
    }

    @Test
    void refusesNamesThatAreNotPlainSettingNames() {
        for (String name : new String[] {"", "Search_Path", "HYBRIDDB.tenant_id", "a.b.c", "jit'; drop table x; --", "a b",
                "1abc", "x".repeat(70)}) {
            assertThatThrownBy(() -> LocalSettings.builder().set(name, "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LocalSettings.builder().set(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSettings.builder().set("jit", null)).hasMessageContaining("jit");
    }
}
