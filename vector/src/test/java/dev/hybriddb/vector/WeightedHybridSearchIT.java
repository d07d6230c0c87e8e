package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.TenantFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weighted hybrid search (full text, title trigrams, vector) against real PostgreSQL: a document
 * only the text finds and one only the vector finds both come back, the weights reorder them,
 * another tenant sees neither, and bad requests name the field.
 */
class WeightedHybridSearchIT {
    static final int DIMS = WordEmbedder.DIMS;
    static VectorDb pg;
    static HybridDB db;
    static UUID a;
    static UUID b;
    static UUID textOnly;
    static UUID vectorOnly;
    static final List<UUID> DISTRACTORS = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        pg = VectorDb.create("vector_hybrid");
        db = HybridDB.builder().config(HybridConfig.builder().url(pg.pg.jdbcUrl()).user(pg.pg.appUser())
                .password(pg.pg.appPassword()).minPoolSize(0).maxPoolSize(3).build())
                .installPlugin(new VectorPlugin(new WordEmbedder())).build();
        a = db.createTenant(TenantFields.of("Hybrid A", "hybrid-a-" + UUID.randomUUID())).id();
        b = db.createTenant(TenantFields.of("Hybrid B", "hybrid-b-" + UUID.randomUUID())).id();
        db.withTenant(a, s -> {
            TenantDocuments docs = s.attach(TenantDocuments.class);
            textOnly = docs.add(NewDocument.of("Ledger codes for invoice XK4711", Map.of(), Fixtures.unit(DIMS, 0))
                    .withTitle("Invoice XK4711 reconciliation"));
            vectorOnly = docs.add(NewDocument.of("cats purring on the sofa", Map.of(),
                    Fixtures.near(Fixtures.unit(DIMS, 5), 1)).withTitle("Felines"));
            for (int i = 0; i < 5; i++) {
                DISTRACTORS.add(docs.add(NewDocument.of("weather report " + i, Map.of(), Fixtures.unit(DIMS, 10 + i))
                        .withTitle("Note " + i)));
            }
            return null;
        });
        db.withTenant(b, s -> s.attach(TenantDocuments.class)
                .add(NewDocument.of("B's own invoice XK4711", Map.of(), Fixtures.unit(DIMS, 5)).withTitle("B invoice")));
    }

    @AfterAll
    static void tearDown() {
        db.close();
        pg.close();
    }

    static List<Match> search(UUID tenant, HybridSearchRequest request) {
        return db.withTenant(tenant, s -> s.attach(TenantDocuments.class).hybridSearch(request));
    }

    static List<UUID> ids(List<Match> matches) {
        return matches.stream().map(m -> m.document().id()).toList();
    }

    @Test
    void findsADocumentOnlyTheTextMatchesAndOneOnlyTheVectorMatches() {
        float[] queryEmbedding = Fixtures.unit(DIMS, 5);
        // tag::hybrid[]
        HybridSearchRequest request = HybridSearchRequest.builder("XK4711 invoice")
                .embedding(queryEmbedding)        // or leave it out: the store's embedder embeds the text
                .limit(5)
                .fullTextWeight(1.0)
                .titleWeight(0.5)
                .vectorWeight(1.0)
                .maxDistance(0.5)                 // the vector list keeps only close documents
                .build();
        List<Match> matches = db.withTenant(a, s -> s.attach(TenantDocuments.class).hybridSearch(request));
        // end::hybrid[]
        assertThat(ids(matches)).containsExactlyInAnyOrder(textOnly, vectorOnly).doesNotContainAnyElementsOf(DISTRACTORS);
        Match text = matches.stream().filter(m -> m.document().id().equals(textOnly)).findFirst().orElseThrow();
        Match vector = matches.stream().filter(m -> m.document().id().equals(vectorOnly)).findFirst().orElseThrow();
        assertThat(text.distance()).isNaN();
        assertThat(vector.distance()).isLessThan(0.5);
        assertThat(text.score()).isGreaterThan(vector.score()); // found by two text lists (full text and title)
        assertThat(matches.get(0).document().title()).isEqualTo("Invoice XK4711 reconciliation");

        // Either kind of search alone misses one of them.
        List<Match> vectorAlone = db.withTenant(a, s -> s.attach(TenantDocuments.class)
                .search(queryEmbedding, SearchOptions.topK(1)));
        assertThat(ids(vectorAlone)).containsExactly(vectorOnly);
        assertThat(ids(search(a, HybridSearchRequest.builder("XK4711 invoice").vectorWeight(0).build())))
                .containsExactly(textOnly);
    }

    @Test
    void weightsDecideTheOrder() {
        float[] query = Fixtures.unit(DIMS, 5);
        List<Match> vectorFirst = search(a, HybridSearchRequest.builder("XK4711").embedding(query).maxDistance(0.5)
                .titleWeight(0).vectorWeight(3).build());
        assertThat(ids(vectorFirst)).containsExactly(vectorOnly, textOnly);
        List<Match> textFirst = search(a, HybridSearchRequest.builder("XK4711").embedding(query).maxDistance(0.5)
                .titleWeight(0).fullTextWeight(3).build());
        assertThat(ids(textFirst)).containsExactly(textOnly, vectorOnly);
    }

    @Test
    void titleTrigramsForgiveTypos() {
        List<Match> matches = search(a, HybridSearchRequest.builder("reconcilaition").fullTextWeight(0).vectorWeight(0)
                .minTitleSimilarity(0.3).build());
        assertThat(ids(matches)).containsExactly(textOnly);
        assertThat(ids(search(a, HybridSearchRequest.builder("reconcilaition").vectorWeight(0).titleWeight(0).build())))
                .isEmpty(); // full text needs the word spelt right
    }

    @Test
    void withoutAnEmbeddingTheStoresEmbedderEmbedsTheText() {
        List<Match> matches = search(a, HybridSearchRequest.builder("invoice XK4711").limit(3).build());
        assertThat(ids(matches)).first().isEqualTo(textOnly);
    }

    @Test
    void anotherTenantNeverSeesTheDocuments() {
        for (String text : List.of("XK4711 invoice", "%", "' OR 1=1 --", "reconciliation", "x".repeat(1000))) {
            List<Match> matches = search(b, HybridSearchRequest.builder(text).embedding(Fixtures.unit(DIMS, 5))
                    .minTitleSimilarity(0.01).limit(100).build());
            assertThat(matches).as(text).allSatisfy(m -> assertThat(m.document().tenantId()).isEqualTo(b));
            assertThat(ids(matches)).as(text).doesNotContain(textOnly, vectorOnly);
        }
    }

    @Test
    void badRequestsNameTheField() {
        assertField(() -> HybridSearchRequest.builder(null).build(), "text");
        assertField(() -> HybridSearchRequest.builder("  ").build(), "text");
        assertField(() -> HybridSearchRequest.builder("x".repeat(HybridSearchRequest.MAX_TEXT_LENGTH + 1)).build(), "text");
        assertField(() -> HybridSearchRequest.builder("x").limit(0).build(), "limit");
        assertField(() -> HybridSearchRequest.builder("x").limit(20).candidates(10).build(), "candidates");
        assertField(() -> HybridSearchRequest.builder("x").vectorWeight(-1).build(), "vectorWeight");
        assertField(() -> HybridSearchRequest.builder("x").fullTextWeight(Double.NaN).build(), "fullTextWeight");
        assertField(() -> HybridSearchRequest.builder("x").fullTextWeight(0).titleWeight(0).vectorWeight(0).build(),
                "vectorWeight");
        assertField(() -> HybridSearchRequest.builder("x").minTitleSimilarity(0).build(), "minTitleSimilarity");
        assertField(() -> HybridSearchRequest.builder("x").maxDistance(-0.1).build(), "maxDistance");
        assertField(() -> HybridSearchRequest.builder("x").rrfK(0).build(), "rrfK");
        assertField(() -> HybridSearchRequest.builder("x").distance(null).build(), "distance");
        assertField(() -> search(a, HybridSearchRequest.builder("x").embedding(new float[3]).build()), "embedding");
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
