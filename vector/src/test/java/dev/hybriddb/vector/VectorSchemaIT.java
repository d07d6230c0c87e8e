package dev.hybriddb.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.schema.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vector tables: forced row-level security, policies, app-role grants, default HNSW indexes, rollback. */
class VectorSchemaIT {
    static final List<String> TABLES = List.of("conversations", "documents", "memories", "memory_banks");
    static VectorDb db;

    @BeforeAll
    static void setUp() {
        db = VectorDb.create("vector_schema");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void tablesAreTenantScopedWithForcedRls() throws SQLException {
        assertThat(strings("SELECT relname FROM pg_class WHERE relname = ANY(ARRAY['conversations','documents','memories','memory_banks'])"
                + " AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity ORDER BY 1")).isEqualTo(TABLES);
        assertThat(strings("SELECT tablename || ':' || qual || ':' || with_check FROM pg_policies"
                + " WHERE tablename = ANY(ARRAY['conversations','documents','memories','memory_banks']) ORDER BY 1"))
                .hasSize(4).allSatisfy(p -> assertThat(p).contains("(tenant_id = hybriddb_current_tenant())")
                        .doesNotContain("null"));
        assertThat(strings("SELECT table_name || ':' || string_agg(privilege_type, ',' ORDER BY privilege_type)"
                + " FROM information_schema.role_table_grants WHERE grantee = '" + db.pg.appUser() + "'"
                + " AND table_name = ANY(ARRAY['conversations','documents','memories','memory_banks']) GROUP BY table_name ORDER BY 1"))
                .containsExactly("conversations:DELETE,INSERT,SELECT,UPDATE", "documents:DELETE,INSERT,SELECT,UPDATE",
                        "memories:DELETE,INSERT,SELECT,UPDATE", "memory_banks:DELETE,INSERT,SELECT,UPDATE");
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING hnsw%' ORDER BY 1"))
                .containsExactly("documents_embedding_hnsw_cosine", "memories_embedding_hnsw_cosine");
        assertThat(strings("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'documents'::regclass AND attname = 'embedding'")).containsExactly("vector(384)");
    }

    @Test
    void rollbackToTheBaselineRemovesTheVectorTablesAndUpdateRestoresThem() throws SQLException {
        VectorDb.migrate(db.pg, Migrations.BASELINE_TAG);
        assertThat(vectorTables()).isEmpty();
        assertThat(strings("SELECT tablename FROM pg_tables WHERE tablename = 'tenants'")).containsExactly("tenants");
        VectorDb.migrate(db.pg, null);
        assertThat(vectorTables()).isEqualTo(TABLES);
    }

    private static List<String> vectorTables() throws SQLException {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename = ANY(ARRAY['conversations','documents','memories','memory_banks']) ORDER BY 1");
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.pg.openAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
