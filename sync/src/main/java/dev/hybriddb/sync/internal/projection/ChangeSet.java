package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.sync.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of one tenant to bring into the graph, by table: their keys (deduplicated), which node
 * rows were inserted (their incoming edges may have been skipped before), the old rows of deleted
 * or re-keyed join rows (their old owners lose an edge), and join owners to re-derive.
 */
public final class ChangeSet {
    private final Map<String, Map<String, Map<String, Object>>> keys = new LinkedHashMap<>();
    private final Map<String, Set<String>> inserted = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> oldRows = new LinkedHashMap<>();
    private final Map<String, Set<String>> joinOwners = new LinkedHashMap<>();
    private final Map<String, Set<String>> fresh = new LinkedHashMap<>();
    private final Map<String, Set<String>> stale = new LinkedHashMap<>();

    /** A changed row: its key; {@code inserted} for INSERT; {@code oldRow} for DELETE or a re-keyed UPDATE. */
    public ChangeSet add(String table, Map<String, Object> key, boolean insertedRow, String insertedId,
                         Map<String, Object> oldRow) {
        keys.computeIfAbsent(table, t -> new LinkedHashMap<>()).putIfAbsent(Json.write(new TreeMap<>(key)), key);
        if (insertedRow && insertedId != null) {
            inserted.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(insertedId);
        }
        if (!insertedRow && insertedId != null) {
            stale.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(insertedId);
        }
        if (oldRow != null) {
            oldRows.computeIfAbsent(table, t -> new ArrayList<>()).add(oldRow);
        }
        return this;
    }

    /**
     * An outbox INSERT of a node row: like {@link #add} with {@code insertedRow}, and the node counts
     * as fresh (no older edges to delete) unless the same batch also updated or deleted it.
     */
    public ChangeSet addInsert(String table, Map<String, Object> key, String id) {
        add(table, key, true, id, null);
        fresh.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(id);
        return this;
    }

    /** Ids of a node table created by this change set and not otherwise changed in it. */
    public Set<String> fresh(String table) {
        Set<String> f = fresh.get(table);
        if (f == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>(f);
        out.removeAll(stale.getOrDefault(table, Set.of()));
        return out;
    }

    /** Re-derive the edges of a join table at these owner nodes. */
    public ChangeSet addJoinOwners(String table, Collection<String> owners) {
        joinOwners.computeIfAbsent(table, t -> new LinkedHashSet<>()).addAll(owners);
        return this;
    }

    public Collection<Map<String, Object>> keys(String table) {
        Map<String, Map<String, Object>> m = keys.get(table);
        return m == null ? List.of() : m.values();
    }

    public Set<String> inserted(String table) {
        return inserted.getOrDefault(table, Set.of());
    }

    public List<Map<String, Object>> oldRows(String table) {
        return oldRows.getOrDefault(table, List.of());
    }

    public Set<String> joinOwners(String table) {
        return joinOwners.getOrDefault(table, Set.of());
    }

    public boolean isEmpty() {
        return keys.isEmpty() && joinOwners.isEmpty();
    }

    public int size() {
        return keys.values().stream().mapToInt(Map::size).sum();
    }
}
