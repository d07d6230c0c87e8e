package dev.hybriddb.vector;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import dev.hybriddb.vector.internal.DocumentRows;
import dev.hybriddb.vector.internal.EmbeddingTable;
import dev.hybriddb.vector.internal.EmbeddingTables;
import dev.hybriddb.vector.internal.Json;
import dev.hybriddb.vector.internal.Rows;
import dev.hybriddb.vector.internal.SearchSql;
import dev.hybriddb.vector.internal.Sql;
import dev.hybriddb.vector.internal.Texts;
import dev.hybriddb.vector.internal.TrigramThreshold;
import dev.hybriddb.vector.internal.Vectors;
import dev.hybriddb.vector.internal.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents with embeddings in PostgreSQL (pgvector), tenant by tenant: add, get, update, delete,
 * similarity search (cosine, L2, inner product) with metadata filters, and hybrid search fusing
 * full-text and vector rank.
 *
 * <p>Every call runs in one transaction of {@link Database#inTenant}, so row-level security limits
 * it to that tenant (every query also names the tenant explicitly). Embeddings are computed, when
 * the caller brings none, by the store's {@link Embedder} before the transaction starts; a batch is
 * validated and embedded whole before anything is written, and written in one transaction. To
 * write documents in the same transaction as other tenant work, use {@link TenantDocuments}
 * ({@code scope.attach(TenantDocuments.class)} inside {@code HybridDB.withTenant}).
 */
public final class DocumentStore {
    private static final int INSERT_BATCH = 500;

    private final Work work;
    private final Embedder embedder;
    private final int dimensions;
    private final EmbeddingTables tables;

    DocumentStore(Work work, Embedder embedder, int dimensions) {
        this(work, embedder, dimensions, new EmbeddingTables());
    }

    DocumentStore(Work work, Embedder embedder, int dimensions, EmbeddingTables tables) {
        this.work = Objects.requireNonNull(work, "work");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.embedder = embedder;
        if (dimensions <= 0 || dimensions > 16000) {
            throw new ConfigurationException("dimensions", dimensions, "must be between 1 and 16000");
        }
        this.dimensions = dimensions;
    }

    /**
     * A store that embeds text with {@code embedder}. Its documents live in the table for the
     * embedder's dimensions: {@code documents}, or the store {@link VectorStores} created for them.
     */
    public static DocumentStore create(Database db, Embedder embedder) {
        Objects.requireNonNull(embedder, "embedder");
        return new DocumentStore(Work.perCall(db), embedder, embedder.dimensions());
    }

    /** A store for callers who always bring embeddings of {@code dimensions} components. */
    public static DocumentStore create(Database db, int dimensions) {
        return new DocumentStore(Work.perCall(db), null, dimensions);
    }

    /** The number of components of every embedding. */
    public int dimensions() {
        return dimensions;
    }

    /** The embedder, if this store has one. */
    public Optional<Embedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    /** Stores {@code doc} and returns its new id. */
    public UUID add(UUID tenant, NewDocument doc) {
        return addAll(tenant, List.of(doc)).get(0);
    }

    /** Stores {@code docs} in one transaction (all or nothing) and returns their ids, in order. */
    public List<UUID> addAll(UUID tenant, List<NewDocument> docs) {
        work.checkTenant(tenant);
        List<float[]> vectors = embeddings(docs);
        List<UUID> ids = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        List<String> metadata = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            metadata.add(Json.write("docs[" + i + "].metadata", docs.get(i).metadata()));
        }
        return work.run(tenant, c -> {
            EmbeddingTable table = table(c);
            for (int i = 0; i < docs.size(); i++) {
                table.check(field(docs, i), vectors.get(i));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.qualified()
                    + " (id, tenant_id, title, content, metadata, embedding) VALUES (?, ?, ?, ?, ?::jsonb, ?)")) {
                for (int i = 0; i < docs.size(); i++) {
                    ps.setObject(1, ids.get(i));
                    ps.setObject(2, tenant);
                    ps.setString(3, docs.get(i).title());
                    ps.setString(4, docs.get(i).content());
                    ps.setString(5, metadata.get(i));
                    ps.setObject(6, table.param(vectors.get(i)));
                    ps.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return List.copyOf(ids);
        });
    }

    /** The document with {@code id} (embedding included), if this tenant has it. */
    public Optional<Document> get(UUID tenant, UUID id) {
        Objects.requireNonNull(id, "id");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DocumentRows.COLUMNS
                    + ", d.embedding::text AS embedding FROM " + table(c).qualified() + " d WHERE d.id = ? AND d.tenant_id = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DocumentRows.read(rs, true)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The tenant's documents, newest first (without their embeddings), one page at a time. Documents
     * added in one transaction share their creation time and are ordered among themselves by id.
     */
    public List<Document> list(UUID tenant, Page page) {
        Objects.requireNonNull(page, "page");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DocumentRows.COLUMNS
                    + " FROM " + table(c).qualified() + " d WHERE d.tenant_id = ? ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?")) {
                ps.setObject(1, tenant);
                ps.setInt(2, page.limit());
                ps.setInt(3, page.offset());
                return Rows.all(ps, rs -> DocumentRows.read(rs, false));
            }
        });
    }

    /**
     * Replaces the title, content, metadata and embedding of document {@code id} (re-embedding the
     * new content when {@code doc} carries no embedding; a null title removes the title).
     *
     * @throws NotFoundException when this tenant has no such document
     */
    public Document update(UUID tenant, UUID id, NewDocument doc) {
        work.checkTenant(tenant);
        Objects.requireNonNull(id, "id");
        float[] vector = embeddings(List.of(doc)).get(0);
        String metadata = Json.write("metadata", doc.metadata());
        return work.run(tenant, c -> {
            EmbeddingTable table = table(c);
            table.check("embedding", vector);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table.qualified() + " d SET title = ?, content = ?,"
                    + " metadata = ?::jsonb, embedding = ?, updated_at = now() WHERE d.id = ? AND d.tenant_id = ? RETURNING "
                    + DocumentRows.COLUMNS + ", d.embedding::text AS embedding")) {
                ps.setString(1, doc.title());
                ps.setString(2, doc.content());
                ps.setString(3, metadata);
                ps.setObject(4, table.param(vector));
                ps.setObject(5, id);
                ps.setObject(6, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("document", id);
                    }
                    return DocumentRows.read(rs, true);
                }
            }
        });
    }

    /** Deletes document {@code id}; false when this tenant had no such document. */
    public boolean delete(UUID tenant, UUID id) {
        Objects.requireNonNull(id, "id");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(c).qualified() + " WHERE id = ? AND tenant_id = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, tenant);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** How many documents this tenant has. */
    public long count(UUID tenant) {
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table(c).qualified() + " WHERE tenant_id = ?")) {
                ps.setObject(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The {@code options.k()} documents nearest to the embedding of {@code text}. */
    public List<Match> search(UUID tenant, String text, SearchOptions options) {
        return search(tenant, embedQuery(text), options);
    }

    /** The {@code options.k()} documents nearest to {@code query}, nearest first. */
    public List<Match> search(UUID tenant, float[] query, SearchOptions options) {
        checkSearch(tenant, query, options);
        return work.lagTolerantSearch(tenant, options,
                c -> readMatches(c, similaritySql(table(c), tenant, query, options), options.distance(), false));
    }

    /**
     * Hybrid search: full-text rank ({@code websearch_to_tsquery} syntax: words, "phrases", -not,
     * or) and vector rank (by the embedding of {@code text}) fused by reciprocal rank fusion.
     */
    public List<Match> hybridSearch(UUID tenant, String text, SearchOptions options) {
        return hybridSearch(tenant, text, embedQuery(text), options);
    }

    /**
     * Hybrid search with a precomputed query embedding. Each side contributes its best
     * {@code max(4k, 40)} candidates; a document's score is the sum of 1/(60 + rank) over the sides
     * that found it. {@link Match#distance()} is NaN for documents only full text found.
     */
    public List<Match> hybridSearch(UUID tenant, String text, float[] query, SearchOptions options) {
        work.checkTenant(tenant);
        Texts.nonBlank("text", text);
        Objects.requireNonNull(options, "options");
        Vectors.checkQuery("query", query, dimensions, options.distance() == Distance.COSINE);
        int pool = Math.min(SearchOptions.MAX_K, Math.max(options.k() * 4, 40));
        return work.lagTolerantSearch(tenant, options,
                c -> readMatches(c, SearchSql.hybridDocuments(table(c), tenant, text, query, options, pool), options.distance(), true));
    }

    /**
     * Weighted hybrid search: full-text, title-trigram and vector candidates fused by weighted
     * reciprocal rank fusion, see {@link HybridSearchRequest}. {@link Match#score()} is the fused
     * score; {@link Match#distance()} is the vector distance, or NaN when only a text list found
     * the document. The query embedding is computed from the text when the request carries none
     * and the vector list is in use.
     */
    public List<Match> hybridSearch(UUID tenant, HybridSearchRequest request) {
        work.checkTenant(tenant);
        Objects.requireNonNull(request, "request");
        float[] embedding = hybridEmbedding(request);
        SearchOptions settings = SearchOptions.topK(request.candidates()).withDistance(request.distance())
                .withFilter(request.filter());
        return work.lagTolerantSearch(tenant, settings, c -> {
            String previous = TrigramThreshold.set(c, request.minTitleSimilarity());
            Sql sql = SearchSql.weightedHybrid(table(c), tenant, request, embedding);
            List<Match> matches = readMatches(c, sql, request.distance(), true);
            TrigramThreshold.restore(c, previous);
            return matches;
        });
    }

    /** The request's query embedding (computed from its text when it has none); null when its vector list is off. */
    private float[] hybridEmbedding(HybridSearchRequest request) {
        if (request.vectorWeight() <= 0) {
            return null;
        }
        float[] given = request.embedding();
        float[] query = given != null ? given : requireEmbedder("embedding").embed(request.text());
        Vectors.checkQuery("embedding", query, dimensions, request.distance() == Distance.COSINE);
        return query;
    }

    /** The query plan ({@code EXPLAIN}, no costs) of a similarity search: shows which index serves it. */
    public String explain(UUID tenant, float[] query, SearchOptions options) {
        checkSearch(tenant, query, options);
        return work.search(tenant, options, c -> {
            Sql sql = similaritySql(table(c), tenant, query, options);
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = sql.prepare(c, "EXPLAIN (COSTS OFF) "); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        });
    }

    private void checkSearch(UUID tenant, float[] query, SearchOptions options) {
        work.checkTenant(tenant);
        Objects.requireNonNull(options, "options");
        Vectors.checkQuery("query", query, dimensions, options.distance() == Distance.COSINE);
    }

    private static Sql similaritySql(EmbeddingTable table, UUID tenant, float[] query, SearchOptions options) {
        table.check("query", query);
        return SearchSql.nearest(table, DocumentRows.COLUMNS, tenant, query, options, new Sql());
    }

    /** The table for this store's dimensions (looked up once). */
    private EmbeddingTable table(Connection c) throws SQLException {
        return tables.documents(c, dimensions);
    }

    private static List<Match> readMatches(Connection c, Sql sql, Distance distance, boolean fused) throws SQLException {
        List<Match> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double d = rs.getDouble("distance");
                if (rs.wasNull()) {
                    d = Double.NaN;
                }
                double score = fused ? rs.getDouble("score") : distance.score(d);
                out.add(new Match(DocumentRows.read(rs, false), d, score));
            }
        }
        if (!fused) {
            SearchSql.byDistance(out, Match::distance);
        }
        return out;
    }

    private float[] embedQuery(String text) {
        Texts.nonBlank("text", text);
        return requireEmbedder("text").embed(text);
    }

    /** Validated embeddings for {@code docs}: given ones checked, missing ones computed in one call. */
    private List<float[]> embeddings(List<NewDocument> docs) {
        Objects.requireNonNull(docs, "docs");
        if (docs.isEmpty()) {
            throw new InvalidInputException("docs", "[]", "must not be empty");
        }
        List<float[]> out = new ArrayList<>(docs.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            NewDocument d = docs.get(i);
            if (d == null) {
                throw new InvalidInputException("docs[" + i + "]", null, "must not be null");
            }
            if (d.embedding() == null) {
                missing.add(i);
                out.add(null);
            } else {
                out.add(Vectors.check(field(docs, i), d.embedding(), dimensions));
            }
        }
        if (!missing.isEmpty()) {
            List<String> texts = new ArrayList<>(missing.size());
            for (int i : missing) {
                texts.add(docs.get(i).content());
            }
            List<float[]> computed = requireEmbedder(field(docs, missing.get(0))).embedAll(texts);
            for (int j = 0; j < missing.size(); j++) {
                out.set(missing.get(j), Vectors.check("embedder output", computed.get(j), dimensions));
            }
        }
        return out;
    }

    private static String field(List<NewDocument> docs, int i) {
        return docs.size() == 1 ? "embedding" : "docs[" + i + "].embedding";
    }

    private Embedder requireEmbedder(String field) {
        if (embedder == null) {
            throw new ConfigurationException("embedder", null,
                    "is not configured, so " + field + " must be given (create the store with an Embedder)");
        }
        return embedder;
    }
}
