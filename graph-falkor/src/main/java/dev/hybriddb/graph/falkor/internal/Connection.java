package dev.hybriddb.graph.falkor.internal;

import com.falkordb.ResultSet;
import com.falkordb.impl.api.GraphCommand;
import com.falkordb.impl.api.GraphContextImpl;
import com.falkordb.impl.graph_cache.GraphCache;
import com.falkordb.impl.resultset.ResultSetImpl;
import dev.hybriddb.graph.falkor.FalkorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.util.Pool;

/**
 * The pooled connections to FalkorDB (one server, or the master the Sentinels name, see
 * {@code Pools}) and to its read replicas, and the raw round trips: {@code GRAPH.QUERY} /
 * {@code GRAPH.RO_QUERY} with {@code --compact} and a server-side {@code TIMEOUT}, parsed by
 * jfalkordb's {@link ResultSetImpl}. Failures are translated by {@link Errors}.
 */
public final class Connection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Pool<Jedis> pool;
    private final List<JedisPool> replicas;
    private final AtomicInteger nextReplica = new AtomicInteger();
    private final String queryTimeoutMillis;
    private final Duration socketTimeout;
    private final Duration queryTimeout;
    private final ConcurrentMap<String, GraphCache> caches = new ConcurrentHashMap<>();
    private final Runnable onConnectionLost;

    /**
     * @param onConnectionLost called after a connection failure: the server may have restarted
     *                         empty, so what was cached about its graphs is forgotten
     */
    public Connection(FalkorConfig config, Runnable onConnectionLost) {
        this.onConnectionLost = onConnectionLost;
        this.pool = Pools.master(config);
        this.replicas = Pools.replicas(config);
        this.queryTimeoutMillis = Long.toString(config.queryTimeout().toMillis());
        this.socketTimeout = config.socketTimeout();
        this.queryTimeout = config.queryTimeout();
    }

    /** Runs a Cypher text (header included) on a graph; one retry on a fresh connection if {@code retry}. */
    public ResultSet cypher(String graph, String text, boolean readOnly, boolean retry, String what) {
        return withJedis(retry, what, jedis -> send(jedis, graph, text, readOnly));
    }

    /**
     * Runs a read-only Cypher text on a replica (the next one in turn), or on the master when no
     * replica is configured or the replica cannot be reached.
     */
    public ResultSet cypherOnReplica(String graph, String text, String what) {
        if (replicas.isEmpty()) {
            return cypher(graph, text, true, true, what);
        }
        JedisPool replica = replicas.get(Math.floorMod(nextReplica.getAndIncrement(), replicas.size()));
        try (Jedis jedis = replica.getResource()) {
            return send(jedis, graph, text, true);
        } catch (RuntimeException e) {
            if (!Errors.isClientSideFailure(e)) {
                throw Errors.translate(e, what + " on a replica", queryTimeout);
            }
            LOG.debug("FalkorDB replica unreachable ({}); reading from the master: {}", what, e.toString());
            return cypher(graph, text, true, true, what);
        }
    }

    private ResultSet send(Jedis jedis, String graph, String text, boolean readOnly) {
        GraphCache cache = caches.computeIfAbsent(graph, g -> new GraphCache());
        @SuppressWarnings("unchecked")
        List<Object> raw = (List<Object>) jedis.sendCommand(readOnly ? GraphCommand.RO_QUERY : GraphCommand.QUERY,
                graph, text, "--compact", "TIMEOUT", queryTimeoutMillis);
        return new ResultSetImpl(raw, new GraphContextImpl(jedis, cache, graph), cache);
    }

    /** Forgets the cached label, type and property names of a graph (after it was dropped). */
    public void forget(String graph) {
        GraphCache cache = caches.remove(graph);
        if (cache != null) {
            cache.clear();
        }
    }

    /** Runs work on a pooled connection, translating failures. */
    public <T> T withJedis(boolean retry, String what, Function<Jedis, T> work) {
        try {
            return once(work);
        } catch (RuntimeException e) {
            if (Errors.isReadTimeout(e)) {
                throw timedOut(e, what);        // never resent: the server may still be running it
            }
            if (Errors.isConnectionFailure(e) || Errors.isReadOnlyReplica(e)) {
                caches.clear();
                onConnectionLost.run();
            }
            if (retry && (Errors.isConnectionFailure(e) || Errors.isReadOnlyReplica(e))) {
                try {
                    return once(work);
                } catch (RuntimeException again) {
                    throw Errors.translate(again, what, queryTimeout);
                }
            }
            throw Errors.translate(e, what, queryTimeout);
        }
    }

    /**
     * No reply within the socket timeout: a PING on another connection tells a slow statement
     * (the server answers) from a server that cannot be reached.
     */
    private RuntimeException timedOut(RuntimeException e, String what) {
        boolean reachable;
        try {
            reachable = "PONG".equalsIgnoreCase(once(Jedis::ping));
        } catch (RuntimeException pingFailed) {
            reachable = false;
        }
        if (reachable) {
            return Errors.statementTimedOut(e, what, socketTimeout);
        }
        caches.clear();
        onConnectionLost.run();
        return Errors.unreachableAfterTimeout(e, what, socketTimeout);
    }

    private <T> T once(Function<Jedis, T> work) {
        try (Jedis jedis = pool.getResource()) {
            return work.apply(jedis);
        }
    }

    public int active() {
        return pool.getNumActive();
    }

    public int idle() {
        return pool.getNumIdle();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            replicas.forEach(JedisPool::close);
            caches.clear();
        }
    }
}
