package dev.hybriddb.vector;

import dev.hybriddb.TenantScope;
import dev.hybriddb.vector.internal.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Retrieval-augmented generation with a history: retrieves passages for a question from the
 * tenant's documents ({@link Rag}: search, then packing within a token budget), asks the
 * application's {@link AnswerModel}, and records the question, the passages with their scores,
 * the answer and the time each step took in {@link RagHistory}.
 *
 * <p>Two ways to ask, with different failure semantics:
 * <ul>
 *   <li>{@link #ask(UUID, String, String)}: retrieval in one short transaction, the model called
 *       with no connection held (a model may take seconds), the record written in a second
 *       transaction. When the model throws (or returns no answer), the query is recorded as
 *       {@link RagQueryStatus#FAILED} with the exception's type (not its message, which may carry
 *       credentials of the model's service) and the exception is rethrown: failures show up in the
 *       history, and no query row is ever left without its sources or outcome.</li>
 *   <li>{@link #ask(TenantScope, String, String)}: everything in the scope's transaction. Nothing is
 *       written before the model has answered, so a failing model leaves no row at all; the
 *       exception leaves the work and the scope rolls back as usual.</li>
 * </ul>
 */
public final class RagAssistant {
    private final Rag retrieval;
    private final AnswerModel model;
    private final RagHistory history;

    private RagAssistant(Rag retrieval, AnswerModel model, RagHistory history) {
        this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
        this.model = Objects.requireNonNull(model, "model");
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * An assistant retrieving with {@code retrieval}, answering with {@code model} and recording in
     * {@code history} (typically {@code db.service(RagHistory.class)}).
     */
    public static RagAssistant of(Rag retrieval, AnswerModel model, RagHistory history) {
        return new RagAssistant(retrieval, model, history);
    }

    /**
     * Answers {@code question} in session {@code sessionId} of {@code tenant} and returns the
     * recorded query. A model failure is recorded, then rethrown (see the class comment).
     */
    public RagQuery ask(UUID tenant, String sessionId, String question) {
        Objects.requireNonNull(tenant, "tenant");
        check(sessionId, question);
        Attempt a = attempt(retrieval, tenant, sessionId, question);
        if (a.failure == null) {
            return history.record(tenant, sessionId, a.answered());
        }
        try {
            history.record(tenant, sessionId, a.failed());
        } catch (RuntimeException recordFailure) {
            a.failure.addSuppressed(recordFailure);
        }
        throw a.failure;
    }

    /**
     * Answers {@code question} in session {@code sessionId} inside {@code scope}'s transaction:
     * retrieval, the model and the record. A model failure writes nothing and is rethrown.
     */
    public RagQuery ask(TenantScope scope, String sessionId, String question) {
        Objects.requireNonNull(scope, "scope");
        check(sessionId, question);
        Attempt a = attempt(retrieval.withStore(scope.attach(DocumentStore.class)), scope.tenantId(), sessionId, question);
        if (a.failure != null) {
            throw a.failure;
        }
        return scope.attach(RagHistory.class).record(scope.tenantId(), sessionId, a.answered());
    }

    private Attempt attempt(Rag rag, UUID tenant, String sessionId, String question) {
        long start = System.nanoTime();
        List<RetrievedChunk> chunks = chunks(rag.context(tenant, question));
        long retrieved = System.nanoTime();
        Answer answer = null;
        RuntimeException failure = null;
        try {
            answer = model.answer(new Question(sessionId, question), chunks);
            checkAnswer(answer);
        } catch (RuntimeException e) {
            failure = e;
        }
        long answered = System.nanoTime();
        return new Attempt(question, chunks, answer, failure, Duration.ofNanos(retrieved - start),
                Duration.ofNanos(answered - retrieved), Duration.ofNanos(answered - start));
    }

    private static List<RetrievedChunk> chunks(RagContext context) {
        List<RetrievedChunk> out = new ArrayList<>(context.sources().size());
        for (Match m : context.sources()) {
            Document d = m.document();
            out.add(new RetrievedChunk(out.size() + 1, d.id(), d.title(), d.content(), m.score(), m.distance()));
        }
        return List.copyOf(out);
    }

    private static void checkAnswer(Answer answer) {
        if (answer == null) {
            throw new dev.hybriddb.InvalidInputException("answer", null, "the answer model returned no answer");
        }
        Texts.nonBlank("answer.text", answer.text());
    }

    private static void check(String sessionId, String question) {
        RagHistory.checkSession(sessionId);
        Texts.nonBlank("question", question);
    }

    /** One retrieval and model call, before it is recorded. */
    private record Attempt(String question, List<RetrievedChunk> chunks, Answer answer, RuntimeException failure,
            Duration retrievalTime, Duration answerTime, Duration latency) {
        NewRagQuery answered() {
            return NewRagQuery.answered(question, chunks, answer, retrievalTime, answerTime, latency);
        }

        NewRagQuery failed() {
            return NewRagQuery.failed(question, chunks, failure.getClass().getName(), retrievalTime, answerTime, latency);
        }
    }

    @Override
    public String toString() {
        return "RagAssistant[" + model + "]";
    }
}
