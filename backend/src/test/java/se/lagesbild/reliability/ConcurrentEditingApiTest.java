package se.lagesbild.reliability;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent edits end in a defined state. Two tabs of one respondent: the answer chosen last (answeredAt)
 * wins whatever order the requests arrive in, and edits of different items never overwrite each other. Two
 * leads closing and exporting at once while answers arrive: one closing time for both, every acknowledged
 * answer in the closed round, every later one refused with 409, and the exports after the close identical.
 */
@MicronautTest(transactional = false)
class ConcurrentEditingApiTest extends ApiTest {

    @Test
    void twoTabsOfOneRespondentEndInTheLastChoiceAndLoseNoOtherItem() throws Exception {
        long responseId = api.startResponse(api.createRound(api.createOrganisation("Eslövs kommun"), "checklist-systematik", "2025"));
        Instant base = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<Callable<Void>> tabs = new ArrayList<>();
        for (int tab = 0; tab < 2; tab++) {
            int t = tab;
            tabs.add(() -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(t));
                for (int i : order) {
                    int second = 2 * i + t;
                    // CS-01 edited in both tabs; CS-02…CS-05 in tab 0 only, CS-06…CS-09 in tab 1 only.
                    send(responseId, "CS-01", 1 + second % 4, base.plusSeconds(second));
                    send(responseId, String.format("CS-%02d", 2 + t * 4 + i % 4), 1 + t, base.plusSeconds(second));
                }
                return null;
            });
        }
        runTogether(tabs);
        Map<String, Object> answers = answersByItem(responseId);
        int last = 2 * 24 + 1;
        assertEquals(1 + last % 4, answers.get("CS-01"), "the answer chosen last");
        for (int item = 2; item <= 9; item++) {
            assertEquals(item <= 5 ? 1 : 2, answers.get(String.format("CS-%02d", item)), "no lost update of CS-0" + item);
        }
    }

    @Test
    void twoLeadsClosingAndExportingAtOnceWhileAnswersArriveEndInOneClosedRound() throws Exception {
        long roundId = api.createRound(api.createOrganisation("Bjuvs kommun"), "checklist-systematik", "2025");
        long responseId = api.startResponse(roundId);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<Callable<Object>> work = new ArrayList<>();
        for (int lead = 0; lead < 2; lead++) {
            work.add(() -> api.post("/api/rounds/" + roundId + "/close", Map.of()));
            work.add(() -> api.exchangeGet("/api/rounds/" + roundId + "/export/scores.csv").body());
        }
        work.add(() -> {
            for (int item = 1; item <= 10; item++) {
                String code = String.format("CS-%02d", item);
                try {
                    api.answer(responseId, code, 1 + item % 4, null);
                    acknowledged.add(code);
                } catch (HttpClientResponseException e) {
                    assertEquals(409, e.getStatus().getCode());
                    refused.add(code);
                }
            }
            return null;
        });
        List<Object> results = runTogether(work);
        Map<String, Object> firstClose = (Map<String, Object>) results.get(0);
        Map<String, Object> secondClose = (Map<String, Object>) results.get(2);
        assertEquals("closed", firstClose.get("status"));
        assertEquals(firstClose.get("closedAt"), secondClose.get("closedAt"), "one closing time for both leads");
        assertEquals(acknowledged, answersByItem(responseId).keySet(), "exactly the acknowledged answers are in the round");
        assertEquals(10, acknowledged.size() + refused.size());
        String exportAfter = api.exchangeGet("/api/rounds/" + roundId + "/export/scores.csv").body();
        assertEquals(exportAfter, api.exchangeGet("/api/rounds/" + roundId + "/export/scores.csv").body());
        System.out.printf("Close and export at once: answers acknowledged %d, refused after the close %d, found %d; "
                + "both closes answered closedAt %s%n", acknowledged.size(), refused.size(), answersByItem(responseId).size(),
                firstClose.get("closedAt"));
        assertTrue(api.get("/api/rounds/" + roundId).get("closedAt").equals(firstClose.get("closedAt")));
    }

    private void send(long responseId, String item, int value, Instant answeredAt) {
        api.put("/api/responses/" + responseId + "/answers/" + item, Map.of("value", value, "answeredAt", answeredAt.toString()));
    }

    private Map<String, Object> answersByItem(long responseId) {
        Map<String, Object> byItem = new java.util.TreeMap<>();
        ((List<Map<String, Object>>) api.get("/api/responses/" + responseId).get("answers"))
                .forEach(answer -> byItem.put((String) answer.get("itemCode"), answer.get("value")));
        return byItem;
    }

    /** Runs the tasks at the same moment on threads of their own and returns their results in order. */
    private static <T> List<T> runTogether(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        threads.shutdown();
        return results;
    }
}
