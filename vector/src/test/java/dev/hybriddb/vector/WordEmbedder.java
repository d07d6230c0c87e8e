package dev.hybriddb.vector;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small deterministic embedder for tests: each lower-cased word adds 1 to one of 384 components
 * (by its hash), and the sum is normalized. Texts sharing words are near; it counts its calls.
 */
final class WordEmbedder implements Embedder {
    static final int DIMS = 384;
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = new float[DIMS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMS)] += 1f;
            }
        }
        v[DIMS - 1] += 0.01f;                              // never the zero vector
        return Fixtures.normalize(v);
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String toString() {
        return "WordEmbedder";
    }
}
