package dev.hybriddb.vector.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** jsonb metadata to and from Java maps. */
public final class Json {
    private static final ObjectMapper MAPPER = dev.hybriddb.internal.JsonMapper.shared();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    /** The reader of {@link #MAP}, resolved once instead of on every read. */
    private static final ObjectReader MAP_READER = MAPPER.readerFor(MAP);

    private Json() {}

    /** The JSON text of {@code metadata} (an empty object for null). */
    public static String write(String field, Map<String, ?> metadata) {
        if (metadata == null) {
            return "{}";
        }
        JsonValues.check(field, metadata);
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, metadata, "is not representable as JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** An unmodifiable map from a jsonb object's text (empty for null and for jsonb's empty object, without parsing). */
    public static Map<String, Object> read(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(MAP_READER.<LinkedHashMap<String, Object>>readValue(json));
        } catch (JsonProcessingException e) {
            throw new HybridDBException("unreadable metadata from the database: " + e.getOriginalMessage(), e);
        }
    }
}
