package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.sync.internal.Json;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Trigger-free capture (changelog 0940, WalCapture) on a real server with wal_level=logical. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalCaptureIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private SyncTestDb db;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_wal");
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();                                 // drops the slot with the database
        }
    }

    @BeforeEach
    void emptyOutbox() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }

    private WalCapture capture() {
        return WalCapture.builder(db.owner, WalCapture.replicationVia(db.pg.jdbcUrl(), db.pg.adminUser(), db.pg.adminPassword()))
                .batchSize(100).maxBackoff(Duration.ofSeconds(1)).build();
    }

    @Test
    void writesTheOutboxRowsTheTriggersWrite() throws Exception {
        WalCapture.uninstall(db.owner);
        Workspace byTriggers = new Workspace(db.app).seed(0);
        emptyOutbox();
        UUID swarm1 = UUID.randomUUID();
        writeTheSameChanges(byTriggers, swarm1);
        List<Map<String, Object>> expected = outbox();
        emptyOutbox();

        WalCapture.install(db.owner);
        assertThat(outboxTriggers()).isZero();
        Workspace byWal = new Workspace(db.app).seed(0);
        emptyOutbox();                                  // the seed's rows are read from the slot below: skip them
        try (WalCapture capture = capture()) {
            capture.start();
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            emptyOutbox();
            UUID swarm2 = UUID.randomUUID();
            writeTheSameChanges(byWal, swarm2);
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            Map<String, String> sameEntity = idMap(byWal, byTriggers);
            sameEntity.put(swarm2.toString(), swarm1.toString());
            List<Map<String, Object>> actual = outbox();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(normalized(actual.get(i), sameEntity)).as("outbox row %d", i).isEqualTo(normalized(expected.get(i), Map.of()));
            }
        }
    }

    /** Updates (plain, typed values, an owner change), deletes (one with secret columns, one with arrays and json) and an insert. */
    private static void writeTheSameChanges(Workspace w, UUID newSwarm) {
        w.exec("UPDATE users SET name = 'renamed' WHERE id = ?", w.users.get(0));
        w.exec("UPDATE users SET hourly_rate = 50.25, expertise = '{go,rust}', metadata = '{\"a\": [1, 2]}' WHERE id = ?", w.users.get(1));
        w.exec("UPDATE team_members SET user_id = ? WHERE id = ?", w.users.get(1), w.teamMembers.get(0));
        w.exec("DELETE FROM api_keys WHERE id = ?", w.apiKeys.get(1));
        w.exec("DELETE FROM team_members WHERE id = ?", w.teamMembers.get(3));
        w.exec("DELETE FROM users WHERE id = ?", w.users.get(3));
        w.exec("INSERT INTO swarms (id, tenant_id, name) VALUES (?, ?, 'new')", newSwarm, w.tenant);
    }

    @Test
    void changesReachTheGraphWithNoTriggerOnTheWriters() throws Exception {
        WalCapture.install(db.owner);
        FalkorService f = TestServices.falkor();
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (GraphBackend graph = FalkorGraph.connect(f.host(), f.port());
             WalCapture capture = capture();
             RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), graph)
                     .graphNames(t -> Identifiers.graph("wal_" + run + "_" + t.toString().replace("-", "").substring(0, 12)))
                     .pollInterval(Duration.ofMinutes(10)).build()) {
            capture.start();
            rt.start();
            Workspace w = new Workspace(db.app).seed(6);
            UUID task = w.tasks.get(0);
            w.exec("UPDATE tasks SET title = 'moved', assigned_agent_id = ? WHERE id = ?", w.agents.get(3), task);
            w.exec("DELETE FROM agents WHERE id = ?", w.agents.get(5));
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            awaitDrained();                             // woken by the capture's NOTIFY: the poll is 10 minutes
            String g = "wal_" + run + "_" + w.tenant.toString().replace("-", "").substring(0, 12);
            try {
                assertThat(graph.query(g, "MATCH (a:Agent)-[:ASSIGNED_TO]->(t:Task {id: $t}) RETURN t.title AS title, a.id AS a",
                        Map.of("t", task.toString()))).singleElement()
                        .satisfies(r -> assertThat(r.getString("title")).isEqualTo("moved"))
                        .satisfies(r -> assertThat(r.getString("a")).isEqualTo(w.agents.get(3).toString()));
                assertThat(graph.query(g, "MATCH (a:Agent {id: $a}) RETURN a", Map.of("a", w.agents.get(5).toString()))).isEmpty();
                DriftReport drift = Reconciler.builder(db.owner, graph).graphNames(t -> g).build().check(w.tenant);
                assertThat(drift.isClean()).as("%s", drift).isTrue();
            } finally {
                graph.dropGraph(g);
            }
            assertThat(capture.errors()).isZero();
        }
    }

    /**
     * A slot lost while the capture is in use (as after a failover to a standby that had no copy
     * of it): the changes made meanwhile are in no slot. The next capture recreates the slot and
     * requests a rebuild of the registered tenants, which the consumer carries out: the graph ends
     * equal to PostgreSQL, those changes included.
     */
    @Test
    void aLostSlotIsAGapThatRebuildsTheRegisteredTenants() throws Exception {
        WalCapture.install(db.owner);
        FalkorService f = TestServices.falkor();
        String run = UUID.randomUUID().toString().substring(0, 6);
        java.util.function.Function<UUID, String> names = t -> Identifiers.graph("walgap_" + run + "_"
                + t.toString().replace("-", "").substring(0, 12));
        Workspace w;
        try (GraphBackend graph = FalkorGraph.connect(f.host(), f.port());
             RealtimeSync rt = RealtimeSync.builder(db.owner, db.listen(), graph).graphNames(names)
                     .pollInterval(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1)).build()) {
            rt.start();
            try (WalCapture capture = capture()) {
                capture.start();
                w = new Workspace(db.app).seed(6);
                assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
                awaitDrained();
            }
            Reconciler rec = Reconciler.builder(db.owner, graph).graphNames(names).build();
            assertThat(rec.check(w.tenant).isClean()).isTrue();
            WalCapture.dropSlot(db.owner);              // lost, with the capture mode still 'wal'
            List<UUID> missed = w.addTasksBulk(30);     // in no slot
            w.exec("UPDATE tasks SET title = 'renamed in the gap' WHERE id = ?", w.tasks.get(0));
            try (WalCapture capture = capture()) {
                capture.start();
                long deadline = System.nanoTime() + CATCH_UP.toNanos();
                while (!(rec.check(w.tenant).isClean() && pendingRebuilds() == 0)) {
                    assertThat(System.nanoTime()).as("the rebuild after the gap").isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                assertThat(graph.query(names.apply(w.tenant), "MATCH (t:Task {id: $id}) RETURN t.title AS title",
                        Map.of("id", missed.get(0).toString()))).hasSize(1);
                assertThat(capture.awaitCaughtUp(CATCH_UP)).as("the recreated slot is read").isTrue();
            } finally {
                graph.dropGraph(names.apply(w.tenant));
            }
        }
    }

    private long pendingRebuilds() {
        return db.owner.inTransaction(c -> Workspace.count(c,
                "SELECT count(*) FROM hybriddb_sync.hybriddb_graph_tenants WHERE rebuild_requested_at IS NOT NULL"));
    }

    @Test
    void changesWhileNoCaptureRunsAreReadLaterAndNothingIsLost() throws Exception {
        WalCapture.install(db.owner);
        Workspace w = new Workspace(db.app).seed(0);
        try (WalCapture first = capture()) {
            first.start();
            assertThat(first.awaitCaughtUp(CATCH_UP)).isTrue();
        }
        emptyOutbox();
        List<UUID> added = w.addTasksBulk(250);         // no capture running: the slot keeps them
        assertThat(db.outboxCount()).isZero();
        try (WalCapture second = capture()) {
            second.start();
            assertThat(second.awaitCaughtUp(CATCH_UP)).isTrue();
            assertThat(keysOf("tasks", "I")).containsAll(added.stream().map(UUID::toString).toList());
            assertThat(second.capturedRows()).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void switchingModesWhileWritingLosesNoChange() throws Exception {
        WalCapture.install(db.owner);
        Workspace w = new Workspace(db.app).seed(0);
        try (WalCapture capture = capture()) {
            capture.start();
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            emptyOutbox();
            List<UUID> written = new ArrayList<>(w.addTasksBulk(40));
            WalCapture.uninstall(db.owner);              // from here the triggers write the outbox
            assertThat(outboxTriggers()).isPositive();
            written.addAll(w.addTasksBulk(40));
            WalCapture.install(db.owner);
            written.addAll(w.addTasksBulk(40));
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            assertThat(keysOf("tasks", "I")).containsAll(written.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void aTableAttachedInWalModeIsPublishedNotTriggered() throws Exception {
        WalCapture.install(db.owner);
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "CREATE TABLE IF NOT EXISTS app_notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, author_id uuid, body text, token text)");
            Workspace.exec(c, "GRANT SELECT, INSERT, UPDATE, DELETE ON app_notes TO " + db.pg.appUser());
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_notes', 'id', 'author_id', 'token')");
            return null;
        });
        assertThat(outboxTriggers("app_notes")).isZero();
        Workspace w = new Workspace(db.app).seed(0);
        UUID note = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        try (WalCapture capture = capture()) {
            capture.start();
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            emptyOutbox();
            w.exec("INSERT INTO app_notes VALUES (?, ?, NULL, 'hello', 's3cret')", note, w.tenant);
            w.exec("UPDATE app_notes SET author_id = ? WHERE id = ?", author, note);
            w.exec("DELETE FROM app_notes WHERE id = ?", note);
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
        }
        List<Map<String, Object>> rows = outbox();
        assertThat(rows).extracting(r -> r.get("op")).containsExactly("I", "U", "D");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("tenant", w.tenant.toString())
                .containsEntry("key", Map.of("id", note.toString())));
        Map<String, Object> movedFrom = new HashMap<>(Map.of("id", note.toString(), "tenant_id", w.tenant.toString()));
        movedFrom.put("author_id", null);
        assertThat(rows.get(1).get("old")).isEqualTo(movedFrom);
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) rows.get(2).get("old");
        assertThat(deleted).containsEntry("body", "hello").doesNotContainKey("token");
    }

    @Test
    void aTruncateIsCapturedAsTheTriggerCapturesIt() throws Exception {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "CREATE TABLE IF NOT EXISTS app_wal_trunc (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text)");
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_wal_trunc', 'id')");
            return null;
        });
        WalCapture.uninstall(db.owner);
        assertThat(outboxTriggers("app_wal_trunc")).as("insert/delete, update and truncate triggers").isEqualTo(3);
        truncate("app_wal_trunc");
        List<Map<String, Object>> expected = outbox();
        assertThat(expected).singleElement().satisfies(r -> assertThat(r).containsEntry("op", "T").containsEntry("tenant", null));
        emptyOutbox();
        WalCapture.install(db.owner);
        assertThat(outboxTriggers("app_wal_trunc")).isZero();
        try (WalCapture capture = capture()) {
            capture.start();
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
            emptyOutbox();
            truncate("app_wal_trunc");
            assertThat(capture.awaitCaughtUp(CATCH_UP)).isTrue();
        }
        assertThat(outbox()).isEqualTo(expected);
    }

    private void truncate(String table) {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "TRUNCATE " + table);
            return null;
        });
    }

    @Test
    void switchingToWalNeedsTheSlotAndAKnownMode() {
        WalCapture.uninstall(db.owner);
        {
            WalCapture.dropSlot(db.owner);
            assertThatThrownBy(() -> db.owner.inTransaction(c -> {
                Workspace.exec(c, "SELECT hybriddb_capture_use('wal')");
                return null;
            })).isInstanceOf(HybridDBException.class).hasMessageContaining("replication slot").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> db.owner.inTransaction(c -> {
                Workspace.exec(c, "SELECT hybriddb_capture_use('logical')");
                return null;
            })).isInstanceOf(HybridDBException.class).hasMessageContaining("mode must be triggers, wal or manual, not logical");
            assertThat(outboxTriggers()).isPositive();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void awaitDrained() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.outboxCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(db.outboxCount()).isZero();
    }

    private long outboxTriggers() {
        return outboxTriggers("%");
    }

    private long outboxTriggers(String table) {
        return db.owner.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid"
                    + " WHERE t.tgname LIKE '%hybriddb_outbox%' AND NOT t.tgisinternal AND r.relname LIKE ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Map<String, Object>> outbox() {
        return db.owner.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT tenant_id::text, table_name, op, row_key::text, old_row::text FROM hybriddb_sync.hybriddb_outbox ORDER BY id")) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tenant", rs.getString(1));
                    row.put("table", rs.getString(2));
                    row.put("op", rs.getString(3));
                    row.put("key", Json.readMap(rs.getString(4)));
                    row.put("old", Json.readMap(rs.getString(5)));
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    private List<String> keysOf(String table, String op) {
        List<String> keys = new ArrayList<>();
        outbox().stream().filter(r -> table.equals(r.get("table")) && op.equals(r.get("op")))
                .forEach(r -> keys.add(String.valueOf(((Map<?, ?>) r.get("key")).get("id"))));
        return keys;
    }

    /** Ids replaced by the other workspace's (same position), timestamps checked for to_jsonb's format and dropped. */
    @SuppressWarnings("unchecked")
    private static Object normalized(Object value, Map<String, String> ids) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new HashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (k.endsWith("_at") && v != null) {
                    assertThat((String) v).as(k).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
                } else {
                    out.put(k, normalized(v, ids));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> normalized(v, ids)).toList();
        }
        if (value instanceof String s) {
            return ids.getOrDefault(s, s);
        }
        return value;
    }

    private static Map<String, String> idMap(Workspace from, Workspace to) {
        Map<String, String> m = new HashMap<>();
        m.put(from.tenant.toString(), to.tenant.toString());
        List<List<UUID>> a = List.of(from.users, from.teams, from.apps, from.boards, from.states, from.projects, from.swarms,
                from.agents, from.tasks, from.apiKeys, from.teamMembers, from.projectDependencies, from.taskDependencies, from.executions);
        List<List<UUID>> b = List.of(to.users, to.teams, to.apps, to.boards, to.states, to.projects, to.swarms,
                to.agents, to.tasks, to.apiKeys, to.teamMembers, to.projectDependencies, to.taskDependencies, to.executions);
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).size(); j++) {
                m.put(a.get(i).get(j).toString(), b.get(i).get(j).toString());
            }
        }
        return m;
    }
}
