package dev.hybriddb.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The connection handed to application code inside a transaction the SDK owns: everything works
 * except ending the transaction or the connection ({@code close}, {@code commit},
 * {@code rollback()}, {@code setAutoCommit}, {@code abort}), which the SDK does itself.
 */
public final class GuardedConnection implements InvocationHandler {
    private static final Set<String> REFUSED = Set.of("close", "commit", "setAutoCommit", "abort");

    private final Connection target;

    private GuardedConnection(Connection target) {
        this.target = target;
    }

    /** A view of {@code target} that refuses to end its transaction or close it. */
    public static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new GuardedConnection(target));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (REFUSED.contains(name) || (name.equals("rollback") && method.getParameterCount() == 0)) {
            throw new SQLException("the connection of a HybridDB transaction must not be used to " + name
                    + ": the SDK commits, rolls back and returns it itself");
        }
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("toString")) {
            return "GuardedConnection[" + target + "]";
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
