package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.Document;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads documents from result sets whose columns are named like the table's. */
public final class DocumentRows {
    /** The columns read by {@link #read}, without the embedding, for alias {@code d}. */
    public static final String COLUMNS = "d.id, d.tenant_id, d.title, d.content, d.metadata::text AS metadata, d.created_at, d.updated_at";

    private DocumentRows() {}

    /** A document from the current row; the embedding when {@code withEmbedding} (column {@code embedding}). */
    public static Document read(ResultSet rs, boolean withEmbedding) throws SQLException {
        return new Document(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("title"), rs.getString("content"), Json.read(rs.getString("metadata")),
                withEmbedding ? Vectors.parse(rs.getString("embedding")) : null,
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** A timestamptz column as an instant (null for SQL NULL). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
