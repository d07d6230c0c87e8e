package dev.hybriddb.sync.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hybriddb.HybridDBException;
import java.util.List;
import java.util.Map;

/** JSON text in and out (keys passed to SQL, outbox payloads, jsonb columns). */
public final class Json {
    private static final ObjectMapper MAPPER = dev.hybriddb.internal.JsonMapper.shared();
    /** Made once: resolving the map type on every read costs more than parsing a small outbox key. */
    private static final com.fasterxml.jackson.databind.ObjectReader MAP_READER =
            MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new HybridDBException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Object read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new HybridDBException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAP_READER.readValue(text);
        } catch (JsonProcessingException e) {
            throw new HybridDBException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON text of a json/jsonb value. */
    public static String compact(String text) {
        return text == null ? null : write(read(text));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> readList(String text) {
        return (List<Object>) read(text);
    }
}
