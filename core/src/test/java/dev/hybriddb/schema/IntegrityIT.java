package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The integrity rules the database enforces whatever the client: lower-case project ecosystem and
 * name, dependency_count kept by triggers (also under concurrent inserts), append-only
 * contributions whose corrections are new rows. Each test tries to break its rule with direct SQL
 * as the application role (and the owner where it matters).
 */
class IntegrityIT {
    private static final String CHECK_VIOLATION = "23514";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int WRITERS = 16;

    private static PostgresService db;
    private static TenantFixture a;

    @BeforeAll
    static void migrateAndSeed() throws SQLException {
        db = TestServices.freshDatabase("schema_integrity");
        Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
        try (Connection c = db.openApp()) {
            a = TenantFixture.create(c, "integrity-a");
        }
    }

    @AfterAll
    static void drop() {
        TestServices.dropDatabase(db);
    }

    @Test
    void projectEcosystemAndNameAreStoredLowerCase() throws SQLException {
        try (Connection app = tenantConnection(db.openApp())) {
            String insert = "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, ?, ?)";
            assertThat(sqlState(app, insert, a.tenantId, "npm", "React")).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, insert, a.tenantId, "NPM", "left-pad")).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, insert, a.tenantId, "pypi", "\u00c9clair")).as("not only ASCII").isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "UPDATE projects SET name = 'React' WHERE id = ?", a.id("projects"))).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "UPDATE projects SET ecosystem = 'Npm' WHERE id = ?", a.id("projects"))).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, insert, a.tenantId, "pypi", "\u00e9clair")).isEqualTo("ok");
            assertThat(constraintValidated("projects_name_lower_case")).as("validated on existing rows").isTrue();
            app.rollback();
        }
    }

    @Test
    void dependencyCountIsKeptByTheDatabaseAndCannotBeWritten() throws SQLException {
        try (Connection app = tenantConnection(db.openApp())) {
            Object from = newProject(app, "counted");
            List<Object> targets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                targets.add(newProject(app, "dep-" + i));
                execute(app, "INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?)",
                        a.tenantId, from, targets.get(i));
            }
            assertThat(dependencyCount(app, from)).isEqualTo(3);
            assertThat(dependencyCount(app, targets.get(0))).as("counts outgoing dependencies only").isZero();

            execute(app, "DELETE FROM project_dependencies WHERE from_project_id = ? AND to_project_id = ?", from, targets.get(0));
            assertThat(dependencyCount(app, from)).isEqualTo(2);
            execute(app, "DELETE FROM projects WHERE id = ?", targets.get(1));
            assertThat(dependencyCount(app, from)).as("the dependency went with the project it pointed at").isEqualTo(1);
            Object other = newProject(app, "other");
            execute(app, "UPDATE project_dependencies SET from_project_id = ? WHERE from_project_id = ?", other, from);
            assertThat(dependencyCount(app, from)).isZero();
            assertThat(dependencyCount(app, other)).isEqualTo(1);

            assertThat(sqlState(app, "UPDATE projects SET dependency_count = 42 WHERE id = ?", other)).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "UPDATE projects SET dependency_count = dependency_count - 1, name = 'x' WHERE id = ?", other))
                    .isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "INSERT INTO projects (tenant_id, name, dependency_count) VALUES (?, 'forged', 7)", a.tenantId))
                    .isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "UPDATE projects SET dependency_count = dependency_count WHERE id = ?", other))
                    .as("writing the same value changes nothing and is allowed").isEqualTo("ok");
            assertThat(dependencyCount(app, other)).isEqualTo(1);
            app.rollback();
        }
    }

    @Test
    void concurrentDependencyInsertsLeaveTheRightCount() throws Exception {
        Object from;
        List<Object> targets = new ArrayList<>();
        try (Connection app = tenantConnection(db.openApp())) {
            from = newProject(app, "hub");
            for (int i = 0; i < WRITERS * 2; i++) {
                targets.add(newProject(app, "leaf-" + i));
            }
            app.commit();
        }
        // Round 1: WRITERS transactions insert one dependency each at once; round 2 mixes inserts and deletes.
        runConcurrently(i -> List.of("INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?)",
                a.tenantId, from, targets.get(i)));
        assertThat(countsAgree(from)).containsExactly(WRITERS, WRITERS);
        runConcurrently(i -> i % 2 == 0
                ? List.of("DELETE FROM project_dependencies WHERE from_project_id = ? AND to_project_id = ?", from, targets.get(i))
                : List.of("INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?)",
                        a.tenantId, from, targets.get(WRITERS + i)));
        assertThat(countsAgree(from)).containsExactly(WRITERS, WRITERS);
    }

    @Test
    void openTaskCountIsKeptByTheDatabaseAndCannotBeWritten() throws SQLException {
        try (Connection app = tenantConnection(db.openApp())) {
            Object x = newAgent(app, "x");
            Object y = newAgent(app, "y");
            for (String status : List.of("pending", "in_progress", "blocked", "completed", "aborted")) {
                newTask(app, x, status);
            }
            newTask(app, null, "pending");
            assertThat(openTasks(app, x)).containsExactly(3, 3);
            execute(app, "UPDATE tasks SET assigned_agent_id = ? WHERE assigned_agent_id = ? AND status = 'pending'", y, x);
            assertThat(openTasks(app, x)).containsExactly(2, 2);
            assertThat(openTasks(app, y)).containsExactly(1, 1);
            execute(app, "UPDATE tasks SET status = 'completed' WHERE assigned_agent_id = ? AND status = 'blocked'", x);
            execute(app, "UPDATE tasks SET status = 'pending' WHERE assigned_agent_id = ? AND status = 'aborted'", x);
            assertThat(openTasks(app, x)).as("one closed, one reopened").containsExactly(2, 2);
            execute(app, "UPDATE tasks SET status = 'blocked', assigned_agent_id = ? WHERE assigned_agent_id = ? AND status = 'in_progress'", x, x);
            assertThat(openTasks(app, x)).as("open to open, same agent set again").containsExactly(2, 2);
            execute(app, "UPDATE tasks SET assigned_agent_id = NULL WHERE assigned_agent_id = ? AND status = 'blocked'", x);
            assertThat(openTasks(app, x)).as("unassigned").containsExactly(1, 1);
            execute(app, "UPDATE tasks SET assigned_agent_id = ? WHERE assigned_agent_id IS NULL AND status = 'blocked'", x);
            assertThat(openTasks(app, x)).as("assigned again").containsExactly(2, 2);
            // one statement moving tasks both ways, with a title change on the others
            execute(app, "UPDATE tasks SET assigned_agent_id = CASE WHEN assigned_agent_id = ? THEN ?::uuid ELSE ?::uuid END, "
                    + "title = title || '!' WHERE assigned_agent_id IN (?, ?)", x, y, x, x, y);
            assertThat(openTasks(app, x)).containsExactly(1, 1);
            assertThat(openTasks(app, y)).containsExactly(2, 2);
            execute(app, "DELETE FROM tasks WHERE assigned_agent_id = ? AND status = 'pending'", y);
            assertThat(openTasks(app, y)).containsExactly(1, 1);
            execute(app, "DELETE FROM agents WHERE id = ?", x);
            assertThat(openTasks(app, y)).containsExactly(1, 1);

            assertThat(sqlState(app, "UPDATE agents SET open_task_count = 0 WHERE id = ?", y)).isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "UPDATE agents SET open_task_count = open_task_count + 1, name = 'z' WHERE id = ?", y))
                    .isEqualTo(CHECK_VIOLATION);
            assertThat(sqlState(app, "INSERT INTO agents (tenant_id, name, role, open_task_count) VALUES (?, 'forged', 'coder', 4)",
                    a.tenantId)).isEqualTo(CHECK_VIOLATION);
            assertThat(openTasks(app, y)).containsExactly(1, 1);
            app.rollback();
        }
    }

    @Test
    void concurrentAssignmentsLeaveTheRightOpenTaskCounts() throws Exception {
        Object x;
        Object y;
        List<Object> tasks = new ArrayList<>();
        try (Connection app = tenantConnection(db.openApp())) {
            x = newAgent(app, "busy-x");
            y = newAgent(app, "busy-y");
            for (int i = 0; i < WRITERS; i++) {
                tasks.add(newTask(app, x, "in_progress"));
            }
            app.commit();
        }
        // Every writer at once: half move a task from x to y, half close one of x's tasks or add one to y.
        runConcurrently(i -> switch (i % 4) {
            case 0, 1 -> List.of("UPDATE tasks SET assigned_agent_id = ? WHERE id = ?", y, tasks.get(i));
            case 2 -> List.of("UPDATE tasks SET status = 'completed' WHERE id = ?", tasks.get(i));
            default -> List.of("INSERT INTO tasks (tenant_id, title, status, assigned_agent_id) VALUES (?, 'new', 'pending', ?)",
                    a.tenantId, y);
        });
        try (Connection app = tenantConnection(db.openApp())) {
            assertThat(openTasks(app, x)).containsExactly(WRITERS / 4, WRITERS / 4);
            assertThat(openTasks(app, y)).containsExactly(WRITERS * 3 / 4, WRITERS * 3 / 4);
        }
    }

    @Test
    void concurrentReassignmentsBothWaysNeitherDeadlockNorMiscount() throws Exception {
        Object x;
        Object y;
        List<Object> tasks = new ArrayList<>();
        try (Connection app = tenantConnection(db.openApp())) {
            x = newAgent(app, "swap-x");
            y = newAgent(app, "swap-y");
            for (int i = 0; i < WRITERS; i++) {
                tasks.add(newTask(app, i % 2 == 0 ? x : y, "pending"));
            }
            app.commit();
        }
        // Each round, every writer at once moves its task to the other agent: x's tasks to y, y's to x.
        for (int round = 0; round < 3; round++) {
            int r = round;
            runConcurrently(i -> List.of("UPDATE tasks SET assigned_agent_id = ? WHERE id = ?",
                    (i + r) % 2 == 0 ? y : x, tasks.get(i)));
            try (Connection app = tenantConnection(db.openApp())) {
                assertThat(openTasks(app, x)).containsExactly(WRITERS / 2, WRITERS / 2);
                assertThat(openTasks(app, y)).containsExactly(WRITERS / 2, WRITERS / 2);
            }
        }
    }

    @Test
    void contributionsAreAppendOnlyAndCorrectionsAreNewRows() throws SQLException {
        Object asset = a.id("assets");
        Object contributor = a.id("contributors");
        Object original;
        try (Connection app = tenantConnection(db.openApp())) {
            original = insert(app, "INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score)"
                    + " VALUES (?, ?, ?, 100, 0.5) RETURNING id", a.tenantId, contributor, asset);
            BigDecimal before = totalCost(app, asset);
            assertThat(sqlState(app, "UPDATE contributions SET cost_amount = 1 WHERE id = ?", original)).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(sqlState(app, "DELETE FROM contributions WHERE id = ?", original)).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(sqlState(app, "TRUNCATE contributions")).isEqualTo(INSUFFICIENT_PRIVILEGE);

            String correct = "INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score, corrects_id)"
                    + " VALUES (?, ?, ?, ?::numeric, 0.5, ?) RETURNING id";
            Object fix = insert(app, correct, a.tenantId, contributor, asset, "60", original);
            assertThat(totalCost(app, asset)).isEqualByComparingTo(before.subtract(new BigDecimal("40")));
            assertThat(sqlState(app, correct, a.tenantId, contributor, asset, "1", original))
                    .as("a contribution is corrected once").isEqualTo(UNIQUE_VIOLATION);
            insert(app, correct, a.tenantId, contributor, asset, "70", fix);
            assertThat(totalCost(app, asset)).isEqualByComparingTo(before.subtract(new BigDecimal("30")));
            app.commit();
        }
        try (Connection owner = tenantConnection(db.openAdmin())) {
            assertThat(sqlState(owner, "UPDATE contributions SET cost_amount = 1 WHERE id = ?", original))
                    .as("not even the owner rewrites a contribution").isEqualTo(INSUFFICIENT_PRIVILEGE);
            BigDecimal base = totalCost(owner, asset).subtract(new BigDecimal("70"));
            assertThat(sqlState(owner, "DELETE FROM contributions WHERE id = ?", original)).as("retention by the owner").isEqualTo("ok");
            assertThat(totalCost(owner, asset)).as("the chain went with its first row").isEqualByComparingTo(base);
            assertThat(count(owner, "SELECT count(*) FROM contributions WHERE asset_id = '" + asset + "'")).isEqualTo(1);
            owner.rollback();
        }
    }

    /** Runs WRITERS transactions, each executing statement {@code work(i)} (SQL then parameters), released together. */
    private static void runConcurrently(java.util.function.IntFunction<List<Object>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch ready = new CountDownLatch(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    try (Connection c = tenantConnection(db.openApp())) {
                        List<Object> statement = work.apply(n);
                        ready.countDown();
                        go.await();
                        execute(c, (String) statement.get(0), statement.subList(1, statement.size()).toArray());
                        c.commit();
                    }
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** [dependency_count, number of dependency rows] of {@code project}. */
    private static List<Integer> countsAgree(Object project) throws SQLException {
        try (Connection app = tenantConnection(db.openApp())) {
            return List.of(dependencyCount(app, project),
                    count(app, "SELECT count(*) FROM project_dependencies WHERE from_project_id = '" + project + "'"));
        }
    }

    private static boolean constraintValidated(String name) throws SQLException {
        try (Connection c = db.openAdmin(); PreparedStatement ps = c.prepareStatement(
                "SELECT convalidated FROM pg_constraint WHERE conname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static Connection tenantConnection(Connection c) throws SQLException {
        c.setAutoCommit(false);
        TenantFixture.setTenant(c, a.tenantId);
        return c;
    }

    private static Object newProject(Connection c, String name) throws SQLException {
        return insert(c, "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'maven', ?) RETURNING id",
                a.tenantId, name + "-" + UUID.randomUUID());
    }

    private static Object newAgent(Connection c, String name) throws SQLException {
        return insert(c, "INSERT INTO agents (tenant_id, name, role) VALUES (?, ?, 'coder') RETURNING id", a.tenantId, name);
    }

    private static Object newTask(Connection c, Object agent, String status) throws SQLException {
        return insert(c, "INSERT INTO tasks (tenant_id, title, status, assigned_agent_id) VALUES (?, 'task', ?::task_status, ?) "
                + "RETURNING id", a.tenantId, status, agent);
    }

    /** [open_task_count, open tasks assigned] of {@code agent}. */
    private static List<Integer> openTasks(Connection c, Object agent) throws SQLException {
        return List.of(count(c, "SELECT open_task_count FROM agents WHERE id = '" + agent + "'"),
                count(c, "SELECT count(*) FROM tasks WHERE assigned_agent_id = '" + agent + "' AND status NOT IN ('completed', 'aborted')"));
    }

    private static int dependencyCount(Connection c, Object project) throws SQLException {
        return count(c, "SELECT dependency_count FROM projects WHERE id = '" + project + "'");
    }

    private static BigDecimal totalCost(Connection c, Object asset) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT total_cost FROM assets WHERE id = ?", asset); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Object insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeUpdate();
        }
    }

    private static String sqlState(Connection c, String sql, Object... params) throws SQLException {
        var savepoint = c.setSavepoint();
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.execute();
            c.releaseSavepoint(savepoint);
            return "ok";
        } catch (SQLException e) {
            c.rollback(savepoint);
            return e.getSQLState();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
