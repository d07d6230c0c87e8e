package dev.hybriddb.bench.internal;

import dev.hybriddb.graph.GraphBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts what a component sends: the SQL statements executed through a {@link DataSource}
 * (savepoints, commits and rollbacks included, each a round trip) and the calls made on a
 * {@link GraphBackend}, with the time spent waiting for each. Wall-clock rates on a shared machine
 * move with the load; round trips and CPU per change do not.
 */
public final class RoundTrips {
    private static final Set<String> STATEMENT_CALLS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch");
    private static final Set<String> CONNECTION_CALLS = Set.of("setSavepoint", "releaseSavepoint", "commit", "rollback");
    private static final Set<String> LOCAL_GRAPH_CALLS = Set.of("name", "close", "toString", "hashCode", "equals");

    public final AtomicLong sql = new AtomicLong();
    public final AtomicLong sqlNanos = new AtomicLong();
    public final AtomicLong graph = new AtomicLong();
    public final AtomicLong graphNanos = new AtomicLong();

    /** A snapshot: statements and waits so far. */
    public record Counts(long sql, long sqlNanos, long graph, long graphNanos) {
        public Counts minus(Counts o) {
            return new Counts(sql - o.sql, sqlNanos - o.sqlNanos, graph - o.graph, graphNanos - o.graphNanos);
        }
    }

    public Counts snapshot() {
        return new Counts(sql.get(), sqlNanos.get(), graph.get(), graphNanos.get());
    }

    /** {@code ds} with every statement it runs counted here. */
    public DataSource counting(DataSource ds) {
        return proxy(DataSource.class, ds, (m, result) -> m.getName().equals("getConnection")
                ? proxy(Connection.class, (Connection) result, this::connectionResult, null) : result, null);
    }

    /** {@code g} with every call (but name, close) counted here. */
    public GraphBackend counting(GraphBackend g) {
        return proxy(GraphBackend.class, g, (m, result) -> result, m -> !LOCAL_GRAPH_CALLS.contains(m.getName()) ? graphCounter() : null);
    }

    private Object connectionResult(Method m, Object result) {
        if (result instanceof Statement s && (m.getName().equals("prepareStatement") || m.getName().equals("createStatement"))) {
            Class<?> type = m.getReturnType();
            return proxy(type.asSubclass(Statement.class), s, (x, r) -> r,
                    x -> STATEMENT_CALLS.contains(x.getName()) ? sqlCounter() : null);
        }
        return result;
    }

    private AtomicLong[] sqlCounter() {
        return new AtomicLong[] {sql, sqlNanos};
    }

    private AtomicLong[] graphCounter() {
        return new AtomicLong[] {graph, graphNanos};
    }

    private interface Wrap {
        Object apply(Method m, Object result) throws Exception;
    }

    private interface Counter {
        AtomicLong[] of(Method m);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target, Wrap wrap, Counter counter) {
        InvocationHandler h = (p, m, args) -> {
            AtomicLong[] c = counter != null ? counter.of(m)
                    : type == Connection.class && CONNECTION_CALLS.contains(m.getName()) ? sqlCounter() : null;
            long start = System.nanoTime();
            try {
                return wrap.apply(m, m.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (c != null) {
                    c[0].incrementAndGet();
                    c[1].addAndGet(System.nanoTime() - start);
                }
            }
        };
        if (type == Connection.class) {
            InvocationHandler inner = h;
            h = (p, m, args) -> m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")
                    ? m.invoke(target, args) : inner.invoke(p, m, args);
        }
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    /** CPU seconds of the threads of this JVM whose names start with {@code prefix}. */
    public static double threadCpuSeconds(String prefix) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long n = mx.getThreadCpuTime(t.getId());
                nanos += Math.max(0, n);
            }
        }
        return nanos / 1e9;
    }

    /** CPU seconds (user + system) of process {@code pid} from {@code /proc/<pid>/stat}, or -1. */
    public static double processCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }
}
