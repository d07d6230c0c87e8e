package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDBException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyCipherTest {
    private static final byte[] K1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] K2 = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private final UUID tenant = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    @Test
    void roundTripWithRandomNonce() {
        ApiKeyCipher c = ApiKeyCipher.of(Map.of(1, K1), 1);
        ApiKeyCipher.Sealed a = c.encrypt(tenant, id, "sk-live-abc123");
        ApiKeyCipher.Sealed b = c.encrypt(tenant, id, "sk-live-abc123");
        assertThat(a.nonce()).hasSize(12);
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(new String(a.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk-live");
        assertThat(a.ciphertext()).hasSize("sk-live-abc123".length() + 16);
        assertThat(c.decrypt(tenant, id, a)).isEqualTo("sk-live-abc123");
        assertThat(a.toString()).doesNotContain("sk-live");
    }

    @Test
    void boundToItsRowAndKey() {
        ApiKeyCipher c = ApiKeyCipher.of(Map.of(1, K1), 1);
        ApiKeyCipher.Sealed s = c.encrypt(tenant, id, "secret-1");
        assertThatThrownBy(() -> c.decrypt(UUID.randomUUID(), id, s)).isInstanceOf(HybridDBException.class)
                .hasMessageNotContaining("secret-1");
        assertThatThrownBy(() -> c.decrypt(tenant, UUID.randomUUID(), s)).isInstanceOf(HybridDBException.class);
        byte[] tampered = s.ciphertext().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> c.decrypt(tenant, id, new ApiKeyCipher.Sealed(tampered, s.nonce(), 1)))
                .isInstanceOf(HybridDBException.class);
        ApiKeyCipher other = ApiKeyCipher.of(Map.of(1, K2), 1);
        assertThatThrownBy(() -> other.decrypt(tenant, id, s)).isInstanceOf(HybridDBException.class);
    }

    @Test
    void keyVersions() {
        ApiKeyCipher old = ApiKeyCipher.of(Map.of(1, K1), 1);
        ApiKeyCipher.Sealed s = old.encrypt(tenant, id, "rotated");
        ApiKeyCipher rotated = ApiKeyCipher.of(Map.of(1, K1, 2, K2), 2);
        assertThat(rotated.decrypt(tenant, id, s)).isEqualTo("rotated");
        assertThat(rotated.encrypt(tenant, id, "new").keyVersion()).isEqualTo(2);
        assertThatThrownBy(() -> ApiKeyCipher.of(Map.of(2, K2), 2).decrypt(tenant, id, s))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1");
    }

    @Test
    void fromConfig() {
        assertThat(ApiKeyCipher.fromConfig(HybridConfig.builder().user("u").build())).isNull();
        ApiKeyCipher c = ApiKeyCipher.fromConfig(HybridConfig.builder().user("u").encryptionKey(K1).encryptionKeyVersion(4).build());
        assertThat(c.activeVersion()).isEqualTo(4);
        assertThat(c.toString()).doesNotContain("0123456789abcdef");
    }
}
