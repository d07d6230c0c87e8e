package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for API-key secrets: a random 96-bit nonce per encryption, a 128-bit tag, and the
 * row's tenant and id as associated data so a ciphertext cannot be moved to another row. Keys are
 * held by version; new secrets use the active version.
 */
public final class ApiKeyCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Integer, SecretKeySpec> keys;
    private final int activeVersion;

    /** Ciphertext (with the GCM tag), nonce and the version of the key that made it. */
    public record Sealed(byte[] ciphertext, byte[] nonce, int keyVersion) {
        @Override
        public String toString() {
            return "Sealed[" + ciphertext.length + " bytes, key version " + keyVersion + "]";
        }
    }

    private ApiKeyCipher(Map<Integer, byte[]> keysByVersion, int activeVersion) {
        this.keys = new HashMap<>();
        keysByVersion.forEach((v, k) -> {
            if (k == null || k.length != 32) {
                throw new ConfigurationException("encryptionKey", "****", "must be 32 bytes (AES-256)");
            }
            keys.put(v, new SecretKeySpec(k.clone(), "AES"));
        });
        if (!keys.containsKey(activeVersion)) {
            throw new ConfigurationException("encryptionKeyVersion", activeVersion, "has no key");
        }
        this.activeVersion = activeVersion;
    }

    /** A cipher with the given keys (copied), encrypting under {@code activeVersion}. */
    public static ApiKeyCipher of(Map<Integer, byte[]> keysByVersion, int activeVersion) {
        return new ApiKeyCipher(Objects.requireNonNull(keysByVersion, "keysByVersion"), activeVersion);
    }

    /** The configuration's key, or null when none is configured. */
    public static ApiKeyCipher fromConfig(HybridConfig config) {
        return config.encryptionKey().map(k -> of(Map.of(config.encryptionKeyVersion(), k), config.encryptionKeyVersion()))
                .orElse(null);
    }

    public int activeVersion() {
        return activeVersion;
    }

    /** Encrypts {@code secret} for the api_keys row {@code (tenantId, id)}. */
    public Sealed encrypt(UUID tenantId, UUID id, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw InvalidInputException.secret("secret", "must not be empty");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher c = init(Cipher.ENCRYPT_MODE, activeVersion, nonce, tenantId, id);
            return new Sealed(c.doFinal(plain), nonce, activeVersion);
        } catch (GeneralSecurityException e) {
            throw new HybridDBException("API key encryption failed: " + e.getClass().getSimpleName(), null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Decrypts a secret sealed for the row {@code (tenantId, id)}; fails if anything was altered. */
    public String decrypt(UUID tenantId, UUID id, Sealed sealed) {
        if (!keys.containsKey(sealed.keyVersion())) {
            throw new ConfigurationException("encryptionKeyVersion", sealed.keyVersion(),
                    "is needed to decrypt API key " + id + " but not configured");
        }
        try {
            Cipher c = init(Cipher.DECRYPT_MODE, sealed.keyVersion(), sealed.nonce(), tenantId, id);
            return new String(c.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new HybridDBException("API key " + id + " could not be decrypted (key version "
                    + sealed.keyVersion() + "): wrong key or tampered ciphertext", null);
        }
    }

    private Cipher init(int mode, int version, byte[] nonce, UUID tenantId, UUID id) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, keys.get(version), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(("hybriddb.api_keys:" + tenantId + ":" + id).getBytes(StandardCharsets.UTF_8));
        return c;
    }

    @Override
    public String toString() {
        return "ApiKeyCipher[AES-256-GCM, versions " + keys.keySet() + ", active " + activeVersion + "]";
    }
}
