package dev.hybriddb.vector.internal;

import dev.hybriddb.vector.Memory;
import dev.hybriddb.vector.MemoryBank;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads memory banks and memories from result sets whose columns are named like the tables'. */
public final class MemoryRows {
    /** The columns read by {@link #bank}. */
    public static final String BANK_COLUMNS = "id, tenant_id, name, description, created_at";
    /** The columns read by {@link #memory}, for alias {@code m}. */
    public static final String MEMORY_COLUMNS = "m.id, m.memory_bank_id, m.content, m.metadata::text AS metadata,"
            + " m.importance, m.access_count, m.last_accessed, m.created_at";

    private MemoryRows() {}

    public static MemoryBank bank(ResultSet rs) throws SQLException {
        return new MemoryBank(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("name"), rs.getString("description"), DocumentRows.instant(rs, "created_at"));
    }

    public static Memory memory(ResultSet rs) throws SQLException {
        return new Memory(rs.getObject("id", UUID.class), rs.getObject("memory_bank_id", UUID.class),
                rs.getString("content"), Json.read(rs.getString("metadata")), rs.getInt("importance"),
                rs.getInt("access_count"), DocumentRows.instant(rs, "last_accessed"), DocumentRows.instant(rs, "created_at"));
    }
}
