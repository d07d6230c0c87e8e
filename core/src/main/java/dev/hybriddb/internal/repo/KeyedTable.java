package dev.hybriddb.internal.repo;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import java.time.OffsetDateTime;
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
        return map(dsl.insertInto(table).set(row).returning().fetchSingle());
    }

    /** The row with this key, if it exists for this tenant. */
    public Optional<E> findById(K key) {
        Values.require("id", key);
        return dsl.selectFrom(table).where(mine(id.eq(key))).fetchOptional().map(this::map);
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
        Values.require("id", key);
        if (values.isEmpty()) {
            return get(key);
        }
        return dsl.update(table).set(values.map()).where(mine(id.eq(key))).returning().fetchOptional()
                .map(this::map).orElseThrow(() -> new NotFoundException(entity, key));
    }

    /** Runs an UPDATE of {@code values} on the row matching {@code condition}, returning the row if any. */
    protected Optional<E> updateWhere(Values values, Condition condition) {
        return dsl.update(table).set(values.map()).where(mine(condition)).returning().fetchOptional().map(this::map);
    }

    /** Deletes the row; false when there was none. */
    public boolean delete(K key) {
        Values.require("id", key);
        return dsl.deleteFrom(table).where(mine(id.eq(key))).execute() == 1;
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

    /** The key field of the table. */
    protected TableField<R, K> idField() {
        return id;
    }
}
