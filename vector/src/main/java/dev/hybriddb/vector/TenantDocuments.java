package dev.hybriddb.vector;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link DocumentStore} operations inside one tenant's transaction: obtained with
 * {@code scope.attach(TenantDocuments.class)} in the work of {@code HybridDB.withTenant}, so that
 * documents commit or roll back with everything else that work does (a task and its documents,
 * for example). No tenant parameter: the scope's tenant is used. Valid only inside that work.
 * Embeddings the caller does not bring are computed inside the transaction.
 */
public final class TenantDocuments {
    private final DocumentStore store;
    private final UUID tenant;

    TenantDocuments(DocumentStore store, UUID tenant) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** Stores {@code doc} and returns its new id. */
    public UUID add(NewDocument doc) {
        return store.add(tenant, doc);
    }

    /** Stores {@code docs} and returns their ids, in order. */
    public List<UUID> addAll(List<NewDocument> docs) {
        return store.addAll(tenant, docs);
    }

    /** The document with {@code id} (embedding included), if the tenant has it. */
    public Optional<Document> get(UUID id) {
        return store.get(tenant, id);
    }

    /** The tenant's documents, newest first, without embeddings. */
    public List<Document> list(Page page) {
        return store.list(tenant, page);
    }

    /**
     * Replaces the title, content, metadata and embedding of document {@code id}.
     *
     * @throws NotFoundException when the tenant has no such document
     */
    public Document update(UUID id, NewDocument doc) {
        return store.update(tenant, id, doc);
    }

    /** Deletes document {@code id}; false when the tenant had no such document. */
    public boolean delete(UUID id) {
        return store.delete(tenant, id);
    }

    /** How many documents the tenant has. */
    public long count() {
        return store.count(tenant);
    }

    /** The {@code options.k()} documents nearest to the embedding of {@code text}. */
    public List<Match> search(String text, SearchOptions options) {
        return store.search(tenant, text, options);
    }

    /** The {@code options.k()} documents nearest to {@code query}, nearest first. */
    public List<Match> search(float[] query, SearchOptions options) {
        return store.search(tenant, query, options);
    }

    /** Hybrid (full text + vector) search, see {@link DocumentStore#hybridSearch(UUID, String, SearchOptions)}. */
    public List<Match> hybridSearch(String text, SearchOptions options) {
        return store.hybridSearch(tenant, text, options);
    }

    /** Hybrid search with a precomputed query embedding. */
    public List<Match> hybridSearch(String text, float[] query, SearchOptions options) {
        return store.hybridSearch(tenant, text, query, options);
    }

    /** Weighted hybrid search (full text, title trigrams, vector), see {@link HybridSearchRequest}. */
    public List<Match> hybridSearch(HybridSearchRequest request) {
        return store.hybridSearch(tenant, request);
    }

    /** The tenant this view works for. */
    public UUID tenantId() {
        return tenant;
    }

    @Override
    public String toString() {
        return "TenantDocuments[" + tenant + "]";
    }
}
