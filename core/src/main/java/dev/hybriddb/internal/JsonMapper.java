package dev.hybriddb.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the SDK (jsonb columns, outbox rows, vector metadata), configured in
 * one place and shared by every module; thread-safe once built.
 */
public final class JsonMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonMapper() {}

    public static ObjectMapper shared() {
        return MAPPER;
    }
}
