package dev.hybriddb.migrate;

import java.nio.charset.StandardCharsets;

/**
 * Which store serves a read: a key's bucket (0 to 99, from a hash of the key) below the percentage
 * reads from PostgreSQL. Deterministic: a key is always read from the same store at one setting,
 * and raising the percentage only moves keys from the legacy store to PostgreSQL, never back.
 */
public final class ReadRouting {
    private ReadRouting() {}

    /** The key's bucket, 0 to 99 (FNV-1a over the UTF-8 bytes, then a 64-bit finalizer). */
    public static int bucket(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, 100);
    }

    /** Whether a read of {@code key} goes to PostgreSQL when {@code percent} of reads do. */
    public static boolean readsFromPostgres(String key, int percent) {
        return bucket(key) < percent;
    }
}
