package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.ConversationMessage;
import dev.hybriddb.vector.ConversationRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** Reads conversation messages from result sets whose columns are named like the table's. */
public final class MessageRows {
    /** The columns read by {@link #read}. */
    public static final String COLUMNS = "id, session_id, role, content, metadata::text AS metadata, created_at";

    private MessageRows() {}

    public static ConversationMessage read(ResultSet rs) throws SQLException {
        return new ConversationMessage(rs.getObject("id", UUID.class), rs.getString("session_id"),
                ConversationRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("content"),
                Json.read(rs.getString("metadata")), DocumentRows.instant(rs, "created_at"));
    }
}
