package dev.hybriddb.coordination;

import dev.hybriddb.graph.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A graph-only entity to upsert (seed 000's {@code syncFromPostgres}): a PM agent, an API key's
 * access edges, ... {@code type} is a label; {@code PMAgent} is accepted and stored as an
 * {@code Agent} whose {@code role} is {@code project_manager}.
 */
public record EntitySync(String type, String id, Map<String, Object> properties, List<Relationship> relationships) {
    public EntitySync {
        Identifiers.label(type);
        Objects.requireNonNull(id, "id");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
    }

    public static EntitySync of(String type, String id, Map<String, Object> properties, Relationship... relationships) {
        return new EntitySync(type, id, properties, List.of(relationships));
    }
}
