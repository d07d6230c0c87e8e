package dev.hybriddb.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

final class Values {
    private Values() {}

    /** An unmodifiable copy that keeps order and allows null values (Map.copyOf does not). */
    static Map<String, Object> immutableMap(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
