package dev.hybriddb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the wiring: PostgreSQL with vector and age usable, FalkorDB answering GRAPH.QUERY. */
class ServicesSmokeIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("smoke");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void postgresHasVectorForTheAppRoleAndAgeForTheOwnerRoleOnly() throws Exception {
        try (Connection c = db.openApp(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector")) {
                rs.next();
                assertThat(rs.getDouble(1)).isEqualTo(1.0);
            }
            try (ResultSet rs = st.executeQuery("SELECT has_schema_privilege('ag_catalog', 'USAGE'),"
                    + " has_table_privilege(c.oid, 'SELECT') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'ag_catalog' AND c.relname = 'ag_graph'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the app role may use ag_catalog").isFalse();
                assertThat(rs.getBoolean(2)).as("the app role may list AGE graphs").isFalse();
            }
        }
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            st.execute("SET search_path = ag_catalog, \"$user\", public");
            st.execute("SELECT create_graph('smoke_graph')");
            try (ResultSet rs = st.executeQuery(
                    "SELECT * FROM cypher('smoke_graph', $$ CREATE (n:Probe {id: 'p1'}) RETURN n.id $$) AS (id agtype)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("\"p1\"");
            }
            try (ResultSet rs = st.executeQuery("SELECT extname FROM pg_extension WHERE extname IN ('vector','age','pg_trgm') ORDER BY 1")) {
                StringBuilder names = new StringBuilder();
                while (rs.next()) names.append(rs.getString(1)).append(' ');
                assertThat(names.toString().trim()).isEqualTo("age pg_trgm vector");
            }
        }
    }

    @Test
    void falkorAnswersGraphQuery() throws IOException {
        FalkorService f = TestServices.falkor();
        try (Socket s = new Socket(f.host(), f.port())) {
            s.setSoTimeout(5000);
            String reply = resp(s, "GRAPH.QUERY", "smoke_" + ProcessHandle.current().pid(), "RETURN 40 + 2 AS answer");
            assertThat(reply).contains("answer").contains(":42");
            resp(s, "GRAPH.DELETE", "smoke_" + ProcessHandle.current().pid());
        }
    }

    private static String resp(Socket s, String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        OutputStream out = s.getOutputStream();
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        do {
            int n = in.read(buf);
            if (n < 0) break;
            got.write(buf, 0, n);
        } while (in.available() > 0 || got.size() == 0);
        return got.toString(StandardCharsets.UTF_8);
    }
}
