package dev.hybriddb.graph;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Each tenant has its own graph, since graph stores have no row security. */
public final class GraphNames {
    private GraphNames() {}

    /** {@code t_<32 hex digits>}: valid as a FalkorDB key and as an AGE graph (schema) name. */
    public static String forTenant(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return "t_" + tenantId.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
