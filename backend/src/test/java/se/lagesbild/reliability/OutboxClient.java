package se.lagesbild.reliability;

import se.lagesbild.support.WireClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends answers the way the browser's outbox (frontend/src/stores/outbox.js) does: in order, each with its
 * own Idempotency-Key and the moment it was chosen, and after no answer (status 0), a 5xx or 429 the same
 * request again after a pause, until it is acknowledged; other 4xx end it. Counts what it saw.
 */
final class OutboxClient {

    /** One answer to send. */
    record Entry(long responseId, String itemCode, int value) {
    }

    private final WireClient client;
    private final Duration retryPause;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger alreadyStored = new AtomicInteger();

    OutboxClient(WireClient client, Duration retryPause) {
        this.client = client;
        this.retryPause = retryPause;
    }

    void sendAll(List<Entry> entries, Duration between) {
        for (Entry entry : entries) {
            send(entry, UUID.randomUUID().toString(), Instant.now());
            pause(between);
        }
    }

    /** Sends one answer until the server acknowledges it; true when this request changed what was stored. */
    boolean send(Entry entry, String key, Instant chosenAt) {
        while (true) {
            WireClient.Reply reply = client.putJson("/api/responses/" + entry.responseId() + "/answers/" + entry.itemCode(),
                    Map.of("value", entry.value(), "answeredAt", chosenAt.toString()), Map.of("Idempotency-Key", key));
            synchronized (statuses) {
                statuses.merge(reply.status(), 1, Integer::sum);
            }
            if (reply.ok()) {
                acknowledged.incrementAndGet();
                boolean applied = Boolean.TRUE.equals(reply.json().get("applied"));
                if (!applied) {
                    alreadyStored.incrementAndGet();
                }
                return applied;
            }
            if (reply.status() != 0 && reply.status() != 429 && reply.status() < 500) {
                throw new AssertionError("the server refused " + entry + ": " + reply);
            }
            pause(retryPause);
        }
    }

    Map<Integer, Integer> statuses() {
        synchronized (statuses) {
            return new TreeMap<>(statuses);
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Acknowledged retries whose answer an earlier attempt had stored already (its reply was lost). */
    int alreadyStored() {
        return alreadyStored.get();
    }

    int serverErrorsOtherThan503() {
        return statuses().entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
