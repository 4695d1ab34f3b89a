package se.lagesbild.workshop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import se.lagesbild.instrument.AcceptedAnswers;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.system.GroupCommit;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;

/**
 * The group commit of workshop answers ({@link GroupCommit}): a room answering at once is stored a batch at a
 * time, with one statement finding every participant of the batch by token and one multi-row upsert
 * ({@link WorkshopStore#saveAnswers}) and one commit for all their answers; each participant is answered once the
 * commit holding their answer completes. Two writers by default ({@code lagesbild.workshops.answers.writers}); the
 * second helps while {@code lagesbild.workshops.answers.help-from} answers (8) wait.
 */
@Singleton
class WorkshopAnswerWriter {

    /** How many workshop answers each batch stored together. */
    static final String BATCH_SIZE = "lagesbild.workshops.answers.batch.size";

    /**
     * One participant's answer as their phone sent it: their token's hash, the workshop's code, the item (null:
     * the instrument's only item), the value (null: "Vet inte"), when it arrived.
     */
    record Answer(String tokenHash, String code, @Nullable String itemCode, @Nullable Integer value, Instant at) {
    }

    private final InstrumentCatalog instruments;
    private final GroupCommit<Answer, Boolean> commits;

    WorkshopAnswerWriter(InstrumentCatalog instruments, JdbcOperations jdbc, DataSource application,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking, MeterRegistry metrics,
                         @Value("${lagesbild.workshops.answers.batch-size:64}") int batchSize,
                         @Value("${lagesbild.workshops.answers.writers:2}") int writers,
                         @Value("${lagesbild.workshops.answers.help-from:8}") int helpFrom) {
        this.instruments = instruments;
        this.commits = new GroupCommit<>(new GroupCommit.Settings("workshop-answer", batchSize, writers, helpFrom, BATCH_SIZE),
                new GroupCommit.Store<>() {
                    @Override
                    public List<GroupCommit.Outcome<Boolean>> storeAll(Connection connection, List<Answer> answers) throws SQLException {
                        return saveAnswers(connection, answers);
                    }

                    @Override
                    public Boolean storeAlone(Answer answer) {
                        GroupCommit.Outcome<Boolean> outcome = jdbc.execute(connection -> saveAnswers(connection, List.of(answer))).get(0);
                        if (outcome.refused() != null) {
                            throw outcome.refused();
                        }
                        return outcome.stored();
                    }
                }, application, blocking, metrics);
    }

    /**
     * Saves the answer with the next batch and returns once it is committed: true. False when the token is no
     * participant's in the workshop with this code (nothing saved; the caller says why). Fails with the answer's
     * own problem otherwise: an unknown item (404), a value off the scale (400), a workshop that is not open (409).
     */
    boolean saveAndWait(Answer answer) {
        return commits.submitAndWait(answer);
    }

    /**
     * The answers on this connection, in its transaction, checked in the order a single answer is: the
     * participant (false when not found in the workshop with the answer's code), the item, the value, the
     * workshop open; those that pass stored with one upsert. An answer that was under way while the workshop
     * closed is counted as given before the close.
     */
    private List<GroupCommit.Outcome<Boolean>> saveAnswers(Connection connection, List<Answer> answers) throws SQLException {
        TreeSet<String> tokenHashes = new TreeSet<>();
        answers.forEach(answer -> tokenHashes.add(answer.tokenHash()));
        Map<String, WorkshopStore.ParticipantByToken> participants = WorkshopStore.participantsByToken(connection, tokenHashes);
        List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(answers.size());
        List<WorkshopStore.AnswerToSave> toSave = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            WorkshopStore.ParticipantByToken found = participants.get(answer.tokenHash());
            if (found == null || !found.code().equals(answer.code())) {
                outcomes.add(GroupCommit.Outcome.of(false));
                continue;
            }
            WorkshopStore.Participant participant = found.participant();
            try {
                InstrumentDefinition instrument = instruments.version(participant.instrumentCode(), participant.instrumentVersion());
                String item = answer.itemCode() == null ? onlyItem(instrument) : answer.itemCode();
                AcceptedAnswers.require(instrument, item, answer.value());
                if (participant.workshopStatus() != WorkshopStatus.OPEN) {
                    throw ParticipationService.notOpen(participant.workshopStatus());
                }
                toSave.add(new WorkshopStore.AnswerToSave(participant.workshopId(), participant.id(), item, answer.value(), answer.at()));
                outcomes.add(GroupCommit.Outcome.of(true));
            } catch (ProblemException refused) {
                outcomes.add(GroupCommit.Outcome.refusedWith(refused));
            }
        }
        if (!toSave.isEmpty()) {
            WorkshopStore.saveAnswers(connection, toSave);
        }
        return outcomes;
    }

    private static String onlyItem(InstrumentDefinition instrument) {
        List<InstrumentDefinition.Item> items = instrument.parts().stream().flatMap(part -> part.items().stream()).toList();
        if (items.size() != 1) {
            throw ProblemException.badRequest("itemCode", Text.of("workshop.answer-per-item", instrument.titled(), items.size()));
        }
        return items.get(0).code();
    }

    /** Stores what is waiting, then stops the writers. */
    @PreDestroy
    void stop() throws InterruptedException {
        commits.stop();
    }
}
