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

    /** The same fields with {@code name} set to {@code v}. */
    public UserFields withName(String v) {
        return new UserFields(v, email, role, availableForHire, hourlyRate, expertise, metadata);
    }

    /** The same fields with {@code email} set to {@code v}. */
    public UserFields withEmail(String v) {
        return new UserFields(name, v, role, availableForHire, hourlyRate, expertise, metadata);
    }

    /** The same fields with {@code role} set to {@code v}. */
    public UserFields withRole(String v) {
        return new UserFields(name, email, v, availableForHire, hourlyRate, expertise, metadata);
    }

    /** The same fields with {@code availableForHire} set to {@code v}. */
    public UserFields withAvailableForHire(Boolean v) {
        return new UserFields(name, email, role, v, hourlyRate, expertise, metadata);
    }

    /** The same fields with {@code hourlyRate} set to {@code v}. */
    public UserFields withHourlyRate(BigDecimal v) {
        return new UserFields(name, email, role, availableForHire, v, expertise, metadata);
    }

    /** The same fields with {@code expertise} set to {@code v}. */
    public UserFields withExpertise(List<String> v) {
        return new UserFields(name, email, role, availableForHire, hourlyRate, v, metadata);
    }

    /** The same fields with {@code metadata} set to {@code v}. */
    public UserFields withMetadata(Map<String, Object> v) {
        return new UserFields(name, email, role, availableForHire, hourlyRate, expertise, v);
    }
}
