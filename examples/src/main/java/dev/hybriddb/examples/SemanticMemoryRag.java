package dev.hybriddb.examples;

import dev.hybriddb.HybridDB;
import dev.hybriddb.vector.AgentMemory;
import dev.hybriddb.vector.Answer;
import dev.hybriddb.vector.AnswerModel;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.vector.ConversationRole;
import dev.hybriddb.vector.ConversationStore;
import dev.hybriddb.vector.DocumentStore;
import dev.hybriddb.vector.Match;
import dev.hybriddb.vector.MemoryBank;
import dev.hybriddb.vector.MetadataFilter;
import dev.hybriddb.vector.NewDocument;
import dev.hybriddb.vector.NewMemory;
import dev.hybriddb.vector.Question;
import dev.hybriddb.vector.Rag;
import dev.hybriddb.vector.RagAssistant;
import dev.hybriddb.vector.RagContext;
import dev.hybriddb.vector.RagHistory;
import dev.hybriddb.vector.RagQuery;
import dev.hybriddb.vector.RecalledMemory;
import dev.hybriddb.vector.RetrievedChunk;
import dev.hybriddb.vector.SearchOptions;
import dev.hybriddb.vector.TenantMemories;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Semantic memory and RAG on pgvector with the in-process all-MiniLM-L6-v2 embedder: documents
 * with metadata, similarity search with a metadata filter, an agent's memory bank recalled by
 * meaning, a task and a memory written in one tenant transaction, a conversation log, and a RAG
 * context packed to a token budget, and questions answered by a (stand-in) model with their history
 * recorded. The stores come from {@code db.service(...)}: the vector
 * module attaches itself to HybridDB when it is on the classpath.
 */
public final class SemanticMemoryRag {
    private SemanticMemoryRag() {}

    /** The outcome, for tests. */
    public record Result(String topDocument, String topRunbook, String recalled, List<String> ragSources, int messages,
            RagQuery answered, List<RagQuery> history) {}

    // tag::answer-model[]
    /**
     * A stand-in for a language model: answers with the first sentence of the best passage. An
     * application plugs its own model in here (a hosted chat model, a local one).
     */
    static final class ExtractiveModel implements AnswerModel {
        @Override
        public Answer answer(Question question, List<RetrievedChunk> context) {
            if (context.isEmpty()) {
                return Answer.of("I found nothing about that.", "extractive-1");
            }
            String best = context.get(0).content();
            int end = best.indexOf('.');
            return Answer.of(end < 0 ? best : best.substring(0, end + 1), "extractive-1");
        }
    }
    // end::answer-model[]

    static final List<NewDocument> DOCS = List.of(
            NewDocument.of("To restore a backup, stop the application, run pg_restore into an empty database, then rebuild each tenant's graph.",
                    Map.of("kind", "runbook", "topic", "backup")),
            NewDocument.of("The outbox trigger writes one row per change in the same transaction and sends a NOTIFY wake-up.",
                    Map.of("kind", "design", "topic", "sync")),
            NewDocument.of("Agents are assigned to tasks by capability match, open workload and spatial distance.",
                    Map.of("kind", "design", "topic", "coordination")),
            NewDocument.of("Rotate the API-key encryption key by adding a new key version and re-encrypting in the background.",
                    Map.of("kind", "runbook", "topic", "security")),
            NewDocument.of("FalkorDB keeps each tenant's graph under its own key; Apache AGE keeps it in its own schema.",
                    Map.of("kind", "design", "topic", "graph")),
            NewDocument.of("When the graph is down, coordination queries fall back to SQL and the outbox keeps the changes.",
                    Map.of("kind", "runbook", "topic", "outage")));

    public static void main(String[] args) {
        run(ExampleSettings.fromEnvironment(), System.out);
    }

    public static Result run(ExampleSettings settings, PrintStream out) {
        try (HybridDB db = HybridDB.builder().config(settings.hybridConfig()).build()) {
            db.migrate();
            UUID tenant = db.createTenant(TenantFields.of("Memory", "memory-" + UUID.randomUUID())).id();
            // tag::documents[]
            DocumentStore docs = db.service(DocumentStore.class);   // all-MiniLM-L6-v2 in process, loaded on first use
            docs.addAll(tenant, DOCS);
            List<Match> hits = docs.search(tenant, "how do I bring the database back after losing it?", SearchOptions.topK(3));
            List<Match> runbooks = docs.search(tenant, "the graph server crashed",
                    SearchOptions.topK(1).withFilter(MetadataFilter.eq("kind", "runbook")));
            // end::documents[]
            out.println("1. Stored " + docs.count(tenant) + " documents; best match for 'bring the database back': "
                    + hits.get(0).document().content());
            out.println("2. Best runbook for 'the graph server crashed': " + runbooks.get(0).document().content());

            // tag::memory[]
            AgentMemory memory = db.service(AgentMemory.class);
            MemoryBank bank = memory.createBank(tenant, "ada", "what agent Ada has learned");
            memory.remember(tenant, bank.id(), NewMemory.of("The customer prefers Postgres over MySQL", 3));
            memory.remember(tenant, bank.id(), NewMemory.of("Deploys happen on Tuesdays after the standup", 2));
            memory.remember(tenant, bank.id(), NewMemory.of("The staging cluster runs on two cores", 1));
            List<RecalledMemory> recalled = memory.recall(tenant, bank.id(), "which database does the client like?", 1);
            // end::memory[]
            out.println("3. Ada recalls: " + recalled.get(0).memory().content());

            // tag::scope[]
            db.useTenant(tenant, s -> {                              // one transaction: both or neither
                Task task = s.tasks().create(TaskFields.of("Restore last night's backup", List.of("postgres")));
                s.attach(TenantMemories.class).remember(bank.id(),
                        NewMemory.of("Opened task " + task.title() + " after the outage", 1));
            });
            // end::scope[]

            ConversationStore chat = db.service(ConversationStore.class);
            chat.addMessage(tenant, "session-1", ConversationRole.USER, "How do I restore a backup?", Map.of());
            // tag::rag[]
            RagContext context = Rag.over(docs, 60).context(tenant, "How do I restore a backup?");
            // end::rag[]
            chat.addMessage(tenant, "session-1", ConversationRole.ASSISTANT, "From the runbook: " + context.sources().get(0).document().content(), Map.of());
            out.println("4. RAG context (" + context.estimatedTokens() + " of " + context.tokenBudget() + " tokens, "
                    + context.sources().size() + " sources, " + context.skipped() + " skipped):");
            out.println(context.text());
            int messages = chat.conversation(tenant, "session-1").size();
            out.println("5. Conversation session-1 holds " + messages + " messages");

            // tag::rag-history[]
            RagAssistant assistant = RagAssistant.of(Rag.over(docs, 200).withOptions(SearchOptions.topK(3)),
                    new ExtractiveModel(), db.service(RagHistory.class));
            RagQuery answered = assistant.ask(tenant, "support-42", "How do I restore a backup?");
            assistant.ask(tenant, "support-42", "What happens when the graph is down?");
            List<RagQuery> history = db.service(RagHistory.class).queries(tenant, "support-42");
            // end::rag-history[]
            out.println("6. RAG answer: " + answered.answer() + " (" + answered.sources().size() + " sources, best score "
                    + answered.sources().get(0).score() + "); session support-42 holds " + history.size() + " queries");
            return new Result(hits.get(0).document().content(), runbooks.get(0).document().content(),
                    recalled.get(0).memory().content(), context.sources().stream().map(m -> m.document().content()).toList(), messages,
                    answered, history);
        }
    }
}
