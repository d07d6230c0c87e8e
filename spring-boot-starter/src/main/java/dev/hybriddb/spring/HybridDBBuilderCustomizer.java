package dev.hybriddb.spring;

import dev.hybriddb.HybridDB;

/**
 * Adjusts the {@link HybridDB.Builder} of the auto-configured HybridDB after the properties are
 * applied (a layout, a plugin, an owner {@code DataSource}, a pool customizer...). Beans of this
 * type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface HybridDBBuilderCustomizer {
    void customize(HybridDB.Builder builder);
}
