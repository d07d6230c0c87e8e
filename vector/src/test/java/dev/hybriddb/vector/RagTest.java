package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RagTest {
    // packing never touches the database; a store over an unused data source is enough
    static final DocumentStore STORE = DocumentStore.create(Database.of(new org.postgresql.ds.PGSimpleDataSource()), 3);

    static Match match(String content) {
        return new Match(new Document(UUID.randomUUID(), UUID.randomUUID(), null, content, Map.of(), null, Instant.EPOCH, Instant.EPOCH), 0.1, 0.9);
    }

    @Test
    void tokenEstimateIsCharsDividedByFourRoundedUp() {
        TokenEstimator e = TokenEstimator.charsDivFour();
        assertThat(e.estimate("")).isZero();
        assertThat(e.estimate("abc")).isEqualTo(1);
        assertThat(e.estimate("abcd")).isEqualTo(1);
        assertThat(e.estimate("abcde")).isEqualTo(2);
        assertThat(e.estimate("😀😀😀😀😀")).isEqualTo(2); // code points, not UTF-16 units
    }

    @Test
    void packsGreedilyInRankOrderWithinTheBudget() {
        List<Match> matches = List.of(match("a".repeat(36)), match("b".repeat(400)), match("c".repeat(20)));
        RagContext ctx = Rag.over(STORE, 20).pack(matches);
        // "[1] " + 36 chars = 40 chars = 10 tokens; the 400-char passage cannot fit; "\n\n[2] " + 20 fits
        assertThat(ctx.sources()).extracting(m -> m.document().content().charAt(0)).containsExactly('a', 'c');
        assertThat(ctx.skipped()).isEqualTo(1);
        assertThat(ctx.text()).isEqualTo("[1] " + "a".repeat(36) + "\n\n[2] " + "c".repeat(20));
        assertThat(ctx.estimatedTokens()).isEqualTo(17).isLessThanOrEqualTo(ctx.tokenBudget());
    }

    @Test
    void aCustomEstimatorAndBadBudgets() {
        RagContext ctx = Rag.over(STORE, 2).withEstimator(text -> text.split("\\s+").length)
                .pack(List.of(match("one"), match("two"), match("three")));
        assertThat(ctx.sources()).hasSize(1); // "[1] one" = 2 words; adding "[2] two" makes 4
        assertThatThrownBy(() -> Rag.over(STORE, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenBudget");
    }
}
