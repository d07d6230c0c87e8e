package dev.hybriddb.vector;

/**
 * A question put to an {@link AnswerModel}.
 *
 * @param sessionId the RAG session it belongs to
 * @param text      the question
 */
public record Question(String sessionId, String text) {}
