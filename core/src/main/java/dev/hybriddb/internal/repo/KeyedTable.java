package dev.hybriddb.internal.repo;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.internal.Text;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextSearchRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.exception.NoDataFoundException;

/**
 * The tenant-scoped statements of a table keyed by {@code K}, on the generated jOOQ classes. Each
 * statement also filters on {@code tenant_id} (row-level security does as well) and inserts carry
 * the scope's tenant. {@link TenantTable} adds the CRUD of uuid-keyed tables.
 *
 * @param <R> the generated record
 * @param <K> the primary key type
 * @param <E> the entity
 */
public abstract class KeyedTable<R extends TableRecord<R>, K, E> {
    protected final DSLContext dsl;
    protected final UUID tenantId;
    private final Table<R> table;
    private final TableField<R, K> id;
    private final TableField<R, UUID> tenant;
    private final Field<OffsetDateTime> created;
    private final String entity;

    protected KeyedTable(Scope scope, Table<R> table, TableField<R, K> id, TableField<R, UUID> tenant,
            Field<OffsetDateTime> created, String entity) {
        this.dsl = scope.dsl();
        this.tenantId = scope.tenantId();
        this.table = table;
        this.id = id;
        this.tenant = tenant;
        this.created = created;
        this.entity = entity;
    }

    /** The entity of a fetched row. */
    protected abstract E map(R row);

    /** Inserts the values plus tenant_id and returns the stored row. */
    protected E insert(Values values) {
        Map<Field<?>, Object> row = values.map();
        row.put(tenant, tenantId);
        if (!Statements.bindable(row)) {
            return map(dsl.insertInto(table).set(row).returning().fetchSingle());
        }
        String sql = Statements.sql(dsl, shape("insert", row), () -> dsl.insertInto(table).set(slots(row)).returning());
        return map(Statements.fetchOptional(dsl, sql, table, binds(row)).orElseThrow(NoDataFoundException::new));
    }

    /** The row with this key, if it exists for this tenant. */
    public Optional<E> findById(K key) {
        requireKey(key);
        if (!keyBindable(key)) {
            return dsl.selectFrom(table).where(mine(id.eq(key))).fetchOptional().map(this::map);
        }
        String sql = Statements.sql(dsl, shape("find", Map.of()), () -> dsl.selectFrom(table).where(byKey()));
        return Statements.fetchOptional(dsl, sql, table, byKeyBinds(key)).map(this::map);
    }

    /** The row with this key; {@link NotFoundException} if absent. */
    public E get(K key) {
        return findById(key).orElseThrow(() -> new NotFoundException(entity, key));
    }

    /** Rows newest first (by creation time, then key). */
    public List<E> list(Page page) {
        return where(null, page);
    }

    /** Rows matching {@code condition} (null for all), newest first. */
    protected List<E> where(Condition condition, Page page) {
        Values.require("page", page);
        return dsl.selectFrom(table).where(mine(condition)).orderBy(created.desc(), id.desc())
                .limit(page.limit()).offset(page.offset()).fetch(this::map);
    }

    /** Applies the values to the row and returns it; NotFoundException if absent. */
    protected E patch(K key, Values values) {
        requireKey(key);
        if (values.isEmpty()) {
            return get(key);
        }
        Map<Field<?>, Object> set = values.map();
        Optional<R> row;
        if (keyBindable(key) && Statements.bindable(set)) {
            String sql = Statements.sql(dsl, shape("update", set),
                    () -> dsl.update(table).set(slots(set)).where(byKey()).returning());
            Object[] binds = binds(set, byKeyBinds(key));
            row = Statements.fetchOptional(dsl, sql, table, binds);
        } else {
            row = dsl.update(table).set(set).where(mine(id.eq(key))).returning().fetchOptional();
        }
        return row.map(this::map).orElseThrow(() -> new NotFoundException(entity, key));
    }

    /** Runs an UPDATE of {@code values} on the row matching {@code condition}, returning the row if any. */
    protected Optional<E> updateWhere(Values values, Condition condition) {
        return dsl.update(table).set(values.map()).where(mine(condition)).returning().fetchOptional().map(this::map);
    }

    /** Deletes the row; false when there was none. */
    public boolean delete(K key) {
        requireKey(key);
        if (!keyBindable(key)) {
            return dsl.deleteFrom(table).where(mine(id.eq(key))).execute() == 1;
        }
        String sql = Statements.sql(dsl, shape("delete", Map.of()), () -> dsl.deleteFrom(table).where(byKey()));
        return Statements.execute(dsl, sql, byKeyBinds(key)) == 1;
    }

    /** The number of rows of this tenant. */
    public long count() {
        return dsl.fetchCount(table, mine(null));
    }

    /** {@code tenant_id = scope tenant AND condition}. */
    protected Condition mine(Condition condition) {
        Condition own = tenant.eq(tenantId);
        return condition == null ? own : own.and(condition);
    }

    /** The cache key of a statement shape: this repository, the statement kind, the columns it sets. */
    private List<Object> shape(String kind, Map<Field<?>, Object> columns) {
        List<Object> key = new ArrayList<>(columns.size() + 2);
        key.add(getClass());
        key.add(kind);
        for (Field<?> f : columns.keySet()) {
            key.add(f.getName());
        }
        return key;
    }

    /** {@code tenant_id = ? AND id = ?}, the WHERE of {@link #mine} for a key, with bind placeholders. */
    private Condition byKey() {
        return tenant.eq(Statements.slot(tenant)).and(id.eq(Statements.slot(id)));
    }

    /** True when the tenant and this key bind through {@link Statements}. */
    private boolean keyBindable(K key) {
        return Statements.bindable(tenant, tenantId) && Statements.bindable(id, key);
    }

    /** The bind values of {@link #byKey()}. */
    private Object[] byKeyBinds(K key) {
        return new Object[] {tenantId, key};
    }

    /** The columns with a bind placeholder each (for rendering a shape). */
    private static Map<Field<?>, Object> slots(Map<Field<?>, Object> columns) {
        Map<Field<?>, Object> slots = new LinkedHashMap<>();
        for (Field<?> f : columns.keySet()) {
            slots.put(f, Statements.slot(f));
        }
        return slots;
    }

    /** The column values in column order, followed by {@code tail}. */
    private static Object[] binds(Map<Field<?>, Object> columns, Object... tail) {
        Object[] binds = new Object[columns.size() + tail.length];
        int i = 0;
        for (Map.Entry<Field<?>, Object> e : columns.entrySet()) {
            binds[i++] = e.getValue();
        }
        System.arraycopy(tail, 0, binds, i, tail.length);
        return binds;
    }

    /** Requires a key; a text key passes {@link Text#check(String, String)}. */
    private static void requireKey(Object key) {
        if (Values.require("id", key) instanceof String s) {
            Text.check("id", s);
        }
    }

    /** The text columns {@link #textSearch} searches, each with a {@code gin_trgm_ops} index (none here). */
    protected List<Field<String>> searchColumns() {
        return List.of();
    }

    /** A trigram search over the {@link #searchColumns()} of this tenant's rows, best first. */
    protected SearchPage<E> textSearch(TextSearchRequest request) {
        Values.require("request", request);
        return TrigramSearch.run(dsl, table, id, mine(null), searchColumns(), request, r -> map(r.into(table)));
    }

    /** The plan PostgreSQL chooses for {@link #textSearch} (EXPLAIN, not run), for tests of index use. */
    public String explainTextSearch(TextSearchRequest request) {
        Values.require("request", request);
        return TrigramSearch.explain(dsl, table, id, mine(null), searchColumns(), request);
    }

    /** The key field of the table. */
    protected TableField<R, K> idField() {
        return id;
    }
}
