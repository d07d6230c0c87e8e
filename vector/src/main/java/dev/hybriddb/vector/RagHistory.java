package dev.hybriddb.vector;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.Page;
import dev.hybriddb.vector.internal.Json;
import dev.hybriddb.vector.internal.RagRows;
import dev.hybriddb.vector.internal.Rows;
import dev.hybriddb.vector.internal.Texts;
import dev.hybriddb.vector.internal.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The history of retrieval-augmented generation, tenant by tenant: sessions named by the
 * application's session key, and in each the queries in the order they were asked, with the
 * passages the model was given (rank, score, distance, the text as retrieved), the answer or the
 * failure, and the time spent retrieving and answering.
 *
 * <p>A query is recorded whole or not at all: its session (created on first use), its row and its
 * sources are written in one transaction. Every call runs in its own tenant transaction;
 * {@link TenantRagHistory} ({@code scope.attach(TenantRagHistory.class)}) does the same work inside
 * the transaction of {@code HybridDB.withTenant}. {@link RagAssistant} asks, answers and records.
 */
public final class RagHistory {
    /** The longest session key. */
    public static final int MAX_SESSION_ID = 255;

    private static final String UPSERT_SESSION = "INSERT INTO public.rag_sessions AS s (tenant_id, session_key, metadata)"
            + " VALUES (?, ?, ?::jsonb) ON CONFLICT (tenant_id, session_key) DO UPDATE SET updated_at = now()";

    private final Work work;

    RagHistory(Work work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The history on {@code db}, each call in its own tenant transaction. */
    public static RagHistory create(Database db) {
        return new RagHistory(Work.perCall(db));
    }

    /**
     * Creates session {@code sessionId} with {@code metadata} (who asks, on what topic), or replaces
     * the metadata of the existing session.
     */
    public RagSession startSession(UUID tenant, String sessionId, Map<String, ?> metadata) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        String json = Json.write("metadata", metadata);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_SESSION + ", metadata = excluded.metadata RETURNING "
                    + RagRows.SESSION_COLUMNS)) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                ps.setString(3, json);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return RagRows.session(rs);
                }
            }
        });
    }

    /**
     * Records a query in session {@code sessionId} (created when new) and returns it as stored.
     * Session, query and sources are written in one transaction.
     */
    public RagQuery record(UUID tenant, String sessionId, NewRagQuery query) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        Objects.requireNonNull(query, "query");
        Texts.nonBlank("question", query.question());
        if (query.answer() != null) {
            Texts.nonBlank("answer.text", query.answer().text());
        } else {
            Texts.nonBlank("error", query.error());
        }
        checkRanks(query.sources());
        String metadata = Json.write("answer.metadata", query.answer() == null ? null : query.answer().metadata());
        return work.run(tenant, c -> {
            UUID session = upsertSession(c, tenant, sessionId);
            UUID id = insertQuery(c, tenant, session, query, metadata);
            insertSources(c, tenant, id, query.sources());
            return readQueries(c, tenant, "q.id = ?", id).get(0);
        });
    }

    /** The queries of session {@code sessionId}, oldest first, each with its sources (empty for an unknown session). */
    public List<RagQuery> queries(UUID tenant, String sessionId) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        return work.run(tenant, c -> readQueries(c, tenant, "s.session_key = ?", sessionId));
    }

    /** The query with {@code id}, if this tenant has it. */
    public Optional<RagQuery> query(UUID tenant, UUID id) {
        work.checkTenant(tenant);
        Objects.requireNonNull(id, "id");
        return work.run(tenant, c -> readQueries(c, tenant, "q.id = ?", id).stream().findFirst());
    }

    /** Session {@code sessionId}, if this tenant has it. */
    public Optional<RagSession> session(UUID tenant, String sessionId) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RagRows.SESSION_COLUMNS
                    + " FROM public.rag_sessions s WHERE s.tenant_id = ? AND s.session_key = ?")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                return Rows.all(ps, RagRows::session).stream().findFirst();
            }
        });
    }

    /** This tenant's sessions, most recently used first. */
    public List<RagSession> sessions(UUID tenant, Page page) {
        work.checkTenant(tenant);
        Objects.requireNonNull(page, "page");
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RagRows.SESSION_COLUMNS
                    + " FROM public.rag_sessions s WHERE s.tenant_id = ? ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?")) {
                ps.setObject(1, tenant);
                ps.setInt(2, page.limit());
                ps.setInt(3, page.offset());
                return Rows.all(ps, RagRows::session);
            }
        });
    }

    /** Deletes session {@code sessionId} with its queries; returns how many queries it had (0 when there was no such session). */
    public int deleteSession(UUID tenant, String sessionId) {
        work.checkTenant(tenant);
        checkSession(sessionId);
        return work.run(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH gone AS (DELETE FROM public.rag_sessions s"
                    + " WHERE s.tenant_id = ? AND s.session_key = ? RETURNING s.id)"
                    + " SELECT count(q.id) FROM gone LEFT JOIN public.rag_queries q ON q.session_id = gone.id")) {
                ps.setObject(1, tenant);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static UUID upsertSession(Connection c, UUID tenant, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_SESSION + " RETURNING s.id")) {
            ps.setObject(1, tenant);
            ps.setString(2, sessionId);
            ps.setString(3, "{}");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static UUID insertQuery(Connection c, UUID tenant, UUID session, NewRagQuery q, String metadata)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.rag_queries (tenant_id, session_id, question,"
                + " answer, model, error, retrieval_us, answer_us, latency_us, metadata)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            ps.setObject(1, tenant);
            ps.setObject(2, session);
            ps.setString(3, q.question());
            ps.setString(4, q.answer() == null ? null : q.answer().text());
            ps.setString(5, q.answer() == null ? null : q.answer().model());
            ps.setString(6, q.error());
            ps.setLong(7, RagRows.micros(q.retrievalTime()));
            ps.setLong(8, RagRows.micros(q.answerTime()));
            ps.setLong(9, RagRows.micros(q.latency()));
            ps.setString(10, metadata);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void insertSources(Connection c, UUID tenant, UUID query, List<RetrievedChunk> sources) throws SQLException {
        if (sources.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.rag_query_sources (tenant_id, query_id, rank,"
                + " document_id, title, content, score, distance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RetrievedChunk s : sources) {
                ps.setObject(1, tenant);
                ps.setObject(2, query);
                ps.setInt(3, s.rank());
                ps.setObject(4, s.documentId());
                ps.setString(5, s.title());
                ps.setString(6, s.content());
                ps.setDouble(7, s.score());
                if (Double.isNaN(s.distance())) {
                    ps.setNull(8, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(8, s.distance());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Queries matching {@code where} (one parameter), oldest first, with their sources. */
    private static List<RagQuery> readQueries(Connection c, UUID tenant, String where, Object param) throws SQLException {
        Map<UUID, List<RetrievedChunk>> sources = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RagRows.SOURCE_COLUMNS + " FROM public.rag_query_sources r"
                + " JOIN public.rag_queries q ON q.tenant_id = r.tenant_id AND q.id = r.query_id"
                + " JOIN public.rag_sessions s ON s.tenant_id = q.tenant_id AND s.id = q.session_id"
                + " WHERE r.tenant_id = ? AND " + where + " ORDER BY r.query_id, r.rank")) {
            ps.setObject(1, tenant);
            ps.setObject(2, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sources.computeIfAbsent(rs.getObject("query_id", UUID.class), k -> new ArrayList<>()).add(RagRows.chunk(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RagRows.QUERY_COLUMNS + " FROM public.rag_queries q"
                + " JOIN public.rag_sessions s ON s.tenant_id = q.tenant_id AND s.id = q.session_id"
                + " WHERE q.tenant_id = ? AND " + where + " ORDER BY q.seq")) {
            ps.setObject(1, tenant);
            ps.setObject(2, param);
            return Rows.all(ps, rs -> RagRows.query(rs, sources.getOrDefault(rs.getObject("id", UUID.class), List.of())));
        }
    }

    private static void checkRanks(List<RetrievedChunk> sources) {
        for (int i = 0; i < sources.size(); i++) {
            RetrievedChunk s = sources.get(i);
            String field = "sources[" + i + "]";
            if (s == null) {
                throw new InvalidInputException(field, null, "must not be null");
            }
            if (s.rank() != i + 1) {
                throw new InvalidInputException(field + ".rank", s.rank(), "must be " + (i + 1) + " (ranks run 1, 2, 3... in order)");
            }
            Objects.requireNonNull(s.documentId(), field + ".documentId");
            Texts.nonBlank(field + ".content", s.content());
            if (!Double.isFinite(s.score())) {
                throw new InvalidInputException(field + ".score", s.score(), "must be a finite number");
            }
            if (Double.isInfinite(s.distance())) {
                throw new InvalidInputException(field + ".distance", s.distance(), "must be finite or NaN");
            }
        }
    }

    static void checkSession(String sessionId) {
        Texts.nonBlank("sessionId", sessionId);
        if (sessionId.length() > MAX_SESSION_ID) {
            throw new InvalidInputException("sessionId", sessionId, "must be at most " + MAX_SESSION_ID + " characters");
        }
    }
}
