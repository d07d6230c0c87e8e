package dev.hybriddb.coordination;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A graph-only entity to upsert with {@link Coordinator#syncFromPostgres}: a PM agent, an API key's
 * access edges, ... {@code type} is a label; {@code PMAgent} is accepted and stored as an
 * {@code Agent} whose {@code role} is {@code project_manager}.
 *
 * <p>The key is a string because a graph-only node need not be a PostgreSQL row: an application
 * may key, say, an {@code ApiKey} node by its own name for it. Agents and tasks are different: the
 * coordination questions address them by UUID, so an {@code Agent}, {@code PMAgent} or
 * {@code Task} entity (or relationship target) must be keyed by a UUID's text form (the
 * {@link #of(String, UUID, Map, Relationship...)} overload writes it), and its {@code role} and
 * {@code status} properties, when given, must be literals of the SDK's enums
 * ({@code AgentRole}, {@code AgentStatus}, {@code TaskStatus}) or the enum constants themselves.
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

    /** An entity keyed by a UUID (an agent, a task, or any node whose PostgreSQL row has one). */
    public static EntitySync of(String type, UUID id, Map<String, Object> properties, Relationship... relationships) {
        return of(type, Objects.requireNonNull(id, "id").toString(), properties, relationships);
    }
}
