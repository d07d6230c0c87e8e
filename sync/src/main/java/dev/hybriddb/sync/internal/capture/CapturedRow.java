package dev.hybriddb.sync.internal.capture;

import dev.hybriddb.sync.internal.Json;
import dev.hybriddb.sync.internal.capture.PgOutput.Change;
import dev.hybriddb.sync.internal.capture.PgOutput.Relation;
import dev.hybriddb.sync.internal.capture.PgOutput.Tuple;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outbox row for one decoded row change: the same row the generated trigger of changelog 0930
 * writes (tenant, table, op, key, old values). JSON is typed here for the common column types
 * ({@code typed}); otherwise it carries each value's text and PostgreSQL types it on insert
 * ({@code hybriddb_capture_typed}), exactly as {@code to_jsonb} types a trigger's OLD row.
 *
 * @param tableRef     the table as a quoted, qualified name (for the typing function's regclass)
 * @param commitMicros the source transaction's commit time, microseconds since 2000-01-01 UTC
 */
public record CapturedRow(String tenant, String table, char op, String rowKey, boolean keyTyped,
                          String oldRow, boolean oldTyped, String tableRef, long commitMicros) {
    private static final String TENANT = "tenant_id";
    /** bool, int8, int2, int4, oid, float4, float8, numeric, text, varchar, bpchar, uuid, name, json, jsonb. */
    private static final Set<Integer> JAVA_TYPED = Set.of(16, 20, 21, 23, 26, 700, 701, 1700, 25, 1043, 1042, 2950, 19, 114, 3802);

    /** The outbox row of {@code change}, or null when it changes nothing (an update to identical values). */
    public static CapturedRow of(Change change, Relation rel, CaptureTables.Spec spec, long commitMicros) {
        Tuple n = change.newTuple();
        Tuple o = change.oldTuple();
        String ref = quote(rel.schema()) + "." + quote(rel.name());
        int tenantAt = rel.indexOf(TENANT);
        switch (change.op()) {
            case 'I': {
                Values key = values(rel, spec.keyColumns(), n, null);
                return new CapturedRow(text(n, o, tenantAt), rel.name(), 'I', key.json(), key.typed, null, true, ref, commitMicros);
            }
            case 'U': {
                if (o != null && sameRow(o, n)) {
                    return null;
                }
                Values key = values(rel, spec.keyColumns(), n, o);
                Values old = o == null ? null : movedFrom(rel, spec, o, n, tenantAt);
                return new CapturedRow(text(n, o, tenantAt), rel.name(), 'U', key.json(), key.typed,
                        old == null ? null : old.json(), old == null || old.typed, ref, commitMicros);
            }
            case 'D': {
                Values key = values(rel, spec.keyColumns(), o, null);
                Values old = deletedRow(rel, spec, o);
                return new CapturedRow(text(o, null, tenantAt), rel.name(), 'D', key.json(), key.typed, old.json(), old.typed, ref, commitMicros);
            }
            default:
                throw new IllegalArgumentException("not a row change: " + change.op());
        }
    }

    /** The outbox row of a TRUNCATE of {@code rel}: no tenant, an empty key (changelog 0960). */
    public static CapturedRow truncate(Relation rel, long commitMicros) {
        return new CapturedRow(null, rel.name(), 'T', "{}", true, null, true, quote(rel.schema()) + "." + quote(rel.name()), commitMicros);
    }

    /** The old key and owner values (and tenant) when any of them changed, as the trigger records them. */
    private static Values movedFrom(Relation rel, CaptureTables.Spec spec, Tuple o, Tuple n, int tenantAt) {
        List<String> recorded = spec.keyAndOldColumns();
        boolean moved = false;
        for (String c : recorded) {
            int i = rel.indexOf(c);
            if (i >= 0 && !n.unchanged(i) && !Objects.equals(o.value(i), n.value(i))) {
                moved = true;
            }
        }
        if (!moved) {
            return null;
        }
        Values old = values(rel, recorded, o, null);
        if (tenantAt >= 0) {
            old.put(rel, tenantAt, o.value(tenantAt));
        } else {
            old.map.put(TENANT, null);
        }
        return old;
    }

    /** Every column of the deleted row but the secret ones (as {@code to_jsonb(OLD) - secrets}). */
    private static Values deletedRow(Relation rel, CaptureTables.Spec spec, Tuple o) {
        Values v = new Values();
        for (int i = 0; i < rel.columns().size(); i++) {
            if (!spec.secretColumns().contains(rel.columns().get(i).name()) && !o.unchanged(i)) {
                v.put(rel, i, o.value(i));
            }
        }
        return v;
    }

    private static Values values(Relation rel, List<String> columns, Tuple t, Tuple fallback) {
        Values v = new Values();
        for (String c : columns) {
            int i = rel.indexOf(c);
            if (i < 0) {
                throw new IllegalStateException("captured table " + rel.name() + " has no column " + c);
            }
            boolean fromFallback = t.unchanged(i) && fallback != null;
            v.put(rel, i, fromFallback ? fallback.value(i) : t.value(i));
        }
        return v;
    }

    private static boolean sameRow(Tuple o, Tuple n) {
        if (o.size() != n.size()) {
            return false;
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.unchanged(i) && !Objects.equals(o.value(i), n.value(i))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Tuple t, Tuple fallback, int at) {
        if (at < 0) {
            return null;
        }
        return t.unchanged(at) && fallback != null ? fallback.value(at) : t.value(at);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A JSON object being built; {@code typed} stays true while every value could be typed here. */
    private static final class Values {
        final Map<String, Object> map = new LinkedHashMap<>();
        boolean typed = true;

        void put(Relation rel, int i, String text) {
            int oid = rel.columns().get(i).typeOid();
            String name = rel.columns().get(i).name();
            if (text == null) {
                map.put(name, null);
            } else if (oid == 114 || oid == 3802) {
                map.put(name, Json.read(text));
            } else if (JAVA_TYPED.contains(oid)) {
                map.put(name, typed(oid, text));
            } else {
                typed = false;
                map.put(name, text);
            }
        }

        String json() {
            return Json.write(map);
        }

        private static Object typed(int oid, String text) {
            switch (oid) {
                case 16:
                    return "t".equals(text);
                case 20: case 21: case 23: case 26:
                    return Long.parseLong(text);
                case 700: case 701: case 1700:
                    return text.endsWith("Infinity") || text.equals("NaN") ? text : new BigDecimal(text);
                default:
                    return text;
            }
        }
    }
}
