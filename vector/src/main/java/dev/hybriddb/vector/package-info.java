/**
 * Semantic memory on PostgreSQL + pgvector, tenant by tenant.
 *
 * <ul>
 *   <li>{@link dev.hybriddb.vector.DocumentStore}: documents (text, jsonb metadata, embedding);
 *       similarity search by cosine, L2 or inner product with metadata filters; hybrid search
 *       (full text + vector, reciprocal rank fusion).</li>
 *   <li>{@link dev.hybriddb.vector.AgentMemory}: memory banks, memories with importance and
 *       access statistics, conversations by session.</li>
 *   <li>{@link dev.hybriddb.vector.Rag}: a context string from the best matches within a token
 *       budget.</li>
 *   <li>{@link dev.hybriddb.vector.IndexManager}: HNSW / IVFFlat indexes (owner role);
 *       per-query index settings live in {@link dev.hybriddb.vector.SearchOptions}.</li>
 *   <li>{@link dev.hybriddb.vector.Embedder} and {@link dev.hybriddb.vector.MiniLmEmbedder}
 *       (all-MiniLM-L6-v2 in process, optional dependency).</li>
 *   <li>{@link dev.hybriddb.vector.RecallCheck}: recall@k of approximate against exact search.</li>
 * </ul>
 *
 * <p>Every call takes the tenant id and runs in one {@link dev.hybriddb.Database#inTenant}
 * transaction: row-level security on the tables (changelogs 0500-0520) keeps tenants apart.
 */
package dev.hybriddb.vector;
