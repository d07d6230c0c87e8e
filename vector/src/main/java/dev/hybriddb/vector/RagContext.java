package dev.hybriddb.vector;

import java.util.List;

/**
 * The context {@link Rag} built for a question.
 *
 * @param text            the numbered passages, "[1] ...", separated by blank lines ("" when none fit)
 * @param sources         the matches used, in the order of the text
 * @param estimatedTokens the estimate of {@code text}, at most {@code tokenBudget}
 * @param tokenBudget     the budget it was built for
 * @param skipped         matches left out because they did not fit the remaining budget
 */
public record RagContext(String text, List<Match> sources, int estimatedTokens, int tokenBudget, int skipped) {}
