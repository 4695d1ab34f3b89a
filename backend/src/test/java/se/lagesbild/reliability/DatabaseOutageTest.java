package se.lagesbild.reliability;

import org.junit.jupiter.api.Test;
import se.lagesbild.support.AppProcess;
import se.lagesbild.support.TcpProxy;
import se.lagesbild.support.TestDatabase;
import se.lagesbild.support.WireClient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away for 10 seconds while answers come in, and comes back. The application runs in its
 * own process and reaches the suite's database through a {@link TcpProxy} that plays the outage (every
 * connection cut, new ones refused): the database server itself, which the rest of the suite shares, keeps
 * running. Meanwhile /health says DOWN and the API answers 503 problems that say, in Swedish, to try again;
 * afterwards the same process recovers on its own, and a client that retries like the browser's outbox
 * (same Idempotency-Key, after 5xx or no answer) gets every answer stored once.
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void duringAnOutageHealthIsDownAndAnswersAre503AndAfterwardsEverythingWaitingIsStored() throws Exception {
        Map<String, Object> database = TestDatabase.isolatedProperties("outage");
        String url = (String) database.get("datasources.default.url");
        InetSocketAddress server = TestDatabase.address(url);
        try (TcpProxy proxy = new TcpProxy(server.getHostString(), server.getPort());
             AppProcess app = AppProcess.start("outage", TestDatabase.withAddress(url, "127.0.0.1", proxy.port()), database)) {
            WireClient client = app.client();
            long roundId = ((Number) client.ok(client.postJson("/api/rounds", Map.of(
                    "organisationId", ((Number) client.ok(client.postJson("/api/organisations", Map.of("name", "Ystads kommun")))
                            .get("id")).longValue(),
                    "instrumentCode", "checklist-systematik", "label", "2025"))).get("id")).longValue();
            List<Long> responses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                responses.add(((Number) client.ok(client.postJson("/api/rounds/" + roundId + "/responses", Map.of())).get("id")).longValue());
            }
            List<OutboxClient.Entry> answers = new ArrayList<>();
            for (long responseId : responses) {
                for (int item = 1; item <= 10; item++) {
                    answers.add(new OutboxClient.Entry(responseId, String.format("CS-%02d", item), 1 + (int) ((responseId + item) % 4)));
                }
            }
            OutboxClient outbox = new OutboxClient(client, Duration.ofMillis(500));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> outbox.sendAll(answers, Duration.ofMillis(150)));

            Thread.sleep(1500);
            long pid = app.pid();
            proxy.cut();
            Instant outageStarted = Instant.now();
            Map<Integer, Integer> healthStatuses = new TreeMap<>();
            List<WireClient.Reply> apiDuringOutage = new ArrayList<>();
            while (Duration.between(outageStarted, Instant.now()).compareTo(OUTAGE) < 0) {
                WireClient.Reply health = app.health();
                healthStatuses.merge(health.status(), 1, Integer::sum);
                assertTrue(health.status() == 503 && health.body().contains("DOWN"), () -> "health during the outage: " + health);
                WireClient.Reply read = client.get("/api/rounds/" + roundId);
                apiDuringOutage.add(read);
            }
            proxy.restore();
            Instant restored = Instant.now();
            WireClient.Reply health;
            do {
                Thread.sleep(200);
                health = app.health();
            } while (health.status() != 200 && Duration.between(restored, Instant.now()).toSeconds() < 30);
            long recoveredMillis = Duration.between(restored, Instant.now()).toMillis();
            assertEquals(200, health.status(), "UP again without a restart: " + health + "\n" + app.tail());
            assertEquals(pid, app.pid(), "the same process");

            sending.get(60, TimeUnit.SECONDS);

            for (WireClient.Reply reply : apiDuringOutage) {
                assertEquals(503, reply.status(), () -> "an API call during the outage: " + reply);
                assertTrue(reply.isProblem(), reply::toString);
                assertTrue(reply.json().get("detail").toString().startsWith("Databasen svarar inte just nu"), reply::toString);
                assertTrue(reply.header("Retry-After") != null, "Retry-After");
            }
            int found = 0;
            for (long responseId : responses) {
                List<Map<String, Object>> saved = (List<Map<String, Object>>) client.ok(client.get("/api/responses/" + responseId)).get("answers");
                for (Map<String, Object> answer : saved) {
                    int item = Integer.parseInt(answer.get("itemCode").toString().substring(3));
                    assertEquals(1 + (int) ((responseId + item) % 4), ((Number) answer.get("value")).intValue());
                }
                found += saved.size();
            }
            System.out.printf("Database outage of %d s: health answered %s during it; %d API calls during it, all 503 "
                            + "problem+json; UP again %d ms after the database returned, same process. Outbox: %d answers, "
                            + "statuses seen %s, acknowledged %d, found %d, 5xx other than 503: %d%n",
                    OUTAGE.toSeconds(), healthStatuses, apiDuringOutage.size(), recoveredMillis, answers.size(),
                    outbox.statuses(), outbox.acknowledged(), found, outbox.serverErrorsOtherThan503());
            assertTrue(outbox.statuses().getOrDefault(503, 0) > 0, "the outbox met the outage: " + outbox.statuses());
            assertEquals(0, outbox.serverErrorsOtherThan503(), "statuses: " + outbox.statuses());
            assertEquals(answers.size(), outbox.acknowledged());
            assertEquals(answers.size(), found);
        }
    }
}
