package dev.hybriddb.graph.age.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical connections behind AGE's own pool: each new connection gets AGE loaded and the
 * search path set once ({@link AgeSession#prepareSession}), so pooled connections are ready.
 */
public final class AgeDataSource implements DataSource {
    private final DataSource delegate;
    private final AgeSession session;

    public AgeDataSource(DataSource delegate, AgeSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(delegate.getConnection(username, password));
    }

    private Connection prepared(Connection c) throws SQLException {
        try {
            session.prepareSession(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "AgeDataSource";
    }
}
