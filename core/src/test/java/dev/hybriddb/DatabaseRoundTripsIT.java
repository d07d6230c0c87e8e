package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.internal.LocalSettings;
import dev.hybriddb.internal.SdkWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a transaction of the SDK sends to PostgreSQL: its context (tenant, search_path,
 * row_security: one statement), the work's own statements and COMMIT, and nothing else (no
 * validation queries, no isolation or read-only resets), so the SDK's plumbing costs one round trip
 * beyond what raw JDBC doing the same work costs. Work of the application (not the SDK's own) adds
 * the connection reset, DISCARD ALL.
 */
class DatabaseRoundTripsIT {
    private static final Set<String> CONNECTION_CALLS = Set.of("setAutoCommit", "commit", "rollback", "createStatement",
            "prepareStatement", "prepareCall", "setTransactionIsolation", "setReadOnly", "isValid", "setSavepoint",
            "releaseSavepoint", "setSchema", "setCatalog", "setClientInfo", "setNetworkTimeout");
    private static final String SET_TENANT = "prepare select set_config('hybriddb.tenant_id', ?, true),"
            + " set_config('hybriddb.user_id', ?, true), set_config('search_path', 'public, pg_temp', true),"
            + " set_config('row_security', 'on', true)";

    private static AppRoleDatabase fixture;
    private static Database db;
    private static final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void setUp() {
        fixture = AppRoleDatabase.create("core_rt");
        db = Database.of(recording(fixture.pool));
    }

    @AfterAll
    static void tearDown() {
        AppRoleDatabase.close(fixture);
    }

    @BeforeEach
    void clear() {
        calls.clear();
    }

    @Test
    void aTenantTransactionIsTheTenantSettingTheWorkAndCommit() {
        int one = db.inTenant(UUID.randomUUID(), SdkWork.of(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
        assertThat(one).isEqualTo(1);
        assertThat(calls).containsExactly("setAutoCommit(false)", SET_TENANT, "execute", "prepare select 1",
                "executeQuery", "commit");
    }

    @Test
    void settingsTheWorkCarriesAreMadeInTheContextStatementForThatTransactionOnly() {
        LocalSettings settings = LocalSettings.builder().set("work_mem", "7MB").set("custom.probe", "it's; a value").build();
        String seen = db.inTenant(UUID.randomUUID(), SdkWork.withSettings(settings, c -> {
            try (PreparedStatement ps = c.prepareStatement("select current_setting('work_mem') || '|' || current_setting('custom.probe')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        assertThat(seen).isEqualTo("7MB|it's; a value");
        assertThat(calls).containsExactly("setAutoCommit(false)",
                SET_TENANT + ", set_config(?, ?, true), set_config(?, ?, true)", "execute",
                "prepare select current_setting('work_mem') || '|' || current_setting('custom.probe')", "executeQuery", "commit");
        String after = db.inTenant(UUID.randomUUID(), SdkWork.of(c -> db.dsl(c)
                .fetchSingle("select current_setting('work_mem') || '|' || coalesce(current_setting('custom.probe', true), '')")
                .get(0, String.class)));
        assertThat(after).doesNotContain("7MB").endsWith("|");
    }

    @Test
    void jooqWorkAddsOnlyItsOwnStatement() {
        int two = db.inTenant(UUID.randomUUID(), SdkWork.of(c -> db.dsl(c).fetchSingle("select 2").get(0, Integer.class)));
        assertThat(two).isEqualTo(2);
        assertThat(calls).containsExactly("setAutoCommit(false)", SET_TENANT, "execute", "prepare select 2",
                "execute", "commit");
    }

    @Test
    void aTransactionWithoutTenantSetsTheContextToo() {
        db.inTransaction(SdkWork.of(c -> db.dsl(c).execute("select 3")));
        assertThat(calls).containsExactly("setAutoCommit(false)", SET_TENANT, "execute", "prepare select 3", "execute", "commit");
    }

    @Test
    void applicationWorkEndsWithTheConnectionReset() {
        db.inTransaction(c -> db.dsl(c).execute("select 4"));
        assertThat(calls).containsExactly("setAutoCommit(false)", SET_TENANT, "execute", "prepare select 4", "execute", "commit",
                "setAutoCommit(true)", "prepare SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *;"
                        + " SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES;"
                        + " SELECT count(*) FROM pg_catalog.pg_prepared_statements WHERE from_sql", "execute");
    }

    @Test
    void failedWorkRollsBackWithoutFurtherStatements() {
        try {
            db.inTenant(UUID.randomUUID(), SdkWork.of(c -> {
                throw new IllegalStateException("boom");
            }));
        } catch (IllegalStateException expected) {
            // the work's own exception, as DatabaseIT checks
        }
        assertThat(calls).containsExactly("setAutoCommit(false)", SET_TENANT, "execute", "rollback");
    }

    /** A data source recording the transaction and statement calls made on its connections. */
    private static DataSource recording(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object out = invoke(method, target, args);
                    return out instanceof Connection c ? wrap(Connection.class, c, DatabaseRoundTripsIT::onConnection) : out;
                });
    }

    private static Object onConnection(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (CONNECTION_CALLS.contains(name)) {
            calls.add(name.equals("prepareStatement") ? "prepare " + args[0]
                    : args != null && args.length == 1 && args[0] instanceof Boolean b ? name + "(" + b + ")" : name);
        }
        Object out = invoke(method, target, args);
        if (out instanceof PreparedStatement ps) {
            return wrap(PreparedStatement.class, ps, DatabaseRoundTripsIT::onStatement);
        }
        return out instanceof Statement st ? wrap(Statement.class, st, DatabaseRoundTripsIT::onStatement) : out;
    }

    private static Object onStatement(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
            calls.add(method.getName());
        }
        return invoke(method, target, args);
    }

    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T wrap(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
