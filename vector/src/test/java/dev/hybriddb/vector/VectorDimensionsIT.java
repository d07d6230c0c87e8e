package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.Page;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Document stores for embedders of 1,536 (OpenAI text-embedding-3-small, {@code vector}) and
 * 3,072 dimensions (text-embedding-3-large, {@code halfvec}): created by the owner, used by the
 * application role, searched through their HNSW index with the right nearest neighbours, and
 * refusing embeddings that do not fit.
 */
class VectorDimensionsIT {
    private static final int N = 300;
    private static VectorDb db;

    @BeforeAll
    static void createStores() {
        db = VectorDb.create("vector_dims");
        // tag::create-stores[]
        VectorStores stores = VectorStores.using(db.owner); // connects as the migration role
        String small = stores.createDocumentStore(1536);    // documents_d1536, vector(1536)
        String large = stores.createDocumentStore(3072);    // documents_d3072, halfvec(3072)
        // end::create-stores[]
        assertThat(small).isEqualTo("documents_d1536");
        assertThat(large).isEqualTo("documents_d3072");
        assertThat(stores.createDocumentStore(3072)).as("idempotent").isEqualTo(large);
        assertThat(stores.createMemoryStore(3072)).isEqualTo("memories_d3072");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1536, 3072})
    void storesFindTheNearestNeighboursThroughTheirHnswIndex(int dims) {
        assertThat(columnType("documents_d" + dims)).isEqualTo(VectorStores.columnType(dims))
                .isEqualTo((dims > 2000 ? "halfvec(" : "vector(") + dims + ")");
        // tag::use-store[]
        DocumentStore store = DocumentStore.create(db.app, dims); // or DocumentStore.create(db, embedder)
        // end::use-store[]
        UUID tenant = db.newTenant("dims " + dims);
        List<float[]> vectors = Fixtures.clustered(N, dims, dims);
        List<NewDocument> docs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            docs.add(NewDocument.of("document " + i, Map.of("i", i), vectors.get(i)));
        }
        List<UUID> ids = store.addAll(tenant, docs);
        UUID other = db.newTenant("dims other " + dims);
        store.add(other, NewDocument.of("next door", Map.of(), Fixtures.near(vectors.get(0), 1)));
        assertThat(store.count(tenant)).isEqualTo(N);

        for (int i = 0; i < N; i += 23) {
            float[] q = Fixtures.near(vectors.get(i), 1000 + i);
            List<Match> exact = store.search(tenant, q, SearchOptions.topK(5).exact());
            List<Match> approx = store.search(tenant, q, SearchOptions.topK(5).approximate().withEfSearch(100));
            assertThat(exact.get(0).document().id()).as("query near document %d", i).isEqualTo(ids.get(i));
            assertThat(approx.get(0).document().id()).isEqualTo(ids.get(i));
            assertThat(approx).extracting(Match::distance).isSorted();
            assertThat(approx.get(0).distance()).isEqualTo(exact.get(0).distance(), within(1e-3));
        }
        String plan = store.explain(tenant, vectors.get(0), SearchOptions.topK(5).approximate());
        assertThat(plan).contains("documents_d" + dims + "_embedding_hnsw_cosine");

        float[] back = store.get(tenant, ids.get(7)).orElseThrow().embedding();
        assertThat(back).hasSize(dims);
        for (int j = 0; j < dims; j += 97) {
            assertThat(back[j]).isCloseTo(vectors.get(7)[j], within(dims > 2000 ? 1e-3f : 1e-6f));
        }
        assertThat(store.hybridSearch(tenant, "document 3", vectors.get(3), SearchOptions.topK(3)).get(0).document().id())
                .isEqualTo(ids.get(3));
        assertThat(store.search(other, vectors.get(0), SearchOptions.topK(5))).as("row-level security").hasSize(1);
    }

    @Test
    void agentMemoryOf3072DimensionsRecallsTheNearestMemories() {
        assertThat(columnType("memories_d3072")).isEqualTo("halfvec(3072)");
        AgentMemory memory = AgentMemory.create(db.app, 3072);
        UUID tenant = db.newTenant("memory dims");
        MemoryBank bank = memory.createBank(tenant, "ada", null);
        List<float[]> vectors = Fixtures.clustered(60, 3072, 7);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            ids.add(memory.remember(tenant, bank.id(), NewMemory.of("memory " + i).withEmbedding(vectors.get(i))).id());
        }
        for (int i = 0; i < vectors.size(); i += 11) {
            List<RecalledMemory> hits = memory.recall(tenant, bank.id(), Fixtures.near(vectors.get(i), i), 3, 0);
            assertThat(hits.get(0).memory().id()).isEqualTo(ids.get(i));
            assertThat(hits).extracting(RecalledMemory::distance).isSorted();
        }
        assertThatThrownBy(() -> memory.remember(tenant, bank.id(), NewMemory.of("short").withEmbedding(Fixtures.unit(384, 0))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("embedding"))
                .hasMessageContaining("float[384]");
        assertThat(memory.memories(tenant, bank.id(), Page.first(100))).hasSize(vectors.size());
        assertThat(AgentMemory.create(db.app, 384).memories(tenant, bank.id(), Page.first(100)))
                .as("the 384-dimension memories table is another store").isEmpty();
        assertThat(memory.deleteBank(tenant, bank.id())).isTrue();
        assertThat(memory.memories(tenant, bank.id(), Page.first(100))).as("gone with the bank").isEmpty();
    }

    @Test
    void theDefaultStoreStaysTheDocumentsTable() {
        DocumentStore minilm = DocumentStore.create(db.app, MiniLmEmbedder.DIMENSIONS);
        UUID tenant = db.newTenant("default dims");
        minilm.add(tenant, NewDocument.of("hello", Map.of(), Fixtures.unit(384, 3)));
        assertThat(minilm.explain(tenant, Fixtures.unit(384, 3), SearchOptions.topK(1).approximate()))
                .contains("documents_embedding_hnsw_cosine");
        assertThat(DocumentStore.create(db.app, 1536).count(tenant)).as("separate tables").isZero();
    }

    @Test
    void embeddingsThatDoNotFitAreRefusedAndNothingIsWritten() {
        DocumentStore large = DocumentStore.create(db.app, 3072);
        UUID tenant = db.newTenant("hostile dims");
        float[] good = Fixtures.unit(3072, 1);

        assertThatThrownBy(() -> large.add(tenant, NewDocument.of("short", Map.of(), Fixtures.unit(1536, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("embedding"))
                .hasMessageContaining("float[1536]").hasMessageContaining("3072 dimensions");
        assertThatThrownBy(() -> large.addAll(tenant, List.of(NewDocument.of("ok", Map.of(), good),
                NewDocument.of("long", Map.of(), new float[3073]))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("docs[1].embedding"))
                .hasMessageContaining("float[3073]");
        float[] huge = good.clone();
        huge[5] = 1e6f;
        assertThatThrownBy(() -> large.addAll(tenant, List.of(NewDocument.of("ok", Map.of(), good),
                NewDocument.of("too big for half precision", Map.of(), huge))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("docs[1].embedding[5]"))
                .hasMessageContaining("1000000").hasMessageContaining("halfvec(3072)");
        float[] nan = good.clone();
        nan[9] = Float.NaN;
        assertThatThrownBy(() -> large.add(tenant, NewDocument.of("nan", Map.of(), nan)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("embedding[9]"));
        assertThatThrownBy(() -> large.search(tenant, Fixtures.unit(1536, 0), SearchOptions.topK(3)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThat(large.count(tenant)).as("nothing written").isZero();

        assertThatThrownBy(() -> DocumentStore.create(db.app, 777).count(tenant))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("777")
                .hasMessageContaining("createDocumentStore(777)");
        VectorStores stores = VectorStores.using(db.owner);
        for (int bad : new int[] {0, -1, 4001, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> stores.createDocumentStore(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dimensions"))
                    .hasMessageContaining(String.valueOf(bad));
        }
        assertThatThrownBy(() -> VectorStores.using(db.app).createDocumentStore(64))
                .as("the application role creates no tables").isInstanceOf(HybridDBException.class)
                .hasMessageContaining("42501");
        assertThat(columnType("documents_d64")).isNull();
        assertThatThrownBy(() -> AgentMemory.create(db.app, 1536).memories(tenant, UUID.randomUUID(), Page.first(1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("createMemoryStore(1536)");
    }

    private static String columnType(String table) {
        return db.owner.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                    + " WHERE a.attrelid = to_regclass(?) AND a.attname = 'embedding'")) {
                ps.setString(1, "public." + table);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Test
    void aSuspendedTenantCannotWriteAPerDimensionStoreNorItsRagHistory() {
        DocumentStore store = DocumentStore.create(db.app, 1536);
        UUID tenant = db.newTenant("dims suspended");
        float[] v = Fixtures.clustered(1, 1536, 7).get(0);
        store.add(tenant, NewDocument.of("before", Map.of(), v));
        db.owner.inTenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenants SET status = 'suspended' WHERE id = ?")) {
                ps.setObject(1, tenant);
                return ps.executeUpdate();
            }
        });
        assertThatThrownBy(() -> store.add(tenant, NewDocument.of("after", Map.of(), v)))
                .isInstanceOf(dev.hybriddb.TenantSuspendedException.class).hasMessageContaining(tenant.toString());
        assertThatThrownBy(() -> db.app.inTenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rag_sessions (tenant_id, session_key) VALUES (?, 'k')")) {
                ps.setObject(1, tenant);
                return ps.executeUpdate();
            }
        })).isInstanceOf(dev.hybriddb.TenantSuspendedException.class);
        assertThat(store.count(tenant)).as("nothing written after the suspension").isEqualTo(1);
    }
}
