package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** all-MiniLM-L6-v2 in process, offline: paraphrases rank above unrelated text, end to end. */
class MiniLmEmbedderIT {
    static VectorDb db;
    static MiniLmEmbedder embedder;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_minilm");
        embedder = MiniLmEmbedder.create();
        long t0 = System.nanoTime();
        embedder.embed("warm up: loads the model");
        System.err.printf("MiniLM: model load + first embed %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void embedsNormalizedVectorsOf384Dimensions() {
        float[] v = embedder.embed("The agent finished the deployment task.");
        assertThat(v).hasSize(384);
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));

        List<String> texts = List.of("one", "two words", "a somewhat longer sentence about agents and tasks",
                "PostgreSQL with pgvector", "graphs answer relationship questions");
        long t1 = System.nanoTime();
        int rounds = 10;
        for (int i = 0; i < rounds; i++) {
            embedder.embed(texts.get(i % texts.size()));
        }
        long perText = (System.nanoTime() - t1) / 1_000_000 / rounds;
        long t2 = System.nanoTime();
        List<float[]> all = embedder.embedAll(texts);
        long batch = (System.nanoTime() - t2) / 1_000_000;
        assertThat(all).hasSize(5).allSatisfy(e -> assertThat(e).hasSize(384));
        assertThat(all.get(3)).containsExactly(embedder.embed("PostgreSQL with pgvector"));
        // measured facts for the report, not assertions
        System.err.printf("MiniLM: %d ms per text, embedAll(5) %d ms%n", perText, batch);
    }

    @Test
    void paraphraseRanksAboveUnrelatedText() {
        DocumentStore store = DocumentStore.create(db.app, embedder);
        UUID t = db.newTenant("minilm");
        List<UUID> ids = store.addAll(t, List.of(
                NewDocument.of("The quarterly invoice for the cloud servers is overdue.", Map.of()),
                NewDocument.of("My cat likes to sleep in the sun all afternoon.", Map.of()),
                NewDocument.of("Preheat the oven and bake the bread for forty minutes.", Map.of()),
                NewDocument.of("The football match ended in a draw after extra time.", Map.of())));

        List<Match> hits = store.search(t, "We have not paid the bill for our hosting yet.", SearchOptions.topK(4));
        assertThat(hits.get(0).document().id()).isEqualTo(ids.get(0));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());

        List<Match> pets = store.search(t, "A kitten napping in sunlight", SearchOptions.topK(1));
        assertThat(pets.get(0).document().id()).isEqualTo(ids.get(1));

        RagContext ctx = Rag.over(store, 30).withOptions(SearchOptions.topK(4)).context(t, "How long should bread bake?");
        assertThat(ctx.text()).startsWith("[1] Preheat the oven");
        assertThat(ctx.estimatedTokens()).isLessThanOrEqualTo(30);

        List<Match> hybrid = store.hybridSearch(t, "invoice servers", SearchOptions.topK(2));
        assertThat(hybrid.get(0).document().id()).isEqualTo(ids.get(0));
    }

    @Test
    void memoryRecallWithTheEmbedder() {
        AgentMemory memory = AgentMemory.create(db.app, embedder);
        UUID t = db.newTenant("minilm memory");
        MemoryBank bank = memory.createBank(t, "ops", null);
        Memory deploy = memory.remember(t, bank.id(), NewMemory.of("Deployments on Friday evenings often break production.", 8));
        memory.remember(t, bank.id(), NewMemory.of("The team lunch is on Wednesdays.", 1));
        List<RecalledMemory> got = memory.recall(t, bank.id(), "Is it risky to release at the end of the week?", 1);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).memory().id()).isEqualTo(deploy.id());
        assertThat(got.get(0).memory().accessCount()).isEqualTo(1);
    }

    @Test
    void blankTextIsRejectedBeforeTheModelRuns() {
        assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text must not be blank");
        assertThatThrownBy(() -> embedder.embedAll(List.of("ok", ""))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("texts[1]");
        assertThat(MiniLmEmbedder.available()).isTrue();
        assertThat(embedder.dimensions()).isEqualTo(384);
    }
}
