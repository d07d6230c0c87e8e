package dev.hybriddb.model;

import java.util.List;

/**
 * A tenant's settings (stored as the tenant's {@code settings} document): the model its agents use
 * by default, the models they may use, the compliance frameworks it follows and where its data
 * must stay. Every component may be null (not set); lists are copied.
 */
public record TenantSettings(String defaultModel, List<String> allowedModels, List<String> complianceFrameworks,
        DataResidency dataResidency) {
    public TenantSettings {
        allowedModels = allowedModels == null ? null : List.copyOf(allowedModels);
        complianceFrameworks = complianceFrameworks == null ? null : List.copyOf(complianceFrameworks);
    }

    /** No setting set. */
    public static TenantSettings empty() {
        return new TenantSettings(null, null, null, null);
    }

    /** The same settings with {@code defaultModel} set to {@code v}. */
    public TenantSettings withDefaultModel(String v) {
        return new TenantSettings(v, allowedModels, complianceFrameworks, dataResidency);
    }

    /** The same settings with {@code allowedModels} set to {@code v}. */
    public TenantSettings withAllowedModels(List<String> v) {
        return new TenantSettings(defaultModel, v, complianceFrameworks, dataResidency);
    }

    /** The same settings with {@code complianceFrameworks} set to {@code v}. */
    public TenantSettings withComplianceFrameworks(List<String> v) {
        return new TenantSettings(defaultModel, allowedModels, v, dataResidency);
    }

    /** The same settings with {@code dataResidency} set to {@code v}. */
    public TenantSettings withDataResidency(DataResidency v) {
        return new TenantSettings(defaultModel, allowedModels, complianceFrameworks, v);
    }
}
