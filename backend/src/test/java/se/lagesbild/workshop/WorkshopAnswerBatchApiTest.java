package se.lagesbild.workshop;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room answering at once: the answers are stored a batch at a time ({@link WorkshopAnswerWriter}), every
 * acknowledged answer is in the results, and within a batch an answer changed twice keeps the later value.
 */
@MicronautTest(transactional = false)
class WorkshopAnswerBatchApiTest extends ApiTest {

    @Inject
    MeterRegistry metrics;

    @Inject
    JdbcOperations jdbc;

    @Test
    void aRoomAnsweringAtOnceIsStoredInBatchesAndEveryAcknowledgedAnswerCounts() throws Exception {
        WorkshopCalls calls = new WorkshopCalls(api);
        Map<String, Object> workshop = calls.openStaircase("Regiondagen");
        String code = (String) workshop.get("code");
        List<WorkshopCalls.Participant> room = new ArrayList<>();
        for (int person = 0; person < 40; person++) {
            room.add(calls.join(code, "Bord " + (person % 5)));
        }
        DistributionSummary batches = metrics.summary(WorkshopAnswerWriter.BATCH_SIZE);
        long batchesBefore = batches.count();
        double answersBefore = batches.totalAmount();

        ExecutorService phones = Executors.newFixedThreadPool(16);
        try {
            // each person places themselves three times, the last time on step 1 + (person % 4)
            for (int change = 2; change >= 0; change--) {
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int person = 0; person < room.size(); person++) {
                    WorkshopCalls.Participant participant = room.get(person);
                    int step = 1 + (person + change) % 4;
                    sent.add(phones.submit(() -> calls.answer(participant, step)));
                }
                for (Future<HttpResponse<String>> answered : sent) {
                    assertEquals(200, answered.get().code());
                }
            }
        } finally {
            phones.shutdownNow();
        }

        long batchesUsed = batches.count() - batchesBefore;
        assertEquals(120, batches.totalAmount() - answersBefore, 0.0, "every answer went through the writer");
        assertTrue(batchesUsed < 120, "120 answers sent 16 at a time were stored in " + batchesUsed + " transactions");
        long id = Api.id(workshop);
        calls.reveal(id);
        Map<String, Object> results = calls.results(id);
        assertEquals(40, results.get("participants"));
        assertEquals(40, results.get("answers"));
        assertEquals(List.of(Map.of("value", 1, "count", 10), Map.of("value", 2, "count", 10),
                Map.of("value", 3, "count", 10), Map.of("value", 4, "count", 10)), results.get("distribution"));
    }

    @Test
    void anAnswerTheBatchRefusesIsRefusedAloneWithItsOwnProblem() throws Exception {
        WorkshopCalls calls = new WorkshopCalls(api);
        String open = (String) calls.openStaircase("Öppen").get("code");
        String other = (String) calls.openStaircase("Annan").get("code");
        Map<String, Object> closing = calls.openStaircase("Stängs");
        WorkshopCalls.Participant answering = calls.join(open, null);
        WorkshopCalls.Participant offTheScale = calls.join(open, null);
        WorkshopCalls.Participant elsewhere = calls.join(other, null);
        WorkshopCalls.Participant tooLate = calls.join((String) closing.get("code"), null);
        calls.close(Api.id(closing));

        ExecutorService phones = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int round = 0; round < 4; round++) { // 20 at once, so that batches hold all kinds
                sent.add(phones.submit(() -> WorkshopCalls.statusOf(() -> calls.answer(answering, 2))));
                sent.add(phones.submit(() -> WorkshopCalls.statusOf(() -> calls.answer(offTheScale, 9))));
                sent.add(phones.submit(() -> WorkshopCalls.statusOf(() -> calls.answer(new WorkshopCalls.Participant(open, elsewhere.token()), 3))));
                sent.add(phones.submit(() -> WorkshopCalls.statusOf(() -> calls.answer(tooLate, 3))));
                sent.add(phones.submit(() -> WorkshopCalls.statusOf(() -> calls.answer(new WorkshopCalls.Participant(open, "no-such-token"), 3))));
            }
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(List.of(200, 400, 403, 409, 403).get(i % 5), sent.get(i).get(), "answer " + i);
            }
        } finally {
            phones.shutdownNow();
        }
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 2)), ((Map<?, ?>) calls.participantPage(answering).get("me")).get("answers"));
        assertEquals(List.of(), ((Map<?, ?>) calls.participantPage(offTheScale).get("me")).get("answers"));
        assertEquals(List.of(), ((Map<?, ?>) calls.participantPage(elsewhere).get("me")).get("answers"));
    }

    @Test
    void inOneBatchTheLaterOfTwoAnswersToTheSameItemIsKept() {
        WorkshopCalls calls = new WorkshopCalls(api);
        Map<String, Object> workshop = calls.openStaircase("Ledningsgruppen");
        long workshopId = Api.id(workshop);
        WorkshopCalls.Participant first = calls.join((String) workshop.get("code"), null);
        WorkshopCalls.Participant second = calls.join((String) workshop.get("code"), null);
        List<Long> participants = participantIds(workshopId);
        Instant at = Instant.parse("2026-11-29T09:00:00Z");

        jdbc.execute(connection -> { // one batch, as a writer stores it
            WorkshopStore.saveAnswers(connection, List.of(
                    new WorkshopStore.AnswerToSave(workshopId, participants.get(1), "JT", 2, at),
                    new WorkshopStore.AnswerToSave(workshopId, participants.get(0), "JT", 4, at),
                    new WorkshopStore.AnswerToSave(workshopId, participants.get(1), "JT", 3, at.plusSeconds(1)),
                    new WorkshopStore.AnswerToSave(workshopId, participants.get(0), "JT", 1, at.plusSeconds(2))));
            return null;
        });

        assertEquals(2, calls.results(workshopId).get("answers"));
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 1)), ((Map<?, ?>) calls.participantPage(first).get("me")).get("answers"));
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 3)), ((Map<?, ?>) calls.participantPage(second).get("me")).get("answers"));
    }

    private List<Long> participantIds(long workshopId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM workshop_participants WHERE workshop_id = ? ORDER BY id")) {
                statement.setLong(1, workshopId);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Long> ids = new ArrayList<>();
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                    return ids;
                }
            }
        });
    }
}
