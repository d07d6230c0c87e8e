package dev.hybriddb.internal.repo;

import dev.hybriddb.model.DataResidency;
import dev.hybriddb.model.TenantQuotas;
import dev.hybriddb.model.TenantSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The typed tenant settings and quotas to and from their jsonb documents (keys as in the seed's schema). */
final class TenantDocuments {
    private TenantDocuments() {}

    static Map<String, Object> settings(TenantSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "defaultModel", s.defaultModel());
        putIfSet(m, "allowedModels", s.allowedModels());
        putIfSet(m, "complianceFrameworks", s.complianceFrameworks());
        putIfSet(m, "dataResidency", s.dataResidency() == null ? null : s.dataResidency().literal());
        return m;
    }

    static TenantSettings settings(Map<String, Object> m) {
        Object residency = m.get("dataResidency");
        DataResidency r = null;
        for (DataResidency d : DataResidency.values()) {
            if (d.literal().equals(residency)) {
                r = d;
            }
        }
        return new TenantSettings(m.get("defaultModel") instanceof String s ? s : null, strings(m.get("allowedModels")),
                strings(m.get("complianceFrameworks")), r);
    }

    static Map<String, Object> quotas(TenantQuotas q) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, TenantQuotas.MAX_USERS, q.maxUsers());
        putIfSet(m, TenantQuotas.MAX_PROJECTS, q.maxProjects());
        putIfSet(m, TenantQuotas.MAX_TOKENS_PER_MONTH, q.maxTokensPerMonth());
        putIfSet(m, TenantQuotas.MAX_STORAGE_GB, q.maxStorageGB());
        putIfSet(m, TenantQuotas.MAX_CONCURRENT_AGENTS, q.maxConcurrentAgents());
        return m;
    }

    static TenantQuotas quotas(Map<String, Object> m) {
        return new TenantQuotas(number(m.get(TenantQuotas.MAX_USERS)), number(m.get(TenantQuotas.MAX_PROJECTS)),
                number(m.get(TenantQuotas.MAX_TOKENS_PER_MONTH)), number(m.get(TenantQuotas.MAX_STORAGE_GB)),
                number(m.get(TenantQuotas.MAX_CONCURRENT_AGENTS)));
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Long number(Object o) {
        return o instanceof Number n && n.longValue() >= 0 ? n.longValue() : null;
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object e : list) {
            if (e instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }
}
