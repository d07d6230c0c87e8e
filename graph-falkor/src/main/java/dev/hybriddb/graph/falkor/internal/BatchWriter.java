package dev.hybriddb.graph.falkor.internal;

import com.falkordb.ResultSet;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.graph.GraphException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@link Batch}es in chunks of {@code batchSize} rows, one round trip at a time and in order,
 * while the calling thread encodes the next chunk: the client's encoding overlaps the server's
 * execution of the previous chunk. A call of one chunk runs on the calling thread only.
 *
 * <p>The first failure stops the call: the chunks before it are written, no later chunk is sent
 * (the one already encoded is dropped), and the failure is thrown as it came from
 * {@link Connection}.
 */
public final class BatchWriter implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Connection connection;
    private final int batchSize;
    private final ExecutorService senders;

    public BatchWriter(Connection connection, int batchSize) {
        this.connection = connection;
        this.batchSize = batchSize;
        // one sender thread per call in progress; idle threads end after 30 s
        this.senders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "hybriddb-falkor-sender-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** What a chunk's result is handed to, in order: the batch, its rows {@code [from, to)}, the result. */
    public interface ChunkResult {
        void accept(Batch batch, int from, int to, ResultSet result);
    }

    /** Writes every row of {@code batches} to {@code graph}; {@code onResult} sees each chunk's result in order. */
    public void write(String graph, List<Batch> batches, String what, ChunkResult onResult) {
        int chunks = 0;
        for (Batch b : batches) {
            chunks += (b.rows().size() + batchSize - 1) / batchSize;
        }
        if (chunks == 1) {
            Batch b = batches.get(0);
            onResult.accept(b, 0, b.rows().size(), send(graph, b.text(0, b.rows().size(), 0), what));
            return;
        }
        InFlight inFlight = null;
        int charsPerRow = 0;
        for (Batch b : batches) {
            for (int from = 0; from < b.rows().size(); from += batchSize) {
                int to = Math.min(b.rows().size(), from + batchSize);
                String text = b.text(from, to, charsPerRow * (to - from));
                charsPerRow = text.length() / (to - from) + 1;
                if (inFlight != null) {
                    inFlight.deliver(onResult, what);
                }
                inFlight = new InFlight(submit(graph, text, what), b, from, to);
            }
        }
        if (inFlight != null) {
            inFlight.deliver(onResult, what);
        }
    }

    /** A chunk sent and not yet acknowledged: rows {@code [from, to)} of {@code batch}. */
    private record InFlight(Future<ResultSet> result, Batch batch, int from, int to) {
        void deliver(ChunkResult onResult, String what) {
            onResult.accept(batch, from, to, await(result, what));
        }
    }

    private Future<ResultSet> submit(String graph, String text, String what) {
        try {
            return senders.submit(() -> send(graph, text, what));
        } catch (RejectedExecutionException e) {
            throw new GraphException(what + " after the backend was closed", e);
        }
    }

    private ResultSet send(String graph, String text, String what) {
        try {
            return connection.cypher(graph, text, false, true, what);
        } catch (HybridDBException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphException("unexpected failure in " + what + ": " + e, e);
        }
    }

    private static ResultSet await(Future<ResultSet> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("interrupted while waiting for " + what + " (the chunk in flight may be written)", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new GraphException("unexpected failure in " + what + ": " + (cause == null ? e : cause), e);
        }
    }

    @Override
    public void close() {
        senders.shutdown();
    }
}
