package dev.hybriddb.graph.falkor.internal;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.falkor.FalkorConfig;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Builds the Jedis pools a {@link FalkorConfig} describes: one server, or the master that the
 * Sentinels name ({@link JedisSentinelPool} follows their {@code +switch-master} after a
 * failover and drops connections to the old master), with TLS and credentials; and one small
 * pool per read replica.
 */
final class Pools {
    private Pools() {}

    static Pool<Jedis> master(FalkorConfig config) {
        GenericObjectPoolConfig<Jedis> poolConfig = poolConfig(config.poolSize(), config.borrowTimeout());
        JedisClientConfig client = clientConfig(config, config.username(), config.password(), true);
        if (!config.usesSentinel()) {
            return new JedisPool(poolConfig, new HostAndPort(config.host(), config.port()), client);
        }
        Set<HostAndPort> sentinels = new LinkedHashSet<>();
        config.sentinels().forEach(a -> sentinels.add(new HostAndPort(a.host(), a.port())));
        // the Sentinel client subscribes to +switch-master: its blocking reads must not time out
        JedisClientConfig sentinelClient = clientConfig(config, config.sentinelUsername(), config.sentinelPassword(), false);
        try {
            return new JedisSentinelPool(config.sentinelMaster(), sentinels, poolConfig, client, sentinelClient);
        } catch (JedisException e) {
            // the message names the Sentinels and the master name, never a password
            throw new UnavailableException("FalkorDB master " + config.sentinelMaster() + " could not be found through the Sentinels "
                    + config.sentinels() + ": " + Errors.shorten(e.getMessage()), e);
        }
    }

    static List<JedisPool> replicas(FalkorConfig config) {
        int size = Math.max(1, config.poolSize() / 2);
        JedisClientConfig client = clientConfig(config, config.username(), config.password(), true);
        return config.readReplicas().stream()
                .map(a -> new JedisPool(poolConfig(size, config.borrowTimeout()), new HostAndPort(a.host(), a.port()), client))
                .toList();
    }

    private static GenericObjectPoolConfig<Jedis> poolConfig(int size, Duration borrowTimeout) {
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(size);
        poolConfig.setMaxIdle(size);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(borrowTimeout);
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setTestWhileIdle(true);
        poolConfig.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        poolConfig.setJmxEnabled(false);
        return poolConfig;
    }

    private static JedisClientConfig clientConfig(FalkorConfig config, String user, String password, boolean finiteBlocking) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                .socketTimeoutMillis((int) config.socketTimeout().toMillis())
                .clientName("hybriddb");
        if (finiteBlocking) {
            client.blockingSocketTimeoutMillis((int) config.socketTimeout().toMillis());
        }
        if (user != null) {
            client.user(user);
        }
        if (password != null) {
            client.password(password);
        }
        if (config.tls()) {
            client.ssl(true).sslSocketFactory(config.sslSocketFactory() != null ? config.sslSocketFactory()
                    : (SSLSocketFactory) SSLSocketFactory.getDefault());
            if (config.verifyHostname()) {
                SSLParameters params = new SSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                client.sslParameters(params);
            }
        }
        return client.build();
    }
}
