package se.lagesbild.workshop;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;
import se.lagesbild.support.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances of the app on one database, as behind a load balancer: the test's own server and a second
 * one in a child JVM (the test's classpath, main class se.lagesbild.Application). Participants join and
 * answer through both; a projector's event stream on either instance sees every answer.
 */
@MicronautTest(transactional = false)
class WorkshopTwoInstancesTest extends ApiTest {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);

    @Inject
    @Client("/")
    SseClient sse;

    private Process second;
    private HttpClient secondClient;
    private Api secondApi;

    @BeforeAll
    void startSecondInstance() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> database = TestDatabase.properties();
        Path log = Path.of("target", "second-instance.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "se.lagesbild.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATASOURCES_DEFAULT_URL", (String) database.get("datasources.default.url"));
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", (String) database.get("datasources.default.username"));
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", (String) database.get("datasources.default.password"));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        builder.environment().put("LAGESBILD_DATA_DIR", new File("target/second-instance-data").getAbsolutePath());
        second = builder.start();
        secondClient = HttpClient.create(new URL("http://127.0.0.1:" + port));
        secondApi = new Api(secondClient.toBlocking(), json, api.token());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            if (!second.isAlive()) {
                fail("The second instance stopped during start-up; see " + log.toAbsolutePath() + ":\n" + tail(log));
            }
            try {
                if ("UP".equals(secondApi.get("/health").get("status"))) {
                    return;
                }
            } catch (RuntimeException starting) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                fail("The second instance did not answer /health within 180 s; see " + log.toAbsolutePath() + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    void stopSecondInstance() throws InterruptedException {
        if (secondClient != null) {
            secondClient.close();
        }
        if (second != null) {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void projectorsOnEitherInstanceSeeAnswersGivenThroughBoth() throws InterruptedException {
        WorkshopCalls first = new WorkshopCalls(api);
        WorkshopCalls other = new WorkshopCalls(secondApi);
        Map<String, Object> workshop = first.openStaircase("Två instanser");
        long id = Api.id(workshop);
        String code = (String) workshop.get("code");

        BlockingQueue<Map<String, Object>> onFirst = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> onSecond = new LinkedBlockingQueue<>();
        Disposable firstProjector = watch(sse, id, onFirst);
        // The default client implementation streams events too.
        SseClient secondProjectorClient = (SseClient) secondClient;
        Disposable secondProjector = watch(secondProjectorClient, id, onSecond);
        try {
            awaitResults(onFirst, 0, Duration.ofSeconds(10));
            awaitResults(onSecond, 0, Duration.ofSeconds(10));

            List<WorkshopCalls.Participant> participants = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                participants.add(first.join(code, "Bord 1"));
                participants.add(other.join(code, "Bord 2"));
            }
            int[] steps = {1, 2, 2, 3, 4, 4};
            for (int i = 0; i < participants.size(); i++) {
                // Answer through the other instance than the one joined on: any instance takes any participant.
                (i % 2 == 0 ? other : first).answer(participants.get(i), steps[i]);
            }
            long answeredAt = System.nanoTime();

            Map<String, Object> seenOnFirst = awaitResults(onFirst, 6, LIVE_WITHIN);
            Duration firstDelay = Duration.ofNanos(System.nanoTime() - answeredAt);
            Map<String, Object> seenOnSecond = awaitResults(onSecond, 6, LIVE_WITHIN);
            assertEquals(6, seenOnFirst.get("participants"));
            assertEquals(6, seenOnSecond.get("participants"));
            assertTrue(firstDelay.compareTo(LIVE_WITHIN) <= 0, "the first projector saw all answers after " + firstDelay);

            first.reveal(id);
            Map<String, Object> revealed = awaitRevealed(onFirst);
            assertEquals(List.of(Map.of("value", 1, "count", 1), Map.of("value", 2, "count", 2),
                    Map.of("value", 3, "count", 1), Map.of("value", 4, "count", 2)), revealed.get("distribution"));
        } finally {
            firstProjector.dispose();
            secondProjector.dispose();
        }
    }

    private Disposable watch(SseClient client, long workshopId, BlockingQueue<Map<String, Object>> into) {
        Flux<Event<Map<String, Object>>> events = Flux.from(client.eventStream(
                api.prepare(HttpRequest.GET("/api/workshops/" + workshopId + "/events")), Argument.mapOf(String.class, Object.class)));
        return events.subscribe(event -> into.add(event.getData()));
    }

    /** Waits for a live state whose results count this many answers; returns those results. */
    private static Map<String, Object> awaitResults(BlockingQueue<Map<String, Object>> events, int answers, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            Map<String, Object> event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            last = (Map<String, Object>) event.get("results");
            if (((Number) last.get("answers")).intValue() == answers) {
                return last;
            }
        }
        throw new AssertionError("No live state with " + answers + " answers within " + within + "; the last was " + last);
    }

    private static Map<String, Object> awaitRevealed(BlockingQueue<Map<String, Object>> events) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event != null && Boolean.TRUE.equals(((Map<?, ?>) event.get("results")).get("revealed"))) {
                return (Map<String, Object>) event.get("results");
            }
        }
        throw new AssertionError("The reveal did not reach the projector within " + LIVE_WITHIN);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
