package dev.hybriddb.spi;

/**
 * A module that attaches itself to {@code HybridDB}: the sync module provides {@code db.sync()},
 * the vector module the document and memory stores. Installed explicitly with
 * {@code HybridDB.builder().installPlugin(...)}, or found on the classpath through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.hybriddb.spi.HybridDBPlugin}).
 *
 * <p>{@link #install(PluginContext)} is called once, from {@code build()}, after the pool is open
 * and the application role has been checked; resources it starts are registered with
 * {@link PluginContext#onClose(AutoCloseable)} and closed, in reverse order, before the pool.
 * A plugin that throws makes {@code build()} fail and close what was already opened.
 */
public interface HybridDBPlugin {

    /** Attaches this plugin's services to the HybridDB being built. */
    void install(PluginContext context);
}
