package se.lagesbild.reliability;

import org.junit.jupiter.api.Test;
import se.lagesbild.support.AppProcess;
import se.lagesbild.support.TestDatabase;
import se.lagesbild.support.WireClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the application while four clients stream answers into it. Every answer that got a 200 before
 * the kill is in the database after the restart; the clients retry whatever got no answer (same request,
 * same Idempotency-Key, as the browser's outbox does) and every answer ends up stored exactly once, with
 * the value that was sent.
 */
class KillDuringAnsweringTest {

    private static final int RESPONSES = 40;
    private static final int ITEMS = 10;
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER_ACKNOWLEDGED = 120;

    /** One answer and the request that carries it (its key stays the same however often it is sent). */
    private record Sent(long responseId, String itemCode, int value, String key, Instant chosenAt) {
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillAndRetriesCompleteTheRestExactlyOnce() throws Exception {
        Map<String, Object> database = TestDatabase.isolatedProperties("kill");
        try (AppProcess app = AppProcess.start("kill", database)) {
            WireClient client = app.client();
            long organisationId = ((Number) client.ok(client.postJson("/api/organisations", Map.of("name", "Tomelilla kommun"))).get("id")).longValue();
            long roundId = ((Number) client.ok(client.postJson("/api/rounds", Map.of("organisationId", organisationId,
                    "instrumentCode", "checklist-systematik", "label", "2025"))).get("id")).longValue();
            ConcurrentLinkedQueue<Sent> toSend = new ConcurrentLinkedQueue<>();
            for (int r = 0; r < RESPONSES; r++) {
                long responseId = ((Number) client.ok(client.postJson("/api/rounds/" + roundId + "/responses", Map.of())).get("id")).longValue();
                for (int item = 1; item <= ITEMS; item++) {
                    toSend.add(new Sent(responseId, String.format("CS-%02d", item), 1 + (r + item) % 4,
                            UUID.randomUUID().toString(), Instant.now()));
                }
            }
            int total = toSend.size();

            Set<Sent> acknowledgedBeforeKill = ConcurrentHashMap.newKeySet();
            Set<Sent> acknowledged = ConcurrentHashMap.newKeySet();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicInteger retriedAfterKill = new AtomicInteger();
            AtomicInteger retriesFoundStored = new AtomicInteger();
            AtomicInteger applied = new AtomicInteger();
            CountDownLatch enoughForKill = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
            Set<Sent> failedOnce = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    WireClient wire = app.client();
                    Sent next;
                    while ((next = toSend.poll()) != null) {
                        WireClient.Reply reply = wire.putJson("/api/responses/" + next.responseId() + "/answers/" + next.itemCode(),
                                Map.of("value", next.value(), "answeredAt", next.chosenAt().toString()),
                                Map.of("Idempotency-Key", next.key()));
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.ok()) {
                            acknowledged.add(next);
                            if (enoughForKill.getCount() > 0) {
                                acknowledgedBeforeKill.add(next);
                            }
                            boolean changed = Boolean.TRUE.equals(reply.json().get("applied"));
                            if (changed) {
                                applied.incrementAndGet();
                            } else if (failedOnce.contains(next)) {
                                retriesFoundStored.incrementAndGet();
                            }
                            enoughForKill.countDown();
                        } else if (reply.status() == 0 || reply.status() >= 500) {
                            if (failedOnce.add(next)) {
                                retriedAfterKill.incrementAndGet();
                            }
                            toSend.add(next);
                            sleep(100);
                        } else {
                            throw new AssertionError("refused " + next + ": " + reply);
                        }
                    }
                    return null;
                });
            }
            assertTrue(enoughForKill.await(120, TimeUnit.SECONDS), "answers were acknowledged before the kill");
            app.kill();
            int acknowledgedAtKill = acknowledgedBeforeKill.size();
            long restartStarted = System.nanoTime();
            app.restart();
            long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;
            clients.shutdown();
            assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "the clients finished after the restart");

            Map<String, Integer> found = new HashMap<>();
            int duplicates;
            try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT a.response_id, a.item_code, a.value FROM answers a "
                        + "JOIN responses r ON r.id = a.response_id WHERE r.round_id = " + roundId)) {
                    while (rows.next()) {
                        found.merge(rows.getLong(1) + "/" + rows.getString(2), rows.getInt(3), (a, b) -> -1);
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT a.response_id, a.item_code) FROM answers a "
                        + "JOIN responses r ON r.id = a.response_id WHERE r.round_id = " + roundId)) {
                    rows.next();
                    duplicates = rows.getInt(1);
                }
            }
            int acknowledgedBeforeKillFound = 0;
            for (Sent sent : acknowledgedBeforeKill) {
                if (Integer.valueOf(sent.value()).equals(found.get(sent.responseId() + "/" + sent.itemCode()))) {
                    acknowledgedBeforeKillFound++;
                }
            }
            List<Sent> wrongOrMissing = new ArrayList<>();
            for (Sent sent : acknowledged) {
                if (!Integer.valueOf(sent.value()).equals(found.get(sent.responseId() + "/" + sent.itemCode()))) {
                    wrongOrMissing.add(sent);
                }
            }
            int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
            System.out.printf("kill -9 during answering: %d answers sent by %d clients; acknowledged before the kill %d, of "
                            + "those found after the restart %d; restart took %d ms; requests without an answer retried %d, "
                            + "of which already stored before the kill %d; acknowledged in all %d, applied %d, answers found "
                            + "%d, duplicates %d, 5xx %d; statuses %s%n",
                    total, CLIENTS, acknowledgedAtKill, acknowledgedBeforeKillFound, restartMillis, retriedAfterKill.get(),
                    retriesFoundStored.get(), acknowledged.size(), applied.get(), found.size(), duplicates, serverErrors,
                    new TreeMap<>(statuses));
            assertEquals(acknowledgedAtKill, acknowledgedBeforeKillFound, "every answer acknowledged before the kill is stored");
            assertEquals(total, acknowledged.size());
            assertEquals(List.of(), wrongOrMissing);
            assertEquals(total, found.size());
            assertEquals(0, duplicates);
            assertEquals(total, applied.get() + retriesFoundStored.get(), "each answer applied exactly once");
            assertEquals(0, serverErrors, "statuses " + statuses);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
