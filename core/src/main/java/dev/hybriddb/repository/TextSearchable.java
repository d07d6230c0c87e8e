package dev.hybriddb.repository;

import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextSearchRequest;

/**
 * A repository whose text columns can be searched by trigram similarity (PostgreSQL's
 * {@code pg_trgm}, served by the columns' GIN indexes): typo-tolerant, ranked, paged, and limited
 * to the scope's tenant like every other read.
 *
 * @param <E> the entity
 */
public interface TextSearchable<E> {
    /**
     * The rows whose searched text resembles {@code request.query()} at least as much as
     * {@code request.minSimilarity()}, best first (ties by id), one page of them. Which columns
     * are searched is listed on each repository.
     */
    SearchPage<E> search(TextSearchRequest request);
}
