package se.lagesbild.response;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Group commit of answer saves: a request puts its save in a queue and gets a future; a writer thread takes
 * every save waiting (up to {@code lagesbild.answers.batch-size}) and stores them in one transaction on a
 * connection of its own ({@link AnswerConnections}; {@link ResponseService#saveAnswers}: one statement per step
 * for all of them, one commit), and only after
 * the commit completes each request's future. An answer acknowledged is therefore durable, and a room of people
 * answering at once costs a few transactions instead of one per answer.
 *
 * <p>A save the batch refuses (not the caller's, unknown item, submitted, closed) fails alone with its problem.
 * When the batch as a whole fails (the database away, a deadlock), nothing of it was committed and each of its
 * saves is tried again on its own, in its own transaction on the blocking pool, so that a failure reaches
 * exactly the requests it concerns, with the same problem a single save would give (503 while the database is
 * away).
 *
 * <p>Two writers by default ({@code lagesbild.answers.writers}): the first takes whatever waits; the others help
 * only while at least {@code lagesbild.answers.help-from} saves (8) wait, that is while the first is busy and saves
 * pile up. A few people answering then share one writer's batches (fewer, larger transactions: 36 statements per
 * checklist response instead of 47, bench/README.md), and a room answering at once gets a second batch prepared
 * while the first waits for its commit. Writers lock responses in id order, so their batches wait for each other
 * rather than deadlock; should the database still report a deadlock, the batch is saved one by one as above.
 */
@Singleton
public class AnswerWriter {

    /** How many saves each batch stored together. */
    public static final String BATCH_SIZE = "lagesbild.answers.batch.size";
    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);

    private record Pending(ResponseService.AnswerSave save, CompletableFuture<ResponseService.SavedAnswer> result) {
    }

    private final ResponseService responses;
    private final AnswerConnections connections;
    private final ExecutorService blocking;
    private final int batchSize;
    private final int helpFrom;
    /** Wakes a helping writer when saves pile up (see the class comment). */
    private final Object pilingUp = new Object();
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public AnswerWriter(ResponseService responses, AnswerConnections connections, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, MeterRegistry metrics,
                        @Value("${lagesbild.answers.batch-size:64}") int batchSize,
                        @Value("${lagesbild.answers.writers:2}") int writerCount,
                        @Value("${lagesbild.answers.help-from:8}") int helpFrom) {
        this.responses = responses;
        this.connections = connections;
        this.blocking = blocking;
        this.batchSize = Math.max(1, batchSize);
        this.helpFrom = Math.max(1, helpFrom);
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE).description("Answer saves stored together in one transaction")
                .register(metrics);
        for (int i = 0; i < Math.max(1, writerCount); i++) {
            boolean first = i == 0;
            Thread writer = new Thread(() -> write(first), "answer-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /** Saves the answer with the next batch; the future completes once it is committed, or fails with why not. */
    public CompletableFuture<ResponseService.SavedAnswer> save(ResponseService.AnswerSave save) {
        CompletableFuture<ResponseService.SavedAnswer> result = new CompletableFuture<>();
        if (!running) {
            saveAlone(new Pending(save, result));
            return result;
        }
        queue.add(new Pending(save, result));
        if (queue.size() >= helpFrom) {
            synchronized (pilingUp) {
                pilingUp.notifyAll();
            }
        }
        return result;
    }

    /** One writer's loop: the first writer takes whatever waits, a helper only while saves pile up. */
    private void write(boolean first) {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending next;
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
                LOG.error("The answer writer failed unexpectedly", unexpected);
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

    private void store(List<Pending> batch) {
        batchSizes.record(batch.size());
        List<ResponseService.SaveOutcome> outcomes;
        try {
            outcomes = inTransaction(batch.stream().map(Pending::save).toList());
        } catch (RuntimeException failure) {
            if (batch.size() > 1) {
                LOG.info("A batch of {} answers failed ({}); saving each on its own", batch.size(), failure.toString());
                batch.forEach(this::saveAlone);
            } else {
                batch.get(0).result().completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            ResponseService.SaveOutcome outcome = outcomes.get(i);
            if (outcome.refused() != null) {
                batch.get(i).result().completeExceptionally(outcome.refused());
            } else {
                batch.get(i).result().complete(outcome.saved());
            }
        }
    }

    /**
     * The batch in one transaction on a writer connection: committed, or rolled back and the failure thrown, a
     * database's as a {@link DataAccessException} like the repositories' (a connection failure answers 503).
     */
    private List<ResponseService.SaveOutcome> inTransaction(List<ResponseService.AnswerSave> saves) {
        try (Connection connection = connections.get()) {
            try {
                List<ResponseService.SaveOutcome> outcomes = responses.saveAnswers(connection, saves);
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            }
        } catch (SQLException failure) {
            throw new DataAccessException("A batch of answers could not be stored: " + failure.getMessage(), failure);
        }
    }

    private void saveAlone(Pending pending) {
        try {
            blocking.execute(() -> {
                try {
                    pending.result().complete(responses.saveAlone(pending.save()));
                } catch (RuntimeException failure) {
                    pending.result().completeExceptionally(failure);
                }
            });
        } catch (RuntimeException rejected) {
            pending.result().completeExceptionally(rejected);
        }
    }

    /**
     * {@link #save}, waiting for the commit: for a caller that is on a thread that may block anyway. Fails with
     * the save's own problem, as a save alone would.
     */
    public ResponseService.SavedAnswer saveAndWait(ResponseService.AnswerSave save) {
        try {
            return save(save).join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    /** Stores what is waiting, then stops the writers. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        synchronized (pilingUp) {
            pilingUp.notifyAll();
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
