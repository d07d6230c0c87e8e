package dev.hybriddb.model;

import java.util.List;

/**
 * One page of text search results, best first.
 *
 * @param hits    the hits of this page (at most {@code limit})
 * @param limit   the page size asked for
 * @param offset  the hits skipped before this page
 * @param hasMore true when at least one more hit follows this page
 * @param <E>     the entity type
 */
public record SearchPage<E>(List<SearchHit<E>> hits, int limit, int offset, boolean hasMore) {
    /** Copies the hits. */
    public SearchPage {
        hits = List.copyOf(hits);
    }

    /** The entities of this page's hits, best first. */
    public List<E> entities() {
        return hits.stream().map(SearchHit::entity).toList();
    }

    /** The offset of the next page. */
    public int nextOffset() {
        return offset + hits.size();
    }
}
