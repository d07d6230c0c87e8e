package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.RagQuery;
import dev.hybriddb.vector.RagQueryStatus;
import dev.hybriddb.vector.RagSession;
import dev.hybriddb.vector.RetrievedChunk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads RAG sessions, queries and their sources from result sets named like the tables' columns. */
public final class RagRows {
    /** The session columns read by {@link #session}. */
    public static final String SESSION_COLUMNS = "s.id, s.session_key, s.metadata::text AS metadata, s.created_at, s.updated_at";
    /** The query columns read by {@link #query} (with the session's key). */
    public static final String QUERY_COLUMNS = "q.id, s.session_key, q.question, q.answer, q.model, q.error,"
            + " q.retrieval_us, q.answer_us, q.latency_us, q.metadata::text AS metadata, q.created_at";
    /** The source columns read by {@link #chunk} (with the query id). */
    public static final String SOURCE_COLUMNS = "r.query_id, r.rank, r.document_id, r.title, r.content, r.score, r.distance";

    private RagRows() {}

    public static RagSession session(ResultSet rs) throws SQLException {
        return new RagSession(rs.getObject("id", UUID.class), rs.getString("session_key"), Json.read(rs.getString("metadata")),
                DocumentRows.instant(rs, "created_at"), DocumentRows.instant(rs, "updated_at"));
    }

    /** A query row with the given sources. */
    public static RagQuery query(ResultSet rs, List<RetrievedChunk> sources) throws SQLException {
        return new RagQuery(rs.getObject("id", UUID.class), rs.getString("session_key"), rs.getString("question"),
                rs.getString("error") == null ? RagQueryStatus.ANSWERED : RagQueryStatus.FAILED, rs.getString("answer"),
                rs.getString("model"), rs.getString("error"), List.copyOf(sources), micros(rs, "retrieval_us"),
                micros(rs, "answer_us"), micros(rs, "latency_us"), Json.read(rs.getString("metadata")),
                DocumentRows.instant(rs, "created_at"));
    }

    public static RetrievedChunk chunk(ResultSet rs) throws SQLException {
        double distance = rs.getDouble("distance");
        if (rs.wasNull()) {
            distance = Double.NaN;
        }
        return new RetrievedChunk(rs.getInt("rank"), rs.getObject("document_id", UUID.class), rs.getString("title"),
                rs.getString("content"), rs.getDouble("score"), distance);
    }

    /** A duration in whole microseconds, as stored. */
    public static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    private static Duration micros(ResultSet rs, String column) throws SQLException {
        return Duration.ofNanos(rs.getLong(column) * 1_000L);
    }
}
