package se.lagesbild.system;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of small writes (answer saves): a request puts its write in a queue and gets a future; a writer
 * thread takes every write waiting (up to the batch size) and stores them in one transaction on a connection of
 * its own ({@link Store#storeAll}: one statement per step for all of them, one commit), and only after the commit
 * completes each request's future. A write acknowledged is therefore durable, and a room of people answering at
 * once costs a few transactions instead of one per answer.
 *
 * <p>A write the batch refuses (a {@link ProblemException}: not the caller's, unknown item, closed) fails alone
 * with its problem. When the batch as a whole fails (the database away, a deadlock), nothing of it was committed
 * and each of its writes is tried again on its own ({@link Store#storeAlone}, on the blocking pool), so that a
 * failure reaches exactly the requests it concerns, with the same problem a single write would give (503 while
 * the database is away).
 *
 * <p>The first writer takes whatever waits; the others help only while at least {@code helpFrom} writes wait, that
 * is while the first is busy and writes pile up. A few people answering then share one writer's batches (fewer,
 * larger transactions), and a room answering at once gets a second batch prepared while the first waits for its
 * commit.
 *
 * <p>The writers' connections come from a pool of their own ({@code writers} connections, never in autocommit:
 * {@link TransactionConnections}), so a batch is its statements and a {@code COMMIT}.
 *
 * @param <W> a write
 * @param <R> what a stored write answers with
 */
public final class GroupCommit<W, R> {

    /** How one kind of write is stored: many in one transaction, or one alone. */
    public interface Store<W, R> {

        /**
         * Stores the writes on the connection, inside its transaction, which the group commit commits or rolls
         * back; a write refused alone is an outcome, a failure of the database is thrown and fails the batch.
         *
         * @return one outcome per write, in the given order
         */
        List<Outcome<R>> storeAll(Connection connection, List<W> writes) throws SQLException;

        /** Stores one write alone, in a transaction of its own: what a failed batch falls back to. */
        R storeAlone(W write);
    }

    /** What became of one write of a batch: stored, with what it answers, or refused with the problem why. */
    public record Outcome<R>(@Nullable R stored, @Nullable ProblemException refused) {

        public static <R> Outcome<R> of(R stored) {
            return new Outcome<>(stored, null);
        }

        public static <R> Outcome<R> refusedWith(ProblemException refused) {
            return new Outcome<>(null, refused);
        }
    }

    /**
     * @param name       the writers' threads and pool are called after it ({@code name-writer-0}, pool {@code name-writers})
     * @param batchSize  the most writes one transaction stores
     * @param writers    threads writing batches at the same time (and connections in their pool)
     * @param helpFrom   how many writes must wait before a second writer helps
     * @param batchSizes the metric that records how many writes each batch stored
     */
    public record Settings(String name, int batchSize, int writers, int helpFrom, String batchSizes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<W, R>(W write, CompletableFuture<R> result) {
    }

    private final Store<W, R> store;
    private final TransactionConnections connections;
    private final ExecutorService blocking;
    private final int batchSize;
    private final int helpFrom;
    /** Wakes a helping writer when writes pile up (see the class comment). */
    private final Object pilingUp = new Object();
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Pending<W, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public GroupCommit(Settings settings, Store<W, R> store, DataSource application, ExecutorService blocking, MeterRegistry metrics) {
        this.store = store;
        this.blocking = blocking;
        this.batchSize = Math.max(1, settings.batchSize());
        this.helpFrom = Math.max(1, settings.helpFrom());
        int writerCount = Math.max(1, settings.writers());
        this.connections = new TransactionConnections(application, settings.name() + "-writers", writerCount);
        this.batchSizes = DistributionSummary.builder(settings.batchSizes()).description("Writes stored together in one transaction")
                .register(metrics);
        for (int i = 0; i < writerCount; i++) {
            boolean first = i == 0;
            Thread writer = new Thread(() -> write(first), settings.name() + "-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /** Stores the write with the next batch; the future completes once it is committed, or fails with why not. */
    public CompletableFuture<R> submit(W write) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (!running) {
            storeAlone(new Pending<>(write, result));
            return result;
        }
        queue.add(new Pending<>(write, result));
        if (queue.size() >= helpFrom) {
            synchronized (pilingUp) {
                pilingUp.notifyAll();
            }
        }
        return result;
    }

    /**
     * {@link #submit}, waiting for the commit: for a caller on a thread that may block anyway. Fails with the
     * write's own problem, as a write alone would.
     */
    public R submitAndWait(W write) {
        try {
            return submit(write).join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    /** A connection as a writer gets one: in a transaction of its own, which the caller commits or rolls back, then closes. */
    public Connection connection() throws SQLException {
        return connections.get();
    }

    /** One writer's loop: the first writer takes whatever waits, a helper only while writes pile up. */
    private void write(boolean first) {
        List<Pending<W, R>> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending<W, R> next;
                if (first) {
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                } else {
                    awaitPilingUp();
                    next = queue.poll(); // the first writer may have taken them meanwhile
                }
                if (next == null) {
                    continue;
                }
                batch.add(next);
                queue.drainTo(batch, batchSize - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // store() completes every future itself; this only keeps the writer alive
                LOG.error("A group commit writer failed unexpectedly", unexpected);
                batch.forEach(pending -> pending.result().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void awaitPilingUp() throws InterruptedException {
        synchronized (pilingUp) {
            while (running && queue.size() < helpFrom) {
                pilingUp.wait(100);
            }
        }
    }

    private void store(List<Pending<W, R>> batch) {
        batchSizes.record(batch.size());
        List<Outcome<R>> outcomes;
        try {
            outcomes = inTransaction(batch.stream().map(Pending::write).toList());
        } catch (RuntimeException failure) {
            if (batch.size() > 1) {
                LOG.info("A batch of {} writes failed ({}); storing each on its own", batch.size(), failure.toString());
                batch.forEach(this::storeAlone);
            } else {
                batch.get(0).result().completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome.refused() != null) {
                batch.get(i).result().completeExceptionally(outcome.refused());
            } else {
                batch.get(i).result().complete(outcome.stored());
            }
        }
    }

    /**
     * The batch in one transaction on a writer connection: committed, or rolled back and the failure thrown, a
     * database's as a {@code DataAccessException} ({@link TransactionConnections#inTransaction}).
     */
    private List<Outcome<R>> inTransaction(List<W> writes) {
        return connections.inTransaction(connection -> store.storeAll(connection, writes));
    }

    private void storeAlone(Pending<W, R> pending) {
        try {
            blocking.execute(() -> {
                try {
                    pending.result().complete(store.storeAlone(pending.write()));
                } catch (RuntimeException failure) {
                    pending.result().completeExceptionally(failure);
                }
            });
        } catch (RuntimeException rejected) {
            pending.result().completeExceptionally(rejected);
        }
    }

    /** Stores what is waiting, then stops the writers and closes their pool. */
    public void stop() throws InterruptedException {
        running = false;
        synchronized (pilingUp) {
            pilingUp.notifyAll();
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        connections.close();
    }
}
