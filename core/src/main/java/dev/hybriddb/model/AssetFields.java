package dev.hybriddb.model;

import java.util.Map;

/**
 * Writable asset fields; {@code name} and {@code assetType} are required to create; null means
 * default or unchanged. The total cost is not writable: contributions make it.
 */
public record AssetFields(String name, String description, String assetType, Map<String, Object> metadata) {
    /** A new asset with a name and type. */
    public static AssetFields of(String name, String assetType) {
        return new AssetFields(name, null, assetType, null);
    }
}
