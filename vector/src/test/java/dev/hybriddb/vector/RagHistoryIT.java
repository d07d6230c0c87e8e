package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RAG with a history on real PostgreSQL: retrieval from the tenant's documents, a deterministic
 * answer model, and the record of session, question, sources with scores, answer and latency;
 * tenants apart; a failing model recorded (per call) or leaving nothing (in a scope).
 */
class RagHistoryIT {
    static VectorDb pg;
    static HybridDB db;

    @BeforeAll
    static void setUp() {
        pg = VectorDb.create("vector_rag_history");
        db = HybridDB.builder().config(HybridConfig.builder().url(pg.pg.jdbcUrl()).user(pg.pg.appUser())
                .password(pg.pg.appPassword()).minPoolSize(0).maxPoolSize(3).build())
                .installPlugin(new VectorPlugin(new WordEmbedder())).build();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
        pg.close();
    }

    /** Answers with the titles of the passages it was given, after a pause; remembers what it saw. */
    static final class TitleModel implements AnswerModel {
        final List<List<RetrievedChunk>> seen = new CopyOnWriteArrayList<>();

        @Override
        public Answer answer(Question q, List<RetrievedChunk> context) {
            seen.add(context);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> titles = new ArrayList<>();
            context.forEach(c -> titles.add(c.title()));
            return new Answer("Q: " + q.text() + " A: see " + titles, "title-model-1", Map.of("passages", context.size()));
        }
    }

    static UUID tenantWithDocuments(String name) {
        UUID t = db.createTenant(TenantFields.of(name, name.toLowerCase() + "-" + UUID.randomUUID())).id();
        DocumentStore docs = db.service(DocumentStore.class);
        docs.add(t, NewDocument.of("restore a backup with pg_restore from the nightly dump").withTitle("Restore"));
        docs.add(t, NewDocument.of("backups run every night at two").withTitle("Backups"));
        docs.add(t, NewDocument.of("the office plant needs water on mondays").withTitle("Plant"));
        return t;
    }

    static RagAssistant assistant(AnswerModel model, int k) {
        Rag rag = Rag.over(db.service(DocumentStore.class), 1000).withOptions(SearchOptions.topK(k));
        return RagAssistant.of(rag, model, db.service(RagHistory.class));
    }

    @Test
    void aQueryRetrievesAnswersAndIsRecordedWithScoresAndLatency() {
        UUID t = tenantWithDocuments("Ops");
        TitleModel model = new TitleModel();
        RagAssistant rag = assistant(model, 2);
        RagQuery first = rag.ask(t, "chat-1", "how do I restore the nightly backup");
        RagQuery second = rag.ask(t, "chat-1", "when do backups run");

        assertThat(first.status()).isEqualTo(RagQueryStatus.ANSWERED);
        assertThat(first.sources()).hasSize(2).extracting(RetrievedChunk::rank).containsExactly(1, 2);
        assertThat(first.sources().get(0).title()).isEqualTo("Restore");
        assertThat(first.sources()).isEqualTo(model.seen.get(0));            // exactly what the model was given
        List<Match> direct = db.service(DocumentStore.class).search(t, "how do I restore the nightly backup", SearchOptions.topK(2));
        assertThat(first.sources()).extracting(RetrievedChunk::documentId).containsExactlyElementsOf(
                direct.stream().map(m -> m.document().id()).toList());
        assertThat(first.sources().get(0).score()).isEqualTo(direct.get(0).score());
        assertThat(first.sources().get(0).distance()).isEqualTo(direct.get(0).distance());
        assertThat(first.answer()).startsWith("Q: how do I restore the nightly backup A: see [Restore");
        assertThat(first.model()).isEqualTo("title-model-1");
        assertThat(first.metadata()).containsEntry("passages", 2);
        assertThat(first.error()).isNull();
        assertThat(first.answerTime()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
        assertThat(first.latency()).isGreaterThanOrEqualTo(first.retrievalTime().plus(first.answerTime()));

        List<RagQuery> history = db.service(RagHistory.class).queries(t, "chat-1");
        assertThat(history).extracting(RagQuery::id).containsExactly(first.id(), second.id());
        assertThat(history.get(0)).isEqualTo(first);
        assertThat(db.service(RagHistory.class).sessions(t, Page.first(10))).extracting(RagSession::sessionId)
                .containsExactly("chat-1");

        // the history keeps the passage as it was retrieved
        UUID restore = first.sources().get(0).documentId();
        db.service(DocumentStore.class).delete(t, restore);
        assertThat(db.service(RagHistory.class).query(t, first.id())).get()
                .satisfies(q -> assertThat(q.sources().get(0).content()).contains("pg_restore"));
    }

    @Test
    void tenantBSeesNothingOfTenantAsHistory() throws Exception {
        UUID a = tenantWithDocuments("Alpha");
        UUID b = tenantWithDocuments("Beta");
        RagQuery qa = assistant(new TitleModel(), 3).ask(a, "shared-key", "restore the backup");
        RagHistory history = db.service(RagHistory.class);

        assertThat(history.queries(b, "shared-key")).isEmpty();
        assertThat(history.query(b, qa.id())).isEmpty();
        assertThat(history.sessions(b, Page.first(10))).isEmpty();
        assertThat(history.deleteSession(b, "shared-key")).isZero();
        assertThat(history.queries(a, "shared-key")).hasSize(1);
        // B asking under the same key gets its own session
        assistant(new TitleModel(), 1).ask(b, "shared-key", "plant");
        assertThat(history.queries(a, "shared-key")).extracting(RagQuery::id).containsExactly(qa.id());
        // in B's transaction, row-level security hides every one of A's rows, whatever the query says
        db.useTenant(b, s -> {
            assertThat(s.attach(TenantRagHistory.class).query(qa.id())).isEmpty();
            for (String table : List.of("rag_sessions", "rag_queries", "rag_query_sources")) {
                try (PreparedStatement ps = s.connection().prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
                    ps.setObject(1, a);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
            assertThatThrownBy(() -> s.attach(RagHistory.class).queries(a, "shared-key"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantId");
        });
    }

    @Test
    void aModelThatThrowsIsRecordedAsFailedWithoutItsMessageAndRethrown() {
        UUID t = tenantWithDocuments("Failing");
        IllegalStateException boom = new IllegalStateException("upstream said 401 for key sk-secret-123");
        RagAssistant rag = assistant((q, ctx) -> {
            throw boom;
        }, 2);
        assertThatThrownBy(() -> rag.ask(t, "s", "restore the backup")).isSameAs(boom);

        List<RagQuery> history = db.service(RagHistory.class).queries(t, "s");
        assertThat(history).singleElement().satisfies(q -> {
            assertThat(q.status()).isEqualTo(RagQueryStatus.FAILED);
            assertThat(q.answer()).isNull();
            assertThat(q.error()).isEqualTo(IllegalStateException.class.getName()).doesNotContain("secret");
            assertThat(q.sources()).hasSize(2);                              // what the model was given
        });
        // a model that answers nothing is a failure too
        assertThatThrownBy(() -> assistant((q, ctx) -> null, 1).ask(t, "s", "plant"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assistant((q, ctx) -> Answer.of("  ", "m"), 1).ask(t, "s", "plant"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("answer.text");
        assertThat(db.service(RagHistory.class).queries(t, "s")).extracting(RagQuery::status)
                .containsExactly(RagQueryStatus.FAILED, RagQueryStatus.FAILED, RagQueryStatus.FAILED);
    }

    @Test
    void inAScopeTheQueryCommitsWithTheWorkAndAFailingModelLeavesNothing() {
        UUID t = tenantWithDocuments("Scoped");
        RagAssistant good = assistant(new TitleModel(), 2);
        // tag::rag-in-scope[]
        RagQuery q = db.withTenant(t, s -> {                  // one transaction: the task and the recorded query
            s.tasks().create(TaskFields.of("Restore drill", List.of("ops")));
            return good.ask(s, "drill", "restore the backup");
        });
        // end::rag-in-scope[]
        assertThat(db.service(RagHistory.class).queries(t, "drill")).extracting(RagQuery::id).containsExactly(q.id());

        RagAssistant failing = assistant((question, ctx) -> {
            throw new IllegalStateException("model down");
        }, 2);
        assertThatThrownBy(() -> db.useTenant(t, s -> {
            s.tasks().create(TaskFields.of("Second drill", List.of("ops")));
            failing.ask(s, "drill-2", "restore the backup");
        })).isInstanceOf(IllegalStateException.class).hasMessage("model down");
        assertThat(db.service(RagHistory.class).session(t, "drill-2")).isEmpty();
        long tasks = db.withTenant(t, s -> s.tasks().count());
        assertThat(tasks).isEqualTo(1);

        // work that fails after a successful query takes the query with it
        assertThatThrownBy(() -> db.useTenant(t, s -> {
            good.ask(s, "drill-3", "restore the backup");
            throw new IllegalStateException("later failure");
        })).hasMessage("later failure");
        assertThat(db.service(RagHistory.class).session(t, "drill-3")).isEmpty();
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndStoredVerbatimWhenValid() {
        UUID t = tenantWithDocuments("Hostile");
        RagAssistant rag = assistant(new TitleModel(), 1);
        RagHistory history = db.service(RagHistory.class);
        assertThatThrownBy(() -> rag.ask(t, "s", "  ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("question");
        assertThatThrownBy(() -> rag.ask(t, "x".repeat(256), "q")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sessionId");
        assertThatThrownBy(() -> rag.ask(t, "s", "nul\u0000byte")).isInstanceOf(InvalidInputException.class);
        RetrievedChunk chunk = new RetrievedChunk(2, UUID.randomUUID(), null, "text", 0.5, Double.NaN);
        assertThatThrownBy(() -> history.record(t, "s", NewRagQuery.answered("q", List.of(chunk), Answer.of("a", null),
                Duration.ZERO, Duration.ZERO, Duration.ZERO))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sources[0].rank");
        assertThatThrownBy(() -> new NewRagQuery("q", List.of(), null, null, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewRagQuery.answered("q", List.of(), Answer.of("a", null), Duration.ofMillis(5),
                Duration.ofMillis(5), Duration.ofMillis(9))).isInstanceOf(InvalidInputException.class).hasMessageContaining("latency");
        assertThat(history.sessions(t, Page.first(10))).isEmpty();            // nothing half written

        String key = "'; DROP TABLE rag_queries; --";
        RagQuery q = rag.ask(t, key, "$1 ' OR 1=1 -- restore");
        assertThat(history.queries(t, key)).singleElement().satisfies(r -> {
            assertThat(r.sessionId()).isEqualTo(key);
            assertThat(r.question()).isEqualTo("$1 ' OR 1=1 -- restore");
        });
        RagQuery manual = history.record(t, "manual", NewRagQuery.answered("q", List.of(chunk.withRank(1)), Answer.of("a", null),
                Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3)));
        assertThat(manual.sources().get(0).distance()).isNaN();
        assertThat(manual.latency()).isEqualTo(Duration.ofMillis(3));
        assertThat(history.deleteSession(t, key)).isOne();
        assertThat(history.query(t, q.id())).isEmpty();
    }

    /** 16 writers recording into one new session at once: one session, every query whole. */
    @Test
    void concurrentQueriesIntoOneNewSessionAreAllRecordedWhole() throws Exception {
        UUID t = tenantWithDocuments("Concurrent");
        RagHistory history = db.service(RagHistory.class);
        UUID doc = db.service(DocumentStore.class).list(t, Page.first(1)).get(0).id();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RagQuery>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return history.record(t, "busy", NewRagQuery.answered("question " + n,
                            List.of(new RetrievedChunk(1, doc, "T", "passage " + n, 0.9, 0.1),
                                    new RetrievedChunk(2, doc, null, "second " + n, 0.5, 0.5)),
                            Answer.of("answer " + n, "m"), Duration.ZERO, Duration.ZERO, Duration.ZERO));
                }));
            }
            go.countDown();
            for (Future<RagQuery> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(history.sessions(t, Page.first(10))).extracting(RagSession::sessionId).containsExactly("busy");
        List<RagQuery> queries = history.queries(t, "busy");
        assertThat(queries).hasSize(16).allSatisfy(q -> {
            String n = q.question().substring("question ".length());
            assertThat(q.answer()).isEqualTo("answer " + n);
            assertThat(q.sources()).extracting(RetrievedChunk::content).containsExactly("passage " + n, "second " + n);
        });
    }

    @Test
    void sessionsCarryMetadataAndAreListedMostRecentFirst() {
        UUID t = tenantWithDocuments("Sessions");
        RagHistory history = db.service(RagHistory.class);
        RagSession started = history.startSession(t, "older", Map.of("user", "ada", "topic", "backups"));
        assertThat(started.metadata()).containsEntry("user", "ada");
        assistant(new TitleModel(), 1).ask(t, "newer", "plant");
        assistant(new TitleModel(), 1).ask(t, "older", "backups");
        assertThat(history.sessions(t, Page.first(10))).extracting(RagSession::sessionId).containsExactly("older", "newer");
        assertThat(history.session(t, "older")).get().extracting(RagSession::metadata).isEqualTo(Map.of("user", "ada", "topic", "backups"));
        List<RagQuery> scoped = db.withTenant(t, s -> s.attach(TenantRagHistory.class).queries("older"));
        assertThat(scoped).hasSize(1);
    }
}
