package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import java.sql.PreparedStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CRUD, filters, hybrid search, tenant isolation and bad input, as the application role. */
class DocumentStoreIT {
    static final int DIMS = 384;
    static VectorDb db;
    static DocumentStore store;
    static UUID tenantA;
    static UUID tenantB;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_docs");
        store = DocumentStore.create(db.app, DIMS);
        tenantA = db.newTenant("Tenant A");
        tenantB = db.newTenant("Tenant B");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void addGetUpdateDelete() {
        UUID t = db.newTenant("crud");
        float[] v = Fixtures.unit(DIMS, 1);
        UUID id = store.add(t, NewDocument.of("PostgreSQL stores the vectors", Map.of("source", "manual", "page", 3), v));

        Document d = store.get(t, id).orElseThrow();
        assertThat(d.content()).isEqualTo("PostgreSQL stores the vectors");
        assertThat(d.metadata()).containsEntry("source", "manual").containsEntry("page", 3);
        assertThat(d.embedding()).containsExactly(v);
        assertThat(d.tenantId()).isEqualTo(t);

        Document u = store.update(t, id, NewDocument.of("pgvector stores the vectors", Map.of("source", "faq"), Fixtures.unit(DIMS, 2)));
        assertThat(u.content()).isEqualTo("pgvector stores the vectors");
        assertThat(u.metadata()).isEqualTo(Map.of("source", "faq"));
        assertThat(u.embedding()[2]).isEqualTo(1f);
        assertThat(u.updatedAt()).isAfterOrEqualTo(d.updatedAt());

        assertThat(store.delete(t, id)).isTrue();
        assertThat(store.delete(t, id)).isFalse();
        assertThat(store.get(t, id)).isEmpty();
        assertThatThrownBy(() -> store.update(t, id, NewDocument.of("x", Map.of(), v)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(id.toString());
    }

    @Test
    void titlesRoundTripAndDocumentsAreListedNewestFirst() {
        UUID t = db.newTenant("listing");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {          // one transaction each, so their creation times differ
            NewDocument doc = NewDocument.of("chapter " + i, Map.of("i", i), Fixtures.unit(DIMS, i));
            ids.add(store.add(t, i == 2 ? doc : doc.withTitle("Chapter " + i + " été '\"; --")));
        }
        List<Document> first = store.list(t, Page.first(2));
        assertThat(first).extracting(Document::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.get(0).title()).isEqualTo("Chapter 4 été '\"; --");
        assertThat(first.get(0).embedding()).as("listing leaves the embeddings out").isNull();
        assertThat(store.list(t, Page.first(2).next())).extracting(Document::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(store.list(t, Page.of(2, 4))).extracting(Document::id).containsExactly(ids.get(0));
        assertThat(store.list(t, Page.of(2, 2)).get(0).title()).as("untitled").isNull();
        assertThat(store.list(tenantB, Page.first(1000))).extracting(Document::id).doesNotContainAnyElementsOf(ids);

        assertThat(store.get(t, ids.get(1)).orElseThrow().title()).startsWith("Chapter 1");
        assertThat(store.search(t, Fixtures.unit(DIMS, 3), SearchOptions.topK(1)).get(0).document().title()).startsWith("Chapter 3");
        Document retitled = store.update(t, ids.get(1), NewDocument.of("chapter one", Map.of(), Fixtures.unit(DIMS, 1)).withTitle("One"));
        assertThat(retitled.title()).isEqualTo("One");
        assertThat(store.update(t, ids.get(1), NewDocument.of("chapter one", Map.of(), Fixtures.unit(DIMS, 1))).title())
                .as("an update without a title removes it").isNull();
    }

    @Test
    void badTitlesAreRefusedByTheSdkAndTheSchema() throws Exception {
        NewDocument doc = NewDocument.of("text", Map.of(), Fixtures.unit(DIMS, 0));
        assertThatThrownBy(() -> doc.withTitle(" ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> doc.withTitle("a\0b")).isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> doc.withTitle("x".repeat(NewDocument.MAX_TITLE + 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 500");
        assertThat(doc.withTitle("x".repeat(NewDocument.MAX_TITLE)).title()).hasSize(NewDocument.MAX_TITLE);
        UUID t = db.newTenant("bad titles");
        assertThat(store.get(t, store.add(t, doc.withTitle("x".repeat(NewDocument.MAX_TITLE)))).orElseThrow().title())
                .hasSize(NewDocument.MAX_TITLE);
        for (String bad : List.of("", "   ", "y".repeat(501))) {    // written past the SDK: the CHECK holds
            assertThatThrownBy(() -> db.app.inTenant(t, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.documents (tenant_id, title, content, embedding)"
                        + " VALUES (?, ?, 'text', ?)")) {
                    ps.setObject(1, t);
                    ps.setString(2, bad);
                    ps.setObject(3, new com.pgvector.PGvector(Fixtures.unit(DIMS, 0)));
                    return ps.executeUpdate();
                }
            })).isInstanceOf(ConstraintViolationException.class).hasMessageContaining("documents_title_check");
        }
        assertThatThrownBy(() -> store.list(t, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Page.first(0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void searchOrdersByEachDistance() {
        UUID t = db.newTenant("distances");
        List<NewDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            float[] v = new float[DIMS];
            v[0] = 1f;
            v[1] = i * 0.5f; // growing angle and length away from the query (axis 0)
            docs.add(NewDocument.of("doc " + i, Map.of("i", i), v));
        }
        List<UUID> ids = store.addAll(t, docs);
        float[] q = Fixtures.unit(DIMS, 0);

        List<Match> cos = store.search(t, q, SearchOptions.topK(3));
        assertThat(cos).extracting(m -> m.document().id()).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(cos.get(0).distance()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(cos.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));

        List<Match> l2 = store.search(t, q, SearchOptions.topK(2).withDistance(Distance.L2));
        assertThat(l2).extracting(m -> m.document().id()).containsExactly(ids.get(0), ids.get(1));
        assertThat(l2.get(1).distance()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));

        // inner product with (0,1,...) grows with i: the largest inner product first
        List<Match> ip = store.search(t, Fixtures.unit(DIMS, 1), SearchOptions.topK(2).withDistance(Distance.INNER_PRODUCT));
        assertThat(ip).extracting(m -> m.document().id()).containsExactly(ids.get(4), ids.get(3));
        assertThat(ip.get(0).score()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void metadataFiltersByContainmentAndEquality() {
        UUID t = db.newTenant("filters");
        store.addAll(t, List.of(
                NewDocument.of("a", Map.of("lang", "en", "tags", List.of("faq", "billing")), Fixtures.unit(DIMS, 0)),
                NewDocument.of("b", Map.of("lang", "de", "tags", List.of("faq")), Fixtures.unit(DIMS, 1)),
                NewDocument.of("c", Map.of("lang", "en", "tags", List.of("guide"), "level", 2), Fixtures.unit(DIMS, 2))));
        float[] q = Fixtures.unit(DIMS, 3);

        assertThat(contents(store.search(t, q, SearchOptions.topK(10).withFilter(MetadataFilter.contains(Map.of("tags", List.of("faq")))))))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(contents(store.search(t, q, SearchOptions.topK(10).withFilter(MetadataFilter.eq("lang", "en")))))
                .containsExactlyInAnyOrder("a", "c");
        assertThat(contents(store.search(t, q, SearchOptions.topK(10)
                .withFilter(MetadataFilter.contains(Map.of("tags", List.of("faq"))).andEq("lang", "en")))))
                .containsExactly("a");
        assertThat(contents(store.search(t, q, SearchOptions.topK(10).withFilter(MetadataFilter.eq("level", 2)))))
                .containsExactly("c");
        // a value that looks like SQL is just a value
        assertThat(store.search(t, q, SearchOptions.topK(10).withFilter(MetadataFilter.eq("lang", "en' OR '1'='1")))).isEmpty();
    }

    @Test
    void hybridSearchFusesFullTextAndVectorRank() {
        UUID t = db.newTenant("hybrid");
        float[] q = Fixtures.unit(DIMS, 0);
        List<UUID> ids = store.addAll(t, List.of(
                // nearest by vector, no keyword
                NewDocument.of("cats sleep a lot", Map.of(), Fixtures.vec(DIMS, 1f, 0.1f)),
                // keyword match, far by vector
                NewDocument.of("the invoice for the kubernetes cluster", Map.of(), Fixtures.unit(DIMS, 5)),
                // both: keyword and near
                NewDocument.of("kubernetes invoice explained", Map.of(), Fixtures.vec(DIMS, 1f, 0.3f)),
                // neither
                NewDocument.of("gardening tips", Map.of(), Fixtures.unit(DIMS, 7))));
        List<Match> hits = store.hybridSearch(t, "kubernetes invoice", q, SearchOptions.topK(4));
        assertThat(hits).hasSize(4);
        assertThat(hits.get(0).document().id()).isEqualTo(ids.get(2));
        assertThat(hits.get(0).score()).isGreaterThan(1.0 / 61); // found by both sides
        assertThat(hits).extracting(m -> m.document().id()).contains(ids.get(1), ids.get(0));
        assertThat(hits.get(hits.size() - 1).document().id()).isEqualTo(ids.get(3));

        List<Match> filtered = store.hybridSearch(t, "kubernetes", q, SearchOptions.topK(2));
        assertThat(filtered).hasSize(2);
        // only stop words: no full-text side, the vector side still answers
        assertThat(store.hybridSearch(t, "the", q, SearchOptions.topK(2))).extracting(m -> m.document().id())
                .containsExactly(ids.get(0), ids.get(2));
        // websearch syntax: a phrase and an exclusion
        assertThat(store.hybridSearch(t, "\"kubernetes invoice\" -cluster", Fixtures.unit(DIMS, 9), SearchOptions.topK(1)))
                .extracting(m -> m.document().id()).containsExactly(ids.get(2));
    }

    @Test
    void tenantAneverSeesTenantB() {
        float[] q = Fixtures.unit(DIMS, 10);
        UUID bDoc = store.add(tenantB, NewDocument.of("secret of B", Map.of("owner", "b"), q));
        store.add(tenantA, NewDocument.of("public of A", Map.of("owner", "a"), Fixtures.unit(DIMS, 11)));

        assertThat(contents(store.search(tenantA, q, SearchOptions.topK(10)))).containsExactly("public of A");
        assertThat(contents(store.search(tenantA, q, SearchOptions.topK(10).exact()))).containsExactly("public of A");
        assertThat(contents(store.hybridSearch(tenantA, "secret", q, SearchOptions.topK(10)))).containsExactly("public of A");
        assertThat(store.get(tenantA, bDoc)).isEmpty();
        assertThat(store.delete(tenantA, bDoc)).isFalse();
        assertThatThrownBy(() -> store.update(tenantA, bDoc, NewDocument.of("stolen", Map.of(), q)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.get(tenantB, bDoc).orElseThrow().content()).isEqualTo("secret of B");
        assertThat(store.count(tenantA)).isEqualTo(1);
    }

    @Test
    void appRoleWithoutTenantSeesNothingAndCannotWriteForAnotherTenant() throws Exception {
        store.add(tenantB, NewDocument.of("row of B", Map.of(), Fixtures.unit(DIMS, 12)));
        try (Connection c = db.pg.openApp(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        // a transaction scoped to A that tries to write a B row is refused by the policy
        assertThatThrownBy(() -> db.app.inTenant(tenantA, c -> {
            try (var ps = c.prepareStatement("INSERT INTO documents (tenant_id, content, embedding) VALUES (?, 'x', ?)")) {
                ps.setObject(1, tenantB);
                ps.setObject(2, new com.pgvector.PGvector(Fixtures.unit(DIMS, 0)));
                return ps.executeUpdate();
            }
        })).hasMessageContaining("row-level security");
    }

    @Test
    void badInputIsRejectedByNameAndNothingIsWritten() {
        UUID t = db.newTenant("bad input");
        float[] good = Fixtures.unit(DIMS, 0);
        float[] nan = good.clone();
        nan[5] = Float.NaN;
        float[] inf = good.clone();
        inf[7] = Float.POSITIVE_INFINITY;

        assertThatThrownBy(() -> store.addAll(t, List.of(NewDocument.of("ok", Map.of(), good),
                NewDocument.of("bad", Map.of(), nan))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("docs[1].embedding[5]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> store.add(t, NewDocument.of("bad", Map.of(), inf)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("embedding[7]").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> store.add(t, NewDocument.of("short", Map.of(), new float[] {1f, 2f, 3f})))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("embedding")
                .hasMessageContaining("float[3]").hasMessageContaining("384 dimensions");
        assertThatThrownBy(() -> NewDocument.of("   ", Map.of(), good))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("content must not be blank: '   '");
        assertThatThrownBy(() -> NewDocument.of("", Map.of(), good))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("content");
        assertThatThrownBy(() -> store.add(t, NewDocument.of("no embedder here")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("embedder");
        assertThatThrownBy(() -> store.search(t, good, SearchOptions.topK(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k must be between 1 and 10000: 0");
        assertThatThrownBy(() -> SearchOptions.topK(-3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> store.search(t, new float[DIMS], SearchOptions.topK(3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero vector");
        assertThatThrownBy(() -> MetadataFilter.eq("lang'; DROP TABLE documents; --", "en"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter.equals key")
                .hasMessageContaining("lang'; DROP TABLE");
        assertThatThrownBy(() -> MetadataFilter.contains(Map.of("", 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter.contains key");
        assertThatThrownBy(() -> store.add(t, NewDocument.of("nan metadata", Map.of("score", Double.NaN), good)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metadata.score");
        assertThatThrownBy(() -> store.addAll(t, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("docs");
        assertThatThrownBy(() -> store.hybridSearch(t, " ", good, SearchOptions.topK(3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("text must not be blank");

        assertThat(store.count(t)).isZero();
    }

    @Test
    void ragContextRespectsTheTokenBudget() {
        UUID t = db.newTenant("rag");
        float[] q = Fixtures.unit(DIMS, 20);
        List<NewDocument> docs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] v = new float[DIMS];
            v[20] = 1f;
            v[21] = i * 0.1f;
            docs.add(NewDocument.of("passage " + i + " " + "word ".repeat(10 + i * 5).trim(), Map.of(), v));
        }
        store.addAll(t, docs);
        TokenEstimator estimator = TokenEstimator.charsDivFour();
        for (int budget : new int[] {5, 40, 100, 250, 10_000}) {
            RagContext ctx = Rag.over(store, budget).context(t, "question", q);
            assertThat(ctx.estimatedTokens()).isLessThanOrEqualTo(budget).isEqualTo(estimator.estimate(ctx.text()));
            assertThat(ctx.sources().size() + ctx.skipped()).isEqualTo(8);
            if (!ctx.sources().isEmpty()) {
                assertThat(ctx.text()).startsWith("[1] passage 0");
            }
        }
        RagContext all = Rag.over(store, 10_000).context(t, "question", q);
        assertThat(all.sources()).hasSize(8);
        assertThat(all.text()).contains("\n\n[8] passage 7");
        RagContext none = Rag.over(store, 5).context(t, "question", q);
        assertThat(none.text()).isEmpty();
        assertThat(none.sources()).isEmpty();
    }

    private static List<String> contents(List<Match> matches) {
        List<String> out = new ArrayList<>();
        for (Match m : matches) {
            out.add(m.document().content());
        }
        return out;
    }
}
