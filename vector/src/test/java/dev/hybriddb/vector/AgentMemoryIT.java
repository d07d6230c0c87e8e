package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Memory banks, recall with access statistics, importance, conversations, tenant isolation. */
class AgentMemoryIT {
    static final int DIMS = 384;
    static VectorDb db;
    static AgentMemory memory;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_memory");
        memory = AgentMemory.create(db.app, DIMS);
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
        memory.addMessage(t, "session-1", ConversationRole.USER, "hello", Map.of());
        memory.addMessage(t, "session-1", ConversationRole.ASSISTANT, "hi, how can I help?", Map.of("model", "x"));
        memory.addMessage(t, "session-2", ConversationRole.USER, "other session", null);
        memory.addMessage(t, "session-1", ConversationRole.USER, "plan my week", Map.of());

        assertThat(memory.conversation(t, "session-1")).extracting(ConversationMessage::content)
                .containsExactly("hello", "hi, how can I help?", "plan my week");
        assertThat(memory.conversation(t, "session-1").get(1).role()).isEqualTo(ConversationRole.ASSISTANT);
        assertThat(memory.conversation(t, "session-1").get(1).metadata()).containsEntry("model", "x");
        assertThat(memory.recentMessages(t, "session-1", 2)).extracting(ConversationMessage::content)
                .containsExactly("hi, how can I help?", "plan my week");
        UUID other = db.newTenant("chat other");
        assertThat(memory.conversation(other, "session-1")).isEmpty();
        assertThat(memory.deleteConversation(t, "session-1")).isEqualTo(3);
        assertThat(memory.conversation(t, "session-2")).hasSize(1);
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
        assertThatThrownBy(() -> memory.addMessage(t, " ", ConversationRole.USER, "x", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> memory.createBank(t, "", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThat(memory.recall(t, bank.id(), Fixtures.unit(DIMS, 0), 10, 0)).isEmpty();
    }
}
