package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.Embedder;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** An embedder of known dimensions whose delegate is created on the first embedding. */
public final class LazyEmbedder implements Embedder {
    private final Supplier<? extends Embedder> factory;
    private final int dimensions;
    private final String description;
    private volatile Embedder delegate;

    public LazyEmbedder(Supplier<? extends Embedder> factory, int dimensions, String description) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.dimensions = dimensions;
        this.description = description;
    }

    @Override
    public float[] embed(String text) {
        return delegate().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate().embedAll(texts);
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    /** True once the delegate has been created. */
    public boolean loaded() {
        return delegate != null;
    }

    private Embedder delegate() {
        Embedder d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = Objects.requireNonNull(factory.get(), "embedder");
                    delegate = d;
                }
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return description + (delegate == null ? " (loaded on first use)" : "");
    }
}
