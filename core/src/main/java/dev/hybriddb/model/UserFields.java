package dev.hybriddb.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writable user fields; {@code name} is required to create; null means default or unchanged. */
public record UserFields(String name, String email, String role, Boolean availableForHire, BigDecimal hourlyRate,
        List<String> expertise, Map<String, Object> metadata) {
    /** A user with a name and an e-mail address. */
    public static UserFields of(String name, String email) {
        return new UserFields(name, email, null, null, null, null, null);
    }
}
