package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Retrieval for retrieval-augmented generation: the best matches for a question, packed into a
 * context string within a token budget.
 *
 * <p>Packing is greedy in rank order: each passage is added as {@code [n] content} (blank line
 * between passages) when the whole text so far, estimated by the {@link TokenEstimator}, stays
 * within the budget; a passage that does not fit is skipped and the next, shorter one may still
 * fit. Passages are never cut.
 */
public final class Rag {
    private final DocumentStore store;
    private final int tokenBudget;
    private final SearchOptions options;
    private final boolean hybrid;
    private final TokenEstimator estimator;

    private Rag(DocumentStore store, int tokenBudget, SearchOptions options, boolean hybrid, TokenEstimator estimator) {
        this.store = Objects.requireNonNull(store, "store");
        if (tokenBudget <= 0) {
            throw new InvalidInputException("tokenBudget", tokenBudget, "must be positive");
        }
        this.tokenBudget = tokenBudget;
        this.options = Objects.requireNonNull(options, "options");
        this.hybrid = hybrid;
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /** Context from the top 10 similarity matches within {@code tokenBudget} tokens (chars / 4). */
    public static Rag over(DocumentStore store, int tokenBudget) {
        return new Rag(store, tokenBudget, SearchOptions.topK(10), false, TokenEstimator.charsDivFour());
    }

    /** The same with other search options (k, filter, distance...). */
    public Rag withOptions(SearchOptions o) {
        return new Rag(store, tokenBudget, o, hybrid, estimator);
    }

    /** The same retrieving by hybrid (full text + vector) search. */
    public Rag withHybridSearch(boolean useHybrid) {
        return new Rag(store, tokenBudget, options, useHybrid, estimator);
    }

    /** The same retrieving from {@code other} (for example the store attached to a tenant scope). */
    public Rag withStore(DocumentStore other) {
        return new Rag(other, tokenBudget, options, hybrid, estimator);
    }

    /** The same with another token estimator. */
    public Rag withEstimator(TokenEstimator e) {
        return new Rag(store, tokenBudget, options, hybrid, e);
    }

    /** The context for {@code question} (embedded by the store's embedder). */
    public RagContext context(UUID tenant, String question) {
        List<Match> matches = hybrid
                ? store.hybridSearch(tenant, question, options)
                : store.search(tenant, question, options);
        return pack(matches);
    }

    /** The context for a question whose embedding the caller computed. */
    public RagContext context(UUID tenant, String question, float[] questionEmbedding) {
        List<Match> matches = hybrid
                ? store.hybridSearch(tenant, question, questionEmbedding, options)
                : store.search(tenant, questionEmbedding, options);
        return pack(matches);
    }

    /** Packs matches, best first, into a context within the budget (see the class comment). */
    public RagContext pack(List<Match> matches) {
        StringBuilder text = new StringBuilder();
        List<Match> used = new ArrayList<>();
        int tokens = 0;
        int skipped = 0;
        for (Match m : matches) {
            String passage = (text.length() == 0 ? "" : "\n\n") + "[" + (used.size() + 1) + "] " + m.document().content();
            String candidate = text + passage;
            int estimate = estimator.estimate(candidate);
            if (estimate <= tokenBudget) {
                text.append(passage);
                used.add(m);
                tokens = estimate;
            } else {
                skipped++;
            }
        }
        return new RagContext(text.toString(), List.copyOf(used), tokens, tokenBudget, skipped);
    }
}
