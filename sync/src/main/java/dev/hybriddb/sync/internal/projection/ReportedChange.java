package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.sync.Operation;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A row change an application reports itself (table, operation and the row's key and tenant
 * columns), turned into the tenant and the change set that re-reads the row's current state.
 */
public record ReportedChange(UUID tenantId, ChangeSet changes) {

    public static ReportedChange of(Projection projection, String table, String operation, Map<String, ?> row) {
        projection.requireTable(table);
        Operation op = Operation.parse(operation);
        Objects.requireNonNull(row, "row");
        Map<String, Object> values = new LinkedHashMap<>(row);
        NodeMapping node = projection.node(table).orElse(null);
        List<String> keyColumns = node != null ? node.keyColumns() : projection.join(table).orElseThrow().keyColumns();
        String tenantColumn = node != null ? node.tenantColumn() : projection.join(table).orElseThrow().tenantColumn();
        Object tenant = values.get(tenantColumn);
        if (tenant == null) {
            throw new InvalidInputException("row", table, "lacks its tenant column " + tenantColumn);
        }
        UUID tenantId = UUID.fromString(tenant.toString());
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : keyColumns) {
            Object v = values.get(k);
            if (v == null) {
                throw new InvalidInputException("row", table, "lacks its key column " + k);
            }
            key.put(k, v.toString());
        }
        ChangeSet cs = new ChangeSet();
        String id = String.join(":", key.values().stream().map(Object::toString).toList());
        cs.add(table, key, op == Operation.INSERT, id, node == null && op != Operation.INSERT ? stringValues(values) : null);
        return new ReportedChange(tenantId, cs);
    }

    private static Map<String, Object> stringValues(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }
}
