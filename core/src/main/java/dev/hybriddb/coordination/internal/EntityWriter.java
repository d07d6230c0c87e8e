package dev.hybriddb.coordination.internal;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.coordination.EntitySync;
import dev.hybriddb.coordination.Relationship;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import java.util.function.Function;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.TaskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes graph-only entities ({@code syncFromPostgres}): validates everything first (labels, keys,
 * values, that agents and tasks are keyed by UUIDs and carry known role and status literals, that
 * every relationship target exists, and that an ApiKey carries no secret), then upserts the node
 * and its edges through the SPI. Enum values are stored as their literals, as the sync stores them.
 */
public final class EntityWriter {
    static final String PM_TYPE = "PMAgent";
    private static final Set<String> UUID_KEYED = Set.of("Agent", "Task");
    private static final Set<String> SECRET_NAMES = Set.of("key", "secret", "password", "passwd", "api_key", "apikey",
            "token", "access_token", "ciphertext", "nonce", "private_key", "secret_key");
    private static final List<String> SECRET_SUFFIXES = List.of("_secret", "_password", "_key", "_token");

    private final GraphBackend graph;
    private final Function<UUID, String> graphNames;

    public EntityWriter(GraphBackend graph, Function<UUID, String> graphNames) {
        this.graphNames = graphNames;
        this.graph = graph;
    }

    public void write(UUID tenant, EntitySync entity) {
        if (tenant == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        String label = label(entity.type());
        GraphValues.key("id", entity.id());
        requireUuidKey(label, "id", entity.id());
        Map<String, Object> props = new LinkedHashMap<>(entity.properties());
        if (PM_TYPE.equals(entity.type())) {
            props.putIfAbsent("role", AgentRole.PROJECT_MANAGER.literal());
        }
        literals(label, props);
        if ("ApiKey".equals(label)) {
            refuseSecrets(props);
        }
        NodeRecord node = NodeRecord.of(entity.id(), props);
        GraphValues.nodeProperties(node);
        String g = graphNames.apply(tenant);
        graph.ensureGraph(g);
        for (Relationship r : entity.relationships()) {
            GraphValues.key("targetId", r.targetId());
            GraphValues.properties("relationship " + r.type(), r.properties());
            String targetLabel = label(r.targetType());
            requireUuidKey(targetLabel, "targetId", r.targetId());
            boolean self = entity.id().equals(r.targetId()) && label.equals(targetLabel);
            if (!self && graph.query(g, "MATCH (n:`" + Identifiers.label(targetLabel) + "` {id: $id}) RETURN count(n) AS n",
                    Map.of("id", r.targetId())).get(0).getLong("n") == 0) {
                throw new NotFoundException(targetLabel, r.targetId());
            }
        }
        graph.upsertNodes(g, label, List.of(node));
        for (Relationship r : entity.relationships()) {
            String targetLabel = label(r.targetType());
            String fromLabel = r.outgoing() ? label : targetLabel;
            String fromId = r.outgoing() ? entity.id() : r.targetId();
            String toLabel = r.outgoing() ? targetLabel : label;
            String toId = r.outgoing() ? r.targetId() : entity.id();
            if (GraphModel.reversed(fromLabel, r.type(), toLabel)) {
                graph.upsertEdges(g, EdgeType.of(toLabel, r.type(), fromLabel), List.of(new EdgeRecord(toId, fromId, r.properties())));
            } else {
                graph.upsertEdges(g, EdgeType.of(fromLabel, r.type(), toLabel), List.of(new EdgeRecord(fromId, toId, r.properties())));
            }
        }
    }

    /** {@code PMAgent} is an Agent (whose role is project_manager); other types are their own label. */
    static String label(String type) {
        return PM_TYPE.equals(type) ? "Agent" : type;
    }

    /** Agents and tasks are PostgreSQL rows, addressed by UUID: their graph key must be a UUID's text form. */
    static void requireUuidKey(String label, String field, String key) {
        if (UUID_KEYED.contains(label) && Rows.uuid(key) == null) {
            throw new InvalidInputException(field, key, "must be the text form of a UUID (lower case) for a " + label);
        }
    }

    /** Role and status values as the literals PostgreSQL stores, checked against the SDK's enums. */
    static void literals(String label, Map<String, Object> props) {
        props.replaceAll((name, value) -> literal(value));
        if ("Agent".equals(label)) {
            check(props, "role", AgentRole::fromLiteral);
            check(props, "status", AgentStatus::fromLiteral);
            capabilityKeys(props);
        } else if ("Task".equals(label)) {
            check(props, "status", TaskStatus::fromLiteral);
        }
    }

    /** An agent's capabilities also as matching keys, as PostgreSQL's generated column holds them. */
    private static void capabilityKeys(Map<String, Object> props) {
        Object caps = props.get("capabilities");
        if (caps instanceof java.util.Collection<?> list) {
            props.put("capability_keys", AssignmentScorer.capabilityKeys(list.stream().filter(java.util.Objects::nonNull)
                    .map(String::valueOf).toList()));
        } else if (caps != null) {
            props.put("capability_keys", AssignmentScorer.capabilityKeys(List.of(String.valueOf(caps))));
        } else {
            props.remove("capability_keys");
        }
    }

    private static Object literal(Object value) {
        if (value instanceof AgentRole v) {
            return v.literal();
        } else if (value instanceof AgentStatus v) {
            return v.literal();
        } else if (value instanceof TaskStatus v) {
            return v.literal();
        } else if (value instanceof ExecutionResult v) {
            return v.literal();
        }
        return value;
    }

    private static void check(Map<String, Object> props, String name, java.util.function.Function<String, ?> parse) {
        Object value = props.get(name);
        if (value != null) {
            parse.apply(String.valueOf(value));
        }
    }

    static void refuseSecrets(Map<String, Object> props) {
        for (String name : props.keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (SECRET_NAMES.contains(n) || SECRET_SUFFIXES.stream().anyMatch(n::endsWith)) {
                throw InvalidInputException.secret("ApiKey." + name,
                        "must not be synced to the graph: API key secrets stay encrypted in PostgreSQL");
            }
        }
    }
}
