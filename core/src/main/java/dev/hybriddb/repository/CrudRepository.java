package dev.hybriddb.repository;

import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The operations every tenant table offers, inside one {@link dev.hybriddb.TenantScope}: rows of
 * other tenants are neither visible nor writable.
 *
 * @param <E> the entity (an immutable record)
 * @param <F> its writable fields: {@link #create} requires the mandatory ones, {@link #update}
 *            writes only those that are not null
 */
public interface CrudRepository<E, F> {
    /** Inserts a row for the scope's tenant and returns it as stored. */
    E create(F fields);

    /** The row with this id, if it exists for this tenant. */
    Optional<E> findById(UUID id);

    /** The row with this id; {@link dev.hybriddb.NotFoundException} if absent. */
    E get(UUID id);

    /** Rows newest first (by creation time, then id). */
    List<E> list(Page page);

    /** Writes the non-null fields and returns the row; {@link dev.hybriddb.NotFoundException} if absent. */
    E update(UUID id, F changes);

    /** Deletes the row; false when there was none. */
    boolean delete(UUID id);

    /** The number of rows of this tenant. */
    long count();
}
