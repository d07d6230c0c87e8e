package dev.hybriddb.graph.falkor.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Translates jfalkordb and Jedis failures into HybridDB's exceptions. Messages carry the server's
 * words (which may quote the query) but never credentials.
 */
public final class Errors {
    private static final int MAX_MESSAGE = 500;

    private Errors() {}

    /** True when the failure means the server could not be reached (worth one retry on a fresh connection). */
    public static boolean isConnectionFailure(Throwable e) {
        return e instanceof JedisConnectionException;
    }

    /**
     * True when the failure is not the server's answer to the command: no connection, no reply, or
     * no pooled connection to be had.
     */
    public static boolean isClientSideFailure(Throwable e) {
        return e instanceof JedisException && !(e instanceof JedisDataException);
    }

    /**
     * True when the server answered {@code READONLY}: it is a replica now (a master demoted after a
     * failover, before the client followed the Sentinels to the new master).
     */
    public static boolean isReadOnlyReplica(Throwable e) {
        return e instanceof JedisDataException && e.getMessage() != null && e.getMessage().startsWith("READONLY");
    }

    /** True when a reply did not come within the socket timeout (the server may be slow, or gone). */
    public static boolean isReadTimeout(Throwable e) {
        if (!(e instanceof JedisConnectionException)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A statement with no reply within {@code limit} from a server that still answers PING. */
    public static GraphTimeoutException statementTimedOut(RuntimeException e, String what, Duration limit) {
        return new GraphTimeoutException("FalkorDB statement timed out after " + limit.toMillis()
                + " ms (server reachable; it may still be running the statement): " + what, limit, e);
    }

    /** No reply within {@code limit}, and no answer to PING either. */
    public static UnavailableException unreachableAfterTimeout(RuntimeException e, String what, Duration limit) {
        return new UnavailableException("FalkorDB is unreachable (" + what + "): no reply within " + limit.toMillis()
                + " ms and no answer to PING: " + shorten(e.getMessage()), e);
    }

    public static HybridDBException translate(RuntimeException e, String what) {
        return translate(e, what, null);
    }

    /** As {@link #translate(RuntimeException, String)}; {@code queryTimeout} names the server's limit in its timeout error. */
    public static HybridDBException translate(RuntimeException e, String what, Duration queryTimeout) {
        if (e instanceof HybridDBException h) {
            return h;
        }
        if (e instanceof JedisAccessControlException) {
            return new ConfigurationException("falkor.password", "****", "was refused by FalkorDB (" + what + ")");
        }
        if (e instanceof JedisConnectionException) {
            return new UnavailableException("FalkorDB is unreachable (" + what + "): " + shorten(e.getMessage()), e);
        }
        if (e instanceof JedisDataException || e instanceof com.falkordb.exceptions.GraphException) {
            String msg = serverMessage(e);
            String upper = msg.toUpperCase(Locale.ROOT);
            if (upper.startsWith("LOADING") || upper.startsWith("BUSY") || upper.startsWith("TRYAGAIN")
                    || upper.startsWith("MASTERDOWN") || upper.startsWith("READONLY")) {
                return new UnavailableException("FalkorDB is not ready (" + what + "): " + msg, e);
            }
            if (upper.startsWith("QUERY TIMED OUT")) {
                return new GraphTimeoutException("FalkorDB statement timed out after "
                        + (queryTimeout == null ? "its query timeout" : queryTimeout.toMillis() + " ms")
                        + " (server reachable; the server stopped it): " + what, queryTimeout, e);
            }
            if (upper.startsWith("NOAUTH") || upper.startsWith("WRONGPASS")) {
                return new ConfigurationException("falkor.password", "****", "was refused by FalkorDB (" + what + ")");
            }
            return new GraphException("FalkorDB refused " + what + ": " + msg, e);
        }
        if (e instanceof JedisException) {
            // pool exhausted or closed, and other client-side failures
            return new UnavailableException("FalkorDB client failure (" + what + "): " + shorten(e.getMessage()), e);
        }
        return new GraphException("unexpected failure in " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())), e);
    }

    private static String serverMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() != null
                && t.getMessage().equals(String.valueOf(t.getCause()))) {
            t = t.getCause();
        }
        return shorten(t.getMessage());
    }

    static String shorten(String s) {
        if (s == null) {
            return "(no message)";
        }
        s = s.replace('\0', '?');
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "...(" + s.length() + " chars)" : s;
    }
}
