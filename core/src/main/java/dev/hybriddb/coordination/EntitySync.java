package dev.hybriddb.coordination;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.Identifiers;
import java.util.List;
import java.util.Map;

/**
 * A graph-only entity to upsert (seed 000's {@code syncFromPostgres}): a PM agent, an API key's
 * access edges, ... {@code type} is a label; {@code PMAgent} is accepted and stored as an
 * {@code Agent} whose {@code role} is {@code project_manager}.
 */
public record EntitySync(String type, String id, Map<String, Object> properties, List<Relationship> relationships) {
    public EntitySync {
        Identifiers.label(type);
        if (id == null) {
            throw new InvalidInputException("id", null, "is required");
        }
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        relationships = relationships == null ? List.of() : noNulls(relationships);
    }

    private static List<Relationship> noNulls(List<Relationship> relationships) {
        for (int i = 0; i < relationships.size(); i++) {
            if (relationships.get(i) == null) {
                throw new InvalidInputException("relationships[" + i + "]", null, "must not be null");
            }
        }
        return List.copyOf(relationships);
    }

    public static EntitySync of(String type, String id, Map<String, Object> properties, Relationship... relationships) {
        return new EntitySync(type, id, properties, List.of(relationships));
    }
}
