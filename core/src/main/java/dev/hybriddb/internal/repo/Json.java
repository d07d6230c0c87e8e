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
    private static final ObjectMapper MAPPER = dev.hybriddb.internal.JsonMapper.shared();
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

    /** A list of JSON objects as jsonb (an empty array for null). */
    public static JSONB jsonbList(String field, java.util.List<? extends Map<String, ?>> list) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(list == null ? java.util.List.of() : list));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "(list of " + list.size() + ")", "is not representable as JSON: " + e.getOriginalMessage());
        }
    }

    /** A jsonb array of objects as an unmodifiable list (empty for null or a non-array). */
    public static java.util.List<Map<String, Object>> objects(JSONB json) {
        if (json == null || json.data() == null) {
            return java.util.List.of();
        }
        try {
            return java.util.List.copyOf(MAPPER.readValue(json.data(), new TypeReference<java.util.List<LinkedHashMap<String, Object>>>() {}));
        } catch (JsonProcessingException e) {
            return java.util.List.of();
        }
    }
}
