package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Memory banks, recall with access statistics, importance, listing, conversations, tenant isolation. */
class AgentMemoryIT {
    static final int DIMS = 384;
    static VectorDb db;
    static AgentMemory memory;
    static ConversationStore conversations;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_memory");
        memory = AgentMemory.create(db.app, DIMS);
        conversations = ConversationStore.create(db.app);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void recallCountsAccessesAndStampsLastAccessed() {
        UUID t = db.newTenant("recall");
        MemoryBank bank = memory.createBank(t, "planner", "what the planner agent learned");
        Memory near = memory.remember(t, bank.id(), NewMemory.of("deploys fail on Fridays", 5)
                .withMetadata(Map.of("kind", "lesson")).withEmbedding(Fixtures.vec(DIMS, 1f, 0.1f)));
        Memory far = memory.remember(t, bank.id(), NewMemory.of("the office has a plant").withEmbedding(Fixtures.unit(DIMS, 9)));
        assertThat(near.accessCount()).isZero();
        assertThat(near.lastAccessed()).isNull();
        assertThat(near.importance()).isEqualTo(5);

        float[] q = Fixtures.unit(DIMS, 0);
        List<RecalledMemory> first = memory.recall(t, bank.id(), q, 1, 0);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).memory().id()).isEqualTo(near.id());
        assertThat(first.get(0).memory().accessCount()).isEqualTo(1);
        assertThat(first.get(0).memory().lastAccessed()).isNotNull();
        assertThat(first.get(0).similarity()).isGreaterThan(0.9);

        List<RecalledMemory> second = memory.recall(t, bank.id(), q, 2, 0);
        assertThat(second).extracting(r -> r.memory().id()).containsExactly(near.id(), far.id());
        assertThat(second.get(0).memory().accessCount()).isEqualTo(2);
        assertThat(second.get(1).memory().accessCount()).isEqualTo(1);
        assertThat(second.get(0).memory().lastAccessed()).isAfterOrEqualTo(first.get(0).memory().lastAccessed());

        // reading by id does not count as an access
        assertThat(memory.memory(t, near.id()).orElseThrow().accessCount()).isEqualTo(2);
        // importance threshold
        assertThat(memory.recall(t, bank.id(), q, 5, 3)).extracting(r -> r.memory().id()).containsExactly(near.id());
        assertThat(memory.memory(t, far.id()).orElseThrow().accessCount()).isEqualTo(1);

        assertThat(memory.forget(t, far.id())).isTrue();
        assertThat(memory.recall(t, bank.id(), q, 5, 0)).hasSize(1);
    }

    @Test
    void banksAreScopedByTenantAndName() {
        UUID a = db.newTenant("banks a");
        UUID b = db.newTenant("banks b");
        MemoryBank bankA = memory.createBank(a, "shared-name", null);
        MemoryBank bankB = memory.createBank(b, "shared-name", "same name, other tenant");
        assertThat(bankA.id()).isNotEqualTo(bankB.id());
        assertThatThrownBy(() -> memory.createBank(a, "shared-name", null))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("memory_banks_tenant_name_key");

        memory.remember(b, bankB.id(), NewMemory.of("B's memory").withEmbedding(Fixtures.unit(DIMS, 0)));
        assertThat(memory.banks(a)).extracting(MemoryBank::id).containsExactly(bankA.id());
        assertThat(memory.bank(a, "shared-name").orElseThrow().id()).isEqualTo(bankA.id());
        // A cannot write into, or read from, B's bank
        assertThatThrownBy(() -> memory.remember(a, bankB.id(), NewMemory.of("intrusion").withEmbedding(Fixtures.unit(DIMS, 0))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("memory bank");
        assertThat(memory.recall(a, bankB.id(), Fixtures.unit(DIMS, 0), 5, 0)).isEmpty();

        assertThat(memory.deleteBank(b, bankB.id())).isTrue();
        assertThat(memory.banks(b)).isEmpty();
    }

    @Test
    void conversationsBySession() {
        UUID t = db.newTenant("chat");
        conversations.addMessage(t, "session-1", ConversationRole.USER, "hello", Map.of());
        conversations.addMessage(t, "session-1", ConversationRole.ASSISTANT, "hi, how can I help?", Map.of("model", "x"));
        conversations.addMessage(t, "session-2", ConversationRole.USER, "other session", null);
        conversations.addMessage(t, "session-1", ConversationRole.USER, "plan my week", Map.of());

        assertThat(conversations.conversation(t, "session-1")).extracting(ConversationMessage::content)
                .containsExactly("hello", "hi, how can I help?", "plan my week");
        assertThat(conversations.conversation(t, "session-1").get(1).role()).isEqualTo(ConversationRole.ASSISTANT);
        assertThat(conversations.conversation(t, "session-1").get(1).metadata()).containsEntry("model", "x");
        assertThat(conversations.recentMessages(t, "session-1", 2)).extracting(ConversationMessage::content)
                .containsExactly("hi, how can I help?", "plan my week");
        UUID other = db.newTenant("chat other");
        assertThat(conversations.conversation(other, "session-1")).isEmpty();
        assertThat(conversations.deleteConversation(t, "session-1")).isEqualTo(3);
        assertThat(conversations.conversation(t, "session-2")).hasSize(1);
    }

    @Test
    void memoriesAreListedNewestFirstPageByPage() {
        UUID t = db.newTenant("listing");
        UUID other = db.newTenant("listing other");
        MemoryBank bank = memory.createBank(t, "journal", null);
        MemoryBank empty = memory.createBank(t, "empty", null);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {          // one transaction each, so their creation times differ
            ids.add(memory.remember(t, bank.id(), NewMemory.of("entry " + i).withEmbedding(Fixtures.unit(DIMS, i))).id());
        }
        List<Memory> first = memory.memories(t, bank.id(), Page.first(2));
        List<Memory> second = memory.memories(t, bank.id(), Page.first(2).next());
        List<Memory> third = memory.memories(t, bank.id(), Page.of(2, 4));
        assertThat(first).extracting(Memory::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(second).extracting(Memory::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(third).extracting(Memory::id).containsExactly(ids.get(0));
        assertThat(first.get(0).content()).isEqualTo("entry 4");
        assertThat(first.get(0).accessCount()).as("listing is no access").isZero();
        assertThat(memory.memory(t, ids.get(4)).orElseThrow().accessCount()).isZero();
        assertThat(memory.memories(t, empty.id(), Page.first(10))).isEmpty();
        assertThat(memory.memories(other, bank.id(), Page.first(10))).as("another tenant's bank").isEmpty();
        assertThatThrownBy(() -> memory.memories(t, bank.id(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void badInputIsRejected() {
        UUID t = db.newTenant("memory bad input");
        MemoryBank bank = memory.createBank(t, "b", null);
        assertThatThrownBy(() -> NewMemory.of("x", -1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("importance must not be negative: -1");
        assertThatThrownBy(() -> memory.remember(t, bank.id(), NewMemory.of("x").withEmbedding(new float[] {1f})))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("384 dimensions");
        assertThatThrownBy(() -> memory.recall(t, bank.id(), Fixtures.unit(DIMS, 0), 0, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k must be");
        assertThatThrownBy(() -> conversations.addMessage(t, " ", ConversationRole.USER, "x", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> memory.createBank(t, "", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThat(memory.recall(t, bank.id(), Fixtures.unit(DIMS, 0), 10, 0)).isEmpty();
    }
}
