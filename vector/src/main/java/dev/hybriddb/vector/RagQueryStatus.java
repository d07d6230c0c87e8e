package dev.hybriddb.vector;

/** How a RAG query ended. */
public enum RagQueryStatus {
    /** The model answered; {@link RagQuery#answer()} holds the answer. */
    ANSWERED,
    /** The model failed; {@link RagQuery#error()} names the failure, there is no answer. */
    FAILED
}
