package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document store and agent memory apply the SDK's one text rule: NUL, unpaired surrogates and
 * non-finite JSON numbers are refused naming the field, nothing is written, and valid edge cases
 * come back byte for byte.
 */
class HostileVectorInputIT {
    private static final int DIMS = 384;
    private static final String EMOJI = "\uD83D\uDE80";
    private static final List<String> BAD = List.of("a\u0000b", "a\uD800b", "\uDC00", EMOJI + "\uD83D");
    private static VectorDb db;
    private static DocumentStore store;
    private static AgentMemory memory;
    private static ConversationStore conversations;
    private static UUID tenant;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_hostile");
        store = DocumentStore.create(db.app, DIMS);
        memory = AgentMemory.create(db.app, DIMS);
        conversations = ConversationStore.create(db.app);
        tenant = db.newTenant("Hostile");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static long rows(String table) {
        return db.app.inTenant(tenant, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void refused(String table, String field, Runnable write) {
        long before = rows(table);
        assertThatThrownBy(write::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(rows(table)).isEqualTo(before);
    }

    @Test
    void documentsRefuseBadTextAndNumbers() {
        float[] v = Fixtures.unit(DIMS, 1);
        for (String bad : BAD) {
            refused("documents", "content", () -> store.add(tenant, NewDocument.of(bad, Map.of(), v)));
            refused("documents", "docs[0].metadata.k", () -> store.addAll(tenant, List.of(NewDocument.of("ok", Map.of("k", bad), v))));
            refused("documents", "docs[0].metadata.nested.list[0]", () -> store.addAll(tenant,
                    List.of(NewDocument.of("ok", Map.of("nested", Map.of("list", List.of(bad))), v))));
        }
        for (double nan : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            refused("documents", "docs[0].metadata.nested.x", () -> store.addAll(tenant,
                    List.of(NewDocument.of("ok", Map.of("nested", Map.of("x", nan)), v))));
        }
    }

    @Test
    void memoriesAndConversationsRefuseBadText() {
        for (String bad : BAD) {
            refused("memory_banks", "name", () -> memory.createBank(tenant, bad, null));
            refused("memory_banks", "description", () -> memory.createBank(tenant, "bank", bad));
            refused("conversations", "content", () -> conversations.addMessage(tenant, "s1", ConversationRole.USER, bad, Map.of()));
        }
        refused("memory_banks", "name", () -> memory.createBank(tenant, "n".repeat(Text.NAME + 1), null));
        MemoryBank bank = memory.createBank(tenant, EMOJI.repeat(Text.NAME), "d");
        assertThat(memory.bank(tenant, EMOJI.repeat(Text.NAME)).orElseThrow().id()).isEqualTo(bank.id());
        refused("memories", "content", () -> memory.remember(tenant, bank.id(),
                NewMemory.of("x\uDBFF").withEmbedding(Fixtures.unit(DIMS, 2))));
    }

    @Test
    void validEdgeCasesRoundTripByteForByte() {
        String content = "t" + EMOJI + "\uD800\uDC00\uDBFF\uDFFF\u200D\uFEFF\u0001\t\n'\"\\";
        UUID id = store.add(tenant, NewDocument.of(content, Map.of("k" + EMOJI, "v" + EMOJI), Fixtures.unit(DIMS, 3)));
        Document d = store.get(tenant, id).orElseThrow();
        assertThat(d.content().getBytes(StandardCharsets.UTF_8)).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
        assertThat(d.metadata()).containsEntry("k" + EMOJI, "v" + EMOJI);
    }
}
