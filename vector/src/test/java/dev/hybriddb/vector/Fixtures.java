package dev.hybriddb.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic test vectors. */
final class Fixtures {
    private Fixtures() {}

    /** {@code n} random unit vectors of {@code dims} components, clustered around 20 centres (like real embeddings). */
    static List<float[]> clustered(int n, int dims, long seed) {
        Random r = new Random(seed);
        List<float[]> centres = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            centres.add(gaussian(r, dims, 1.0f));
        }
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] c = centres.get(r.nextInt(centres.size()));
            float[] noise = gaussian(r, dims, 0.6f);
            float[] v = new float[dims];
            for (int j = 0; j < dims; j++) {
                v[j] = c[j] + noise[j];
            }
            out.add(normalize(v));
        }
        return out;
    }

    /** A unit vector close to {@code v}. */
    static float[] near(float[] v, long seed) {
        Random r = new Random(seed);
        float[] out = v.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += (float) r.nextGaussian() * 0.01f;
        }
        return normalize(out);
    }

    /** A unit vector of {@code dims} components starting with {@code head}, zeros after. */
    static float[] vec(int dims, float... head) {
        float[] v = new float[dims];
        System.arraycopy(head, 0, v, 0, head.length);
        return normalize(v);
    }

    static float[] unit(int dims, int axis) {
        float[] v = new float[dims];
        v[axis] = 1f;
        return v;
    }

    private static float[] gaussian(Random r, int dims, float scale) {
        float[] v = new float[dims];
        for (int j = 0; j < dims; j++) {
            v[j] = (float) r.nextGaussian() * scale;
        }
        return v;
    }

    static float[] normalize(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        float n = (float) Math.sqrt(s);
        for (int j = 0; j < v.length; j++) {
            v[j] /= n;
        }
        return v;
    }
}
