package dev.hybriddb.vector;

import java.util.UUID;

/**
 * A passage retrieved for a question, as given to the {@link AnswerModel} and kept in the history.
 * The content is a copy taken at retrieval: the history stays true when the document changes later.
 *
 * @param rank       1 for the best passage, then 2, 3...
 * @param documentId the document it came from (which may since have been deleted)
 * @param title      the document's title, or null
 * @param content    the passage
 * @param score      the search score, higher is better (see {@link Match#score()})
 * @param distance   the vector distance, or NaN when the search did not compute one
 */
public record RetrievedChunk(int rank, UUID documentId, String title, String content, double score, double distance) {
    /** The same passage at another rank. */
    public RetrievedChunk withRank(int newRank) {
        return new RetrievedChunk(newRank, documentId, title, content, score, distance);
    }
}
