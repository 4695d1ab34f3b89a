package se.lagesbild.response;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import se.lagesbild.system.GroupCommit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The group commit of answer saves ({@link GroupCommit}): a save joins the next batch, which
 * {@link ResponseService#saveAnswers} stores with one statement per step for all of them and one commit, and is
 * answered once that commit completes. Two writers by default ({@code lagesbild.answers.writers}); the second
 * helps while {@code lagesbild.answers.help-from} saves (8) wait. A few people answering share one writer's
 * batches (36 statements per checklist response instead of 47, bench/README.md). Writers lock responses in id
 * order, so their batches wait for each other rather than deadlock; should the database still report a deadlock,
 * the batch is saved one by one.
 */
@Singleton
public class AnswerWriter {

    /** How many saves each batch stored together. */
    public static final String BATCH_SIZE = "lagesbild.answers.batch.size";

    private final GroupCommit<ResponseService.AnswerSave, ResponseService.SavedAnswer> commits;

    public AnswerWriter(ResponseService responses, DataSource application, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                        MeterRegistry metrics,
                        @Value("${lagesbild.answers.batch-size:64}") int batchSize,
                        @Value("${lagesbild.answers.writers:2}") int writers,
                        @Value("${lagesbild.answers.help-from:8}") int helpFrom) {
        this.commits = new GroupCommit<>(new GroupCommit.Settings("answer", batchSize, writers, helpFrom, BATCH_SIZE),
                new GroupCommit.Store<>() {
                    @Override
                    public List<GroupCommit.Outcome<ResponseService.SavedAnswer>> storeAll(Connection connection,
                                                                                           List<ResponseService.AnswerSave> saves)
                            throws SQLException {
                        return responses.saveAnswers(connection, saves);
                    }

                    @Override
                    public ResponseService.SavedAnswer storeAlone(ResponseService.AnswerSave save) {
                        return responses.saveAlone(save);
                    }
                }, application, blocking, metrics);
    }

    /** Saves the answer with the next batch; the future completes once it is committed, or fails with why not. */
    public CompletableFuture<ResponseService.SavedAnswer> save(ResponseService.AnswerSave save) {
        return commits.submit(save);
    }

    /**
     * {@link #save}, waiting for the commit: for a caller that is on a thread that may block anyway. Fails with
     * the save's own problem, as a save alone would.
     */
    public ResponseService.SavedAnswer saveAndWait(ResponseService.AnswerSave save) {
        return commits.submitAndWait(save);
    }

    /** A connection as the writers get one (not in autocommit; the caller commits or rolls back, then closes it). */
    Connection connection() throws SQLException {
        return commits.connection();
    }

    /** Stores what is waiting, then stops the writers. */
    @PreDestroy
    void stop() throws InterruptedException {
        commits.stop();
    }
}
