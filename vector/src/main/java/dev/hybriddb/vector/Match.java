package dev.hybriddb.vector;

/**
 * A search result.
 *
 * @param document the document (its embedding is not loaded)
 * @param distance the distance to the query by the search's {@link Distance} (for hybrid search:
 *                 the vector distance, or NaN when only full text found it)
 * @param score    higher is better: {@link Distance#score(double)} for similarity search, the
 *                 reciprocal rank fusion score for hybrid search
 */
public record Match(Document document, double distance, double score) {}
