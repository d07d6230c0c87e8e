package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.vector.internal.LazyEmbedder;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector module behind the facade: services on {@code db.service}, stores attached to a
 * tenant scope that commit and roll back with the repositories, the tenant of the scope enforced.
 */
class VectorFacadeIT {
    static VectorDb pg;
    static WordEmbedder embedder;
    static HybridDB db;

    @BeforeAll
    static void setUp() {
        pg = VectorDb.create("vector_facade");
        embedder = new WordEmbedder();
        db = HybridDB.builder().config(config()).installPlugin(new VectorPlugin(embedder)).build();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
        pg.close();
    }

    static HybridConfig config() {
        return HybridConfig.builder().url(pg.pg.jdbcUrl()).user(pg.pg.appUser()).password(pg.pg.appPassword())
                .minPoolSize(0).maxPoolSize(3).build();
    }

    static UUID tenant(String name) {
        return db.createTenant(TenantFields.of(name, name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID())).id();
    }

    @Test
    void servicesWorkAfterBuildWithTheInstalledEmbedder() {
        UUID t = tenant("Services");
        DocumentStore docs = db.service(DocumentStore.class);
        assertThat(db.service(Embedder.class)).isSameAs(embedder);
        assertThat(docs.embedder()).containsSame(embedder);
        UUID restore = docs.add(t, NewDocument.of("restore a backup with pg_restore").withTitle("Runbook"));
        docs.add(t, NewDocument.of("the office plant needs water"));
        List<Match> hits = docs.search(t, "how to restore the backup", SearchOptions.topK(1));
        assertThat(hits).extracting(m -> m.document().id()).containsExactly(restore);
        assertThat(hits.get(0).document().title()).isEqualTo("Runbook");

        AgentMemory memory = db.service(AgentMemory.class);
        MemoryBank bank = memory.createBank(t, "ops", null);
        memory.remember(t, bank.id(), NewMemory.of("backups run at night"));
        assertThat(memory.recall(t, bank.id(), "when do backups run", 1)).hasSize(1);
        ConversationStore chat = db.service(ConversationStore.class);
        chat.addMessage(t, "s", ConversationRole.USER, "hello", null);
        assertThat(chat.conversation(t, "s")).extracting(ConversationMessage::content).containsExactly("hello");
    }

    @Test
    void aTaskAndItsMemoryRollBackTogether() {
        UUID t = tenant("Rollback");
        assertThatThrownBy(() -> db.useTenant(t, s -> {
            s.tasks().create(TaskFields.of("Write the parser", List.of("java")));
            TenantMemories memories = s.attach(TenantMemories.class);
            MemoryBank bank = memories.createBank("planner", null);
            memories.remember(bank.id(), NewMemory.of("the parser needs a grammar"));
            s.attach(TenantDocuments.class).add(NewDocument.of("grammar notes").withTitle("Grammar"));
            s.attach(TenantConversations.class).addMessage("s1", ConversationRole.USER, "write the parser", null);
            assertThat(s.tasks().count()).isEqualTo(1);
            assertThat(memories.memories(bank.id(), Page.first(10))).hasSize(1);    // visible inside the transaction
            throw new IOException("the agent crashed");
        })).isInstanceOf(IOException.class).hasMessage("the agent crashed");
        assertNothingWritten(t);

        // a constraint violation of a scoped store rolls back the repository's write as well
        assertThatThrownBy(() -> db.useTenant(t, s -> {
            s.tasks().create(TaskFields.of("Plan", List.of()));
            s.attach(TenantMemories.class).createBank("dup", null);
            s.attach(TenantMemories.class).createBank("dup", null);
        })).isInstanceOf(ConstraintViolationException.class).hasMessageContaining("memory_banks_tenant_name_key");
        assertNothingWritten(t);
    }

    @Test
    void aTaskAndItsMemoryCommitTogether() {
        UUID t = tenant("Commit");
        UUID[] ids = db.withTenant(t, s -> {
            Task task = s.tasks().create(TaskFields.of("Write the parser", List.of("java")));
            TenantMemories memories = s.attach(TenantMemories.class);
            MemoryBank bank = memories.createBank("planner", null);
            Memory m = memories.remember(bank.id(), NewMemory.of("the parser needs a grammar").withMetadata(Map.of("task", task.id().toString())));
            UUID doc = s.attach(TenantDocuments.class).add(NewDocument.of("grammar notes").withTitle("Grammar"));
            s.attach(TenantConversations.class).addMessage("s1", ConversationRole.USER, "write the parser", null);
            return new UUID[] {task.id(), bank.id(), m.id(), doc};
        });
        String title = db.withTenant(t, s -> s.tasks().get(ids[0]).title());
        assertThat(title).isEqualTo("Write the parser");
        assertThat(db.service(AgentMemory.class).memories(t, ids[1], Page.first(10))).extracting(Memory::id).containsExactly(ids[2]);
        assertThat(db.service(AgentMemory.class).memory(t, ids[2]).orElseThrow().metadata()).containsEntry("task", ids[0].toString());
        assertThat(db.service(DocumentStore.class).get(t, ids[3]).orElseThrow().title()).isEqualTo("Grammar");
        assertThat(db.service(ConversationStore.class).conversation(t, "s1")).hasSize(1);
        // the scoped views read and search in the transaction too
        db.useTenant(t, s -> {
            TenantDocuments docs = s.attach(TenantDocuments.class);
            assertThat(docs.tenantId()).isEqualTo(t);
            assertThat(docs.list(Page.first(5))).extracting(Document::id).containsExactly(ids[3]);
            assertThat(docs.search("grammar", SearchOptions.topK(3))).extracting(x -> x.document().id()).containsExactly(ids[3]);
            assertThat(docs.hybridSearch("grammar notes", SearchOptions.topK(3))).hasSize(1);
            assertThat(s.attach(TenantMemories.class).recall(ids[1], "grammar", 1)).hasSize(1);
            assertThat(s.attach(TenantConversations.class).recentMessages("s1", 1)).hasSize(1);
        });
    }

    @Test
    void aSearchInAScopeLeavesTheScopesPlannerSettingsAsTheyWere() throws Exception {
        UUID t = tenant("Settings");
        db.useTenant(t, s -> {
            String before = setting(s.connection(), "enable_indexscan");
            s.attach(TenantDocuments.class).add(NewDocument.of("alpha beta"));
            s.attach(TenantDocuments.class).search("alpha", SearchOptions.topK(1).exact());
            assertThat(setting(s.connection(), "enable_indexscan")).isEqualTo(before).isEqualTo("on");
            s.attach(TenantDocuments.class).search("alpha", SearchOptions.topK(1).approximate().withEfSearch(99));
            assertThat(setting(s.connection(), "enable_seqscan")).isEqualTo("on");
            assertThat(setting(s.connection(), "hnsw.ef_search")).isEqualTo("40");
        });
    }

    @Test
    void aScopeRefusesAnotherTenantsIdsAndRows() {
        UUID a = tenant("Scope A");
        UUID b = tenant("Scope B");
        MemoryBank bankOfB = db.service(AgentMemory.class).createBank(b, "b's", null);
        UUID docOfB = db.service(DocumentStore.class).add(b, NewDocument.of("b's secret").withTitle("B"));
        db.useTenant(a, s -> {
            DocumentStore docs = s.attach(DocumentStore.class);
            assertThatThrownBy(() -> docs.add(b, NewDocument.of("intrusion")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantId").hasMessageContaining(b.toString());
            assertThatThrownBy(() -> docs.get(b, docOfB)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> docs.search(b, "secret", SearchOptions.topK(1))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> docs.count(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.attach(AgentMemory.class).banks(b)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.attach(AgentMemory.class).remember(b, bankOfB.id(), NewMemory.of("x")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.attach(ConversationStore.class).conversation(b, "s")).isInstanceOf(InvalidInputException.class);
            assertThat(docs.count(a)).isZero();

            // ids of the other tenant's rows: not found, whichever way they are asked for
            TenantDocuments mine = s.attach(TenantDocuments.class);
            TenantMemories memories = s.attach(TenantMemories.class);
            assertThat(mine.get(docOfB)).isEmpty();
            assertThat(mine.delete(docOfB)).isFalse();
            assertThatThrownBy(() -> mine.update(docOfB, NewDocument.of("overwritten"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memories.remember(bankOfB.id(), NewMemory.of("into b's bank")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(memories.memories(bankOfB.id(), Page.first(10))).isEmpty();
            assertThat(memories.deleteBank(bankOfB.id())).isFalse();
            assertThat(mine.search("secret", SearchOptions.topK(5))).isEmpty();
        });
        assertThat(db.service(DocumentStore.class).get(b, docOfB).orElseThrow().content()).isEqualTo("b's secret");
        assertThat(db.service(AgentMemory.class).banks(b)).hasSize(1);
    }

    @Test
    void aScopedStoreRefusesWorkAfterItsScopeEnded() {
        UUID t = tenant("Ended");
        TenantDocuments leaked = db.withTenant(t, s -> s.attach(TenantDocuments.class));
        assertThatThrownBy(leaked::count).isInstanceOf(IllegalStateException.class).hasMessageContaining("scope has ended");
    }

    @Test
    void theDiscoveredPluginEmbedsWithMiniLmLoadedOnFirstUse() {
        try (HybridDB discovered = HybridDB.builder().config(config()).build()) {
            Embedder e = discovered.service(Embedder.class);
            assertThat(e).isInstanceOf(LazyEmbedder.class);
            assertThat(e.dimensions()).isEqualTo(MiniLmEmbedder.DIMENSIONS);
            assertThat(((LazyEmbedder) e).loaded()).as("building the HybridDB loads no model").isFalse();
            assertThat(e.toString()).contains("MiniLM").contains("loaded on first use");
            UUID t = discovered.createTenant(TenantFields.of("MiniLM", "minilm-" + UUID.randomUUID())).id();
            DocumentStore docs = discovered.service(DocumentStore.class);
            UUID cat = docs.add(t, NewDocument.of("The cat sleeps on the sofa."));
            docs.add(t, NewDocument.of("Quarterly revenue grew by eight percent."));
            assertThat(((LazyEmbedder) e).loaded()).isTrue();
            assertThat(docs.search(t, "a kitten is napping on the couch", SearchOptions.topK(1)))
                    .extracting(m -> m.document().id()).containsExactly(cat);
        }
    }

    @Test
    void withoutThePluginTheServicesAreMissing() {
        try (HybridDB bare = HybridDB.builder().config(config()).discoverPlugins(false).build()) {
            assertThatThrownBy(() -> bare.service(DocumentStore.class)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(DocumentStore.class.getName());
            UUID t = bare.createTenant(TenantFields.of("Bare", "bare-" + UUID.randomUUID())).id();
            assertThatThrownBy(() -> bare.useTenant(t, s -> s.attach(TenantDocuments.class)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(TenantDocuments.class.getName());
        }
    }

    private static void assertNothingWritten(UUID t) {
        long tasks = db.withTenant(t, s -> s.tasks().count());
        assertThat(tasks).isZero();
        assertThat(db.service(AgentMemory.class).banks(t)).isEmpty();
        assertThat(db.service(DocumentStore.class).count(t)).isZero();
        assertThat(db.service(ConversationStore.class).conversation(t, "s1")).isEmpty();
    }

    private static String setting(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
