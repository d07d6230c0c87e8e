package dev.hybriddb.vector;

import dev.hybriddb.TenantScope;
import dev.hybriddb.spi.HybridDBPlugin;
import dev.hybriddb.spi.PluginContext;
import dev.hybriddb.vector.internal.EmbeddingTables;
import dev.hybriddb.vector.internal.LazyEmbedder;
import dev.hybriddb.vector.internal.Work;
import java.util.Objects;

/**
 * Attaches the vector module to {@code HybridDB}. Found on the classpath by the builder, so with
 * hybriddb-vector present:
 * <ul>
 *   <li>{@code db.service(DocumentStore.class)}, {@code db.service(AgentMemory.class)},
 *       {@code db.service(ConversationStore.class)}, {@code db.service(RagHistory.class)} and
 *       {@code db.service(Embedder.class)}: stores
 *       on the application role's database, each call in its own tenant transaction; the document
 *       searches ({@code search}, {@code hybridSearch}) on the facade's read data source when one is
 *       configured (a replica: they may miss the latest commits);</li>
 *   <li>{@code scope.attach(TenantDocuments.class)}, {@code scope.attach(TenantMemories.class)},
 *       {@code scope.attach(TenantConversations.class)}, {@code scope.attach(TenantRagHistory.class)}
 *       inside {@code withTenant}: the same operations in that tenant's transaction, without a
 *       tenant parameter. Attaching {@code DocumentStore}, {@code AgentMemory},
 *       {@code ConversationStore} or {@code RagHistory} gives the stores
 *       themselves bound to the transaction; they refuse any tenant id but the scope's.</li>
 * </ul>
 *
 * <p>The discovered plugin embeds with {@link MiniLmEmbedder} (384 dimensions), loaded on the first
 * text to embed, so building a HybridDB stays cheap and callers who bring their own vectors never
 * load it. To use another model, install the plugin with it:
 * {@code HybridDB.builder().installPlugin(new VectorPlugin(myEmbedder))}; an installed plugin
 * replaces the discovered one. Documents go to the table for the embedder's dimensions:
 * {@code documents} when they match the schema's {@code embedding_dimensions}, else the store
 * {@link VectorStores#createDocumentStore} made for them; agent memories likewise
 * ({@link VectorStores#createMemoryStore}).
 */
public final class VectorPlugin implements HybridDBPlugin {
    private final Embedder embedder;
    private final EmbeddingTables tables = new EmbeddingTables();

    /** With all-MiniLM-L6-v2 in process, loaded on first use. */
    public VectorPlugin() {
        this(new LazyEmbedder(MiniLmEmbedder::create, MiniLmEmbedder.DIMENSIONS, "MiniLmEmbedder[all-MiniLM-L6-v2, 384 dimensions]"));
    }

    /** With {@code embedder} for every store. */
    public VectorPlugin(Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** The embedder the stores use. */
    public Embedder embedder() {
        return embedder;
    }

    @Override
    public void install(PluginContext ctx) {
        int dims = embedder.dimensions();
        Work perCall = Work.perCall(ctx.database(), ctx.readDatabase());
        ctx.provideService(Embedder.class, embedder);
        ctx.provideService(DocumentStore.class, new DocumentStore(perCall, embedder, dims, tables));
        ctx.provideService(AgentMemory.class, new AgentMemory(perCall, embedder, dims, tables));
        ctx.provideService(ConversationStore.class, new ConversationStore(perCall));
        ctx.provideService(RagHistory.class, new RagHistory(perCall));
        ctx.provideExtension(DocumentStore.class, scope -> documents(scope));
        ctx.provideExtension(AgentMemory.class, scope -> memory(scope));
        ctx.provideExtension(ConversationStore.class, scope -> conversations(scope));
        ctx.provideExtension(RagHistory.class, scope -> new RagHistory(Work.in(scope)));
        ctx.provideExtension(TenantRagHistory.class, scope -> new TenantRagHistory(new RagHistory(Work.in(scope)), scope.tenantId()));
        ctx.provideExtension(TenantDocuments.class, scope -> new TenantDocuments(documents(scope), scope.tenantId()));
        ctx.provideExtension(TenantMemories.class, scope -> new TenantMemories(memory(scope), scope.tenantId()));
        ctx.provideExtension(TenantConversations.class,
                scope -> new TenantConversations(conversations(scope), scope.tenantId()));
    }

    private DocumentStore documents(TenantScope scope) {
        return new DocumentStore(Work.in(scope), embedder, embedder.dimensions(), tables);
    }

    private AgentMemory memory(TenantScope scope) {
        return new AgentMemory(Work.in(scope), embedder, embedder.dimensions(), tables);
    }

    private static ConversationStore conversations(TenantScope scope) {
        return new ConversationStore(Work.in(scope));
    }

    @Override
    public String toString() {
        return "VectorPlugin[" + embedder + "]";
    }
}
