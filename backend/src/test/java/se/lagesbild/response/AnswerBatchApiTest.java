package se.lagesbild.response;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Role;
import se.lagesbild.support.Api;
import se.lagesbild.system.GroupCommit;
import se.lagesbild.support.ApiTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answer saves that arrive together are stored together (group commit: one transaction for all waiting saves,
 * {@link AnswerWriter}), and each is still answered as if it had been saved alone: in the order given, a
 * refused save refused alone with its problem, every acknowledged answer stored.
 */
@MicronautTest(transactional = false)
class AnswerBatchApiTest extends ApiTest {

    @Inject
    ResponseService responses;

    @Inject
    AnswerWriter writer;

    @Inject
    MeterRegistry metrics;

    @Test
    void savesThatArriveTogetherAreEachAnsweredAsIfSavedAloneAndAllAcknowledgedAreStored() throws Exception {
        long organisationId = api.createOrganisation("Hörby kommun");
        long roundId = api.createRound(organisationId, "checklist-systematik", "2025");
        Api respondent = api.userWithRole(Role.RESPONDENT.name(), organisationId);
        Api other = api.userWithRole(Role.RESPONDENT.name(), organisationId);
        List<Long> own = List.of(respondent.startResponse(roundId), respondent.startResponse(roundId), respondent.startResponse(roundId));
        long othersResponse = other.startResponse(roundId);
        long submitted = respondent.startResponse(roundId);
        respondent.post("/api/responses/" + submitted + "/submit", Map.of());

        record Expected(long responseId, String itemCode, Integer value, int status) {
        }
        List<Expected> sends = new ArrayList<>();
        for (long responseId : own) {
            for (int item = 1; item <= 10; item++) {
                sends.add(new Expected(responseId, String.format("CS-%02d", item), 1 + (int) ((responseId + item) % 4), 200));
            }
        }
        sends.add(new Expected(othersResponse, "CS-01", 2, 404));
        sends.add(new Expected(submitted, "CS-01", 2, 409));
        sends.add(new Expected(own.get(0), "CS-99", 2, 404));
        sends.add(new Expected(own.get(1), "CS-01", 9, 400));

        DistributionSummary batches = metrics.summary(AnswerWriter.BATCH_SIZE);
        long batchesBefore = batches.count();
        double savesBefore = batches.totalAmount();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sends.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Expected send : sends) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    Map<String, Object> body = new HashMap<>();
                    body.put("value", send.value());
                    try {
                        return respondent.exchange(HttpRequest.PUT("/api/responses/" + send.responseId() + "/answers/" + send.itemCode(), body),
                                String.class).status().getCode();
                    } catch (HttpClientResponseException refused) {
                        assertTrue(refused.getResponse().getContentType().map(type -> type.toString().startsWith("application/problem+json"))
                                .orElse(false), "a refused save answers problem+json");
                        return refused.getStatus().getCode();
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < sends.size(); i++) {
                assertEquals(sends.get(i).status(), statuses.get(i).get(), "status of " + sends.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        long batchesUsed = batches.count() - batchesBefore;
        assertEquals(sends.size(), batches.totalAmount() - savesBefore, 0.0, "every save went through the writer");
        assertTrue(batchesUsed < sends.size(), sends.size() + " saves sent at once were stored in " + batchesUsed + " transactions");
        for (long responseId : own) {
            Map<String, Object> stored = answersByItem(respondent, responseId);
            assertEquals(10, stored.size(), "every acknowledged answer of response " + responseId + " is stored");
            for (int item = 1; item <= 10; item++) {
                assertEquals(1 + (int) ((responseId + item) % 4), stored.get(String.format("CS-%02d", item)));
            }
        }
        assertTrue(answersByItem(other, othersResponse).isEmpty(), "another person's response is untouched");
        assertTrue(answersByItem(respondent, submitted).isEmpty(), "a submitted response is untouched");
    }

    @Test
    void oneBatchAppliesItsSavesInOrderAndRefusesOnlyTheOnesThatAreRefused() throws SQLException {
        long organisationId = api.createOrganisation("Höörs kommun");
        long roundId = api.createRound(organisationId, "checklist-systematik", "2025");
        Api respondent = api.userWithRole(Role.RESPONDENT.name(), organisationId);
        long responseId = respondent.startResponse(roundId);
        long submitted = respondent.startResponse(roundId);
        respondent.post("/api/responses/" + submitted + "/submit", Map.of());
        Map<String, Object> me = respondent.get("/api/auth/me");
        long userId = ((Number) me.get("id")).longValue();
        Caller caller = new Caller(userId, (String) me.get("username"), false, Map.of(organisationId, Role.RESPONDENT));
        Caller stranger = new Caller(userId + 1000, "someone-else", false, Map.of(organisationId, Role.RESPONDENT));
        Instant t = Instant.parse("2026-11-24T09:00:00Z");

        List<GroupCommit.Outcome<ResponseService.SavedAnswer>> outcomes;
        try (Connection connection = writer.connection()) { // as the answer writer runs a batch
            outcomes = responses.saveAnswers(connection, List.of(
                    ResponseService.AnswerSave.of(caller, responseId, "CS-01", 2, null, t, "k1"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-01", 3, " ny ", t.plusSeconds(1), "k2"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-02", 1, null, t.plusSeconds(5), "k3"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-02", 4, null, t.plusSeconds(2), "k4"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-99", 1, null, t, "k5"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-03", 9, null, t, "k6"),
                    ResponseService.AnswerSave.of(stranger, responseId, "CS-04", 1, null, t, "k7"),
                    ResponseService.AnswerSave.of(caller, submitted, "CS-01", 1, null, t, "k8"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-02", 4, null, t.plusSeconds(2), "k3"),
                    ResponseService.AnswerSave.of(caller, responseId, "CS-05", null, null, t, null)));
            connection.commit();
        }

        assertApplied(outcomes.get(0), true, 2);
        assertApplied(outcomes.get(1), true, 3);
        assertEquals("ny", outcomes.get(1).stored().answer().comment());
        assertApplied(outcomes.get(2), true, 1);
        assertApplied(outcomes.get(3), false, 1); // chosen before the answer stored by the save before it
        assertRefused(outcomes.get(4), 404);
        assertRefused(outcomes.get(5), 400);
        assertRefused(outcomes.get(6), 404); // not the caller's: as if it did not exist
        assertRefused(outcomes.get(7), 409);
        assertApplied(outcomes.get(8), false, 1); // the same idempotency key as the stored answer: changes nothing
        assertApplied(outcomes.get(9), true, null);

        Map<String, Object> stored = answersByItem(respondent, responseId);
        assertEquals(Map.of("CS-01", 3, "CS-02", 1), Map.of("CS-01", stored.get("CS-01"), "CS-02", stored.get("CS-02")));
        assertTrue(stored.containsKey("CS-05") && stored.get("CS-05") == null, "Vet inte is stored: " + stored);
        assertEquals(3, stored.size(), "nothing refused is stored: " + stored);
        assertTrue(answersByItem(respondent, submitted).isEmpty());
    }

    private static void assertApplied(GroupCommit.Outcome<ResponseService.SavedAnswer> outcome, boolean applied, Integer value) {
        assertNull(outcome.refused(), () -> "refused: " + outcome.refused().getMessage());
        assertEquals(applied, outcome.stored().applied());
        assertEquals(value, outcome.stored().answer().value());
    }

    private static void assertRefused(GroupCommit.Outcome<ResponseService.SavedAnswer> outcome, int status) {
        assertNull(outcome.stored());
        assertEquals(status, outcome.refused().problem(se.lagesbild.system.ProblemTexts.SWEDISH).status(), outcome.refused().getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answersByItem(Api as, long responseId) {
        Map<String, Object> byItem = new HashMap<>();
        ((List<Map<String, Object>>) as.get("/api/responses/" + responseId).get("answers"))
                .forEach(answer -> byItem.put((String) answer.get("itemCode"), answer.get("value")));
        return byItem;
    }
}
