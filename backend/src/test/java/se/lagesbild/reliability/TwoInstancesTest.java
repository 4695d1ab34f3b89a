package se.lagesbild.reliability;

import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.AppProcess;
import se.lagesbild.support.TestDatabase;
import se.lagesbild.support.WireClient;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the application on one database, as behind a load balancer: a whole round is driven
 * through both alternately (every request to the other instance than the one before), so anything one
 * instance kept only in memory would show. Both start at the same moment on an empty schema, so they also
 * race to migrate it (Liquibase's lock) and to store the shipped instrument versions.
 */
class TwoInstancesTest {

    @Test
    void aWholeRoundDrivenThroughTwoInstancesAlternately() throws Exception {
        Map<String, Object> database = TestDatabase.isolatedProperties("two_instances");
        CompletableFuture<AppProcess> startingA = CompletableFuture.supplyAsync(() -> AppProcess.start("instance-a", database));
        CompletableFuture<AppProcess> startingB = CompletableFuture.supplyAsync(() -> AppProcess.start("instance-b", database));
        try (AppProcess a = startingA.get(); AppProcess b = startingB.get()) {
            Alternating api = new Alternating(List.of(a.client(), b.client()));

            // A new instrument version uploaded through one instance is the newest on the other at once.
            String v2 = read("/instrument-uploads/checklist-systematik-v2.yaml");
            WireClient.Reply uploaded = api.next().send("POST", "/api/instruments", "application/yaml",
                    v2.getBytes(StandardCharsets.UTF_8), Map.of());
            assertEquals(201, uploaded.status(), uploaded::toString);
            Map<String, Object> latest = api.ok(api.next().get("/api/instruments/checklist-systematik"));
            assertEquals(2, latest.get("version"));

            long organisationId = id(api.ok(api.next().postJson("/api/organisations", Map.of("name", "Kävlinge kommun"))));
            long roundId = id(api.ok(api.next().postJson("/api/rounds", Map.of("organisationId", organisationId,
                    "instrumentCode", "skatta-laget", "label", "2025"))));
            List<Long> responses = new ArrayList<>();
            String[] roles = {"ledning", "stodfunktion", "medarbetare"};
            for (int i = 0; i < 6; i++) {
                responses.add(id(api.ok(api.next().postJson("/api/rounds/" + roundId + "/responses",
                        Map.of("respondentRole", roles[i % 3])))));
            }
            Instant chosen = Instant.parse("2026-11-25T08:00:00Z");
            int acknowledged = 0;
            for (int i = 0; i < responses.size(); i++) {
                for (String item : List.of("SL-A1", "SL-A2", "SL-B1")) {
                    // The respondent changes their mind once; each change lands on the other instance.
                    api.ok(api.next().putJson("/api/responses/" + responses.get(i) + "/answers/" + item,
                            Map.of("value", 1, "answeredAt", chosen.toString()), Map.of("Idempotency-Key", "first-" + i + item)));
                    api.ok(api.next().putJson("/api/responses/" + responses.get(i) + "/answers/" + item,
                            Map.of("value", 1 + (i % 4), "answeredAt", chosen.plusSeconds(10).toString()),
                            Map.of("Idempotency-Key", "second-" + i + item)));
                    acknowledged += 2;
                }
                api.ok(api.next().postJson("/api/responses/" + responses.get(i) + "/submit", Map.of()));
            }
            Map<String, Object> closed = api.ok(api.next().postJson("/api/rounds/" + roundId + "/close", Map.of()));
            assertEquals("closed", closed.get("status"));
            WireClient.Reply late = api.next().putJson("/api/responses/" + responses.get(0) + "/answers/SL-A1",
                    Map.of("value", 4), Map.of());
            assertEquals(409, late.status(), "a closed round is closed on both instances: " + late);

            Map<String, Object> scoresFromA = api.ok(a.client().get("/api/rounds/" + roundId + "/scores"));
            Map<String, Object> scoresFromB = api.ok(b.client().get("/api/rounds/" + roundId + "/scores"));
            assertEquals(scoresFromA, scoresFromB);
            assertEquals(6, scoresFromA.get("respondents"));
            String exportA = a.client().get("/api/rounds/" + roundId + "/export/answers.csv").body();
            String exportB = b.client().get("/api/rounds/" + roundId + "/export/answers.csv").body();
            // Rows of an anonymous round come in random order (no row is placed by when it was answered): compare them as a set.
            assertEquals(exportA.lines().sorted().toList(), exportB.lines().sorted().toList());
            assertEquals(7, exportA.lines().count(), "a header and six responses");
            int answersFound = 0;
            for (int i = 0; i < responses.size(); i++) {
                List<Map<String, Object>> answers = (List<Map<String, Object>>) api.ok(api.next().get("/api/responses/" + responses.get(i))).get("answers");
                for (Map<String, Object> answer : answers) {
                    assertEquals(1 + (i % 4), answer.get("value"), "the later choice wins whichever instance took it");
                }
                answersFound += answers.size();
            }
            System.out.printf("Two instances (pids %d and %d) on one database, requests alternating: %d requests, "
                            + "answers acknowledged %d, answers found %d (the later of two choices each), 5xx %d; "
                            + "scores and CSV export identical from both%n", a.pid(), b.pid(), api.requests(), acknowledged,
                    answersFound, api.serverErrors());
            assertEquals(responses.size() * 3, answersFound);
            assertEquals(0, api.serverErrors());
            assertTrue(a.health().status() == 200 && b.health().status() == 200);
        }
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionOnTheOtherWithinTheSessionCacheBound() throws Exception {
        Map<String, Object> database = TestDatabase.isolatedProperties("two_instances_sessions");
        Duration bound = Duration.ofSeconds(2);
        Map<String, String> settings = Map.of("LAGESBILD_SESSION_CACHE_TTL", bound.toMillis() + "ms");
        CompletableFuture<AppProcess> startingA = CompletableFuture.supplyAsync(() -> AppProcess.start("sessions-a", database, settings));
        CompletableFuture<AppProcess> startingB = CompletableFuture.supplyAsync(() -> AppProcess.start("sessions-b", database, settings));
        try (AppProcess a = startingA.get(); AppProcess b = startingB.get()) {
            WireClient.Reply login = new WireClient(a.uri()).postJson("/api/auth/login",
                    Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD));
            Map<String, String> session = Map.of("Authorization", "Bearer " + login.json().get("accessToken"));
            WireClient onA = new WireClient(a.uri());
            WireClient onB = new WireClient(b.uri());
            assertEquals(200, onA.send("GET", "/api/auth/me", null, null, session).status(), "instance A remembers the session");
            assertEquals(200, onB.send("GET", "/api/auth/me", null, null, session).status(), "instance B remembers the session");

            assertEquals(204, onA.send("POST", "/api/auth/logout", null, null, session).status());
            long loggedOut = System.nanoTime();
            assertEquals(401, onA.send("GET", "/api/auth/me", null, null, session).status(), "ended at once where the logout was");
            int statusOnB;
            do {
                statusOnB = onB.send("GET", "/api/auth/me", null, null, session).status();
                Thread.sleep(50);
            } while (statusOnB != 401 && System.nanoTime() - loggedOut < Duration.ofSeconds(20).toNanos());
            Duration took = Duration.ofNanos(System.nanoTime() - loggedOut);
            System.out.printf("A logout on instance A reached instance B after %d ms (session cache %d ms)%n", took.toMillis(), bound.toMillis());
            assertEquals(401, statusOnB);
            // The bound plus the time one request may take on a busy machine.
            assertTrue(took.compareTo(bound.plusSeconds(2)) < 0, "the other instance honours the logout within the bound: " + took);
        }
    }

    private static long id(Map<String, Object> resource) {
        return ((Number) resource.get("id")).longValue();
    }

    private static String read(String resource) throws java.io.IOException {
        try (InputStream in = TwoInstancesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Hands out the instances' clients in turn and counts what they answered. */
    private static final class Alternating {
        private final List<WireClient> clients;
        private int turn;
        private int requests;
        private int serverErrors;

        Alternating(List<WireClient> clients) {
            this.clients = clients;
        }

        WireClient next() {
            requests++;
            return clients.get(turn++ % clients.size());
        }

        Map<String, Object> ok(WireClient.Reply reply) {
            if (reply.status() >= 500) {
                serverErrors++;
            }
            if (!reply.ok()) {
                throw new AssertionError("expected a success, got " + reply);
            }
            return reply.json();
        }

        int requests() {
            return requests;
        }

        int serverErrors() {
            return serverErrors;
        }
    }
}
