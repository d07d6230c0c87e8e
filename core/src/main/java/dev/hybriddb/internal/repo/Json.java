package dev.hybriddb.internal.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;

/** Converts jsonb columns to and from immutable {@code Map<String, Object>} values. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private Json() {}

    /** The map as jsonb, or null for null. */
    public static JSONB jsonb(String field, Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        JsonValues.check(field, map);
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, map.keySet(), "is not representable as JSON: " + e.getOriginalMessage());
        }
    }

    /** The jsonb object as an unmodifiable map (empty for null). */
    public static Map<String, Object> map(JSONB json) {
        if (json == null || json.data() == null) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(json.data(), MAP));
        } catch (JsonProcessingException e) {
            return Map.of("value", json.data());
        }
    }
}
