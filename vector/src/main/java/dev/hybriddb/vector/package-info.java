/**
 * Semantic memory on PostgreSQL + pgvector, tenant by tenant.
 *
 * <ul>
 *   <li>{@link dev.hybriddb.vector.DocumentStore}: documents (title, text, jsonb metadata,
 *       embedding); listing newest first; similarity search by cosine, L2 or inner product with
 *       metadata filters; hybrid search (full text + vector, reciprocal rank fusion).</li>
 *   <li>{@link dev.hybriddb.vector.AgentMemory}: memory banks, memories with importance and
 *       access statistics.</li>
 *   <li>{@link dev.hybriddb.vector.ConversationStore}: conversations by session.</li>
 *   <li>{@link dev.hybriddb.vector.Rag}: a context string from the best matches within a token
 *       budget; {@link dev.hybriddb.vector.RagAssistant}: retrieval, the application's
 *       {@link dev.hybriddb.vector.AnswerModel} and the record of each query in
 *       {@link dev.hybriddb.vector.RagHistory} (sessions, questions, sources with scores, answers,
 *       latency).</li>
 *   <li>{@link dev.hybriddb.vector.IndexManager}: HNSW / IVFFlat indexes (owner role);
 *       per-query index settings live in {@link dev.hybriddb.vector.SearchOptions}.</li>
 *   <li>{@link dev.hybriddb.vector.Embedder} and {@link dev.hybriddb.vector.MiniLmEmbedder}
 *       (all-MiniLM-L6-v2 in process, optional dependency).</li>
 *   <li>{@link dev.hybriddb.vector.RecallCheck}: recall@k of approximate against exact search.</li>
 *   <li>{@link dev.hybriddb.vector.VectorPlugin}: attaches the stores to {@code HybridDB}
 *       ({@code db.service(DocumentStore.class)}) and to its tenant scopes
 *       ({@code scope.attach(TenantDocuments.class)}, {@link dev.hybriddb.vector.TenantMemories},
 *       {@link dev.hybriddb.vector.TenantConversations}).</li>
 * </ul>
 *
 * <p>The stores take the tenant id and run each call in one {@link dev.hybriddb.Database#inTenant}
 * transaction; the scoped views run in the transaction of {@code HybridDB.withTenant}, so their
 * writes commit or roll back with the repositories'. Row-level security on the tables keeps
 * tenants apart either way.
 */
package dev.hybriddb.vector;
