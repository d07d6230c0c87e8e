package dev.hybriddb.vector;

/**
 * Estimates how many model tokens a text costs, for {@link Rag}'s budget. Bring your tokenizer by
 * implementing this; the default is {@link #charsDivFour()}.
 */
@FunctionalInterface
public interface TokenEstimator {

    /** The estimated token count of {@code text}. */
    int estimate(String text);

    /**
     * ceil(code points / 4): the usual rule of thumb for English text with BPE tokenizers (about
     * four characters per token). It under-counts for code, numbers and non-Latin scripts; leave
     * head room in the budget or plug in a real tokenizer.
     */
    static TokenEstimator charsDivFour() {
        return text -> (text.codePointCount(0, text.length()) + 3) / 4;
    }
}
