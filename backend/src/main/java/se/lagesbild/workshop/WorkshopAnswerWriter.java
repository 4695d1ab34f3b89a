package se.lagesbild.workshop;

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
import java.util.concurrent.ExecutorService;

/**
 * The group commit of workshop answers ({@link GroupCommit}): a room answering at once is stored a batch at a
 * time, one multi-row upsert and one commit for all the answers waiting ({@link WorkshopStore#saveAnswers}), each
 * participant answered once the commit holding their answer completes. Two writers by default
 * ({@code lagesbild.workshops.answers.writers}); the second helps while {@code lagesbild.workshops.answers.help-from}
 * answers (8) wait.
 */
@Singleton
class WorkshopAnswerWriter {

    /** How many workshop answers each batch stored together. */
    static final String BATCH_SIZE = "lagesbild.workshops.answers.batch.size";

    private final GroupCommit<WorkshopStore.AnswerToSave, WorkshopStore.AnswerToSave> commits;

    WorkshopAnswerWriter(WorkshopStore store, DataSource application, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                         MeterRegistry metrics,
                         @Value("${lagesbild.workshops.answers.batch-size:64}") int batchSize,
                         @Value("${lagesbild.workshops.answers.writers:2}") int writers,
                         @Value("${lagesbild.workshops.answers.help-from:8}") int helpFrom) {
        this.commits = new GroupCommit<>(new GroupCommit.Settings("workshop-answer", batchSize, writers, helpFrom, BATCH_SIZE),
                new GroupCommit.Store<>() {
                    @Override
                    public List<GroupCommit.Outcome<WorkshopStore.AnswerToSave>> storeAll(Connection connection,
                                                                                          List<WorkshopStore.AnswerToSave> answers)
                            throws SQLException {
                        WorkshopStore.saveAnswers(connection, answers);
                        return answers.stream().map(GroupCommit.Outcome::of).toList();
                    }

                    @Override
                    public WorkshopStore.AnswerToSave storeAlone(WorkshopStore.AnswerToSave answer) {
                        store.saveAnswer(answer);
                        return answer;
                    }
                }, application, blocking, metrics);
    }

    /** Saves the answer with the next batch and returns once it is committed; fails as a save alone would. */
    void saveAndWait(WorkshopStore.AnswerToSave answer) {
        commits.submitAndWait(answer);
    }

    /** Stores what is waiting, then stops the writers. */
    @PreDestroy
    void stop() throws InterruptedException {
        commits.stop();
    }
}
