package dev.hybriddb.internal.repo;

import dev.hybriddb.repository.CrudRepository;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * The shared CRUD of every uuid-keyed tenant table on the generated jOOQ classes (the statements
 * themselves live in {@link KeyedTable}).
 *
 * @param <R> the generated record
 * @param <E> the entity
 * @param <F> the writable fields
 */
public abstract class TenantTable<R extends TableRecord<R>, E, F> extends KeyedTable<R, UUID, E>
        implements CrudRepository<E, F> {

    protected TenantTable(Scope scope, Table<R> table, TableField<R, UUID> id, TableField<R, UUID> tenant,
            Field<OffsetDateTime> created, String entity) {
        super(scope, table, id, tenant, created, entity);
    }

    /** Validates {@code fields} for an insert (mandatory fields present). */
    protected abstract void validateNew(F fields);

    /** The non-null fields as column values. */
    protected abstract Values values(F fields);

    @Override
    public E create(F fields) {
        Values.require("fields", fields);
        validateNew(fields);
        return insert(values(fields));
    }

    @Override
    public E update(UUID key, F changes) {
        Values.require("changes", changes);
        return patch(key, values(changes));
    }
}
