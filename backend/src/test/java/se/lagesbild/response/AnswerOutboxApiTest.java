package se.lagesbild.response;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answers sent late from a browser's outbox (after a lost connection) never double or revert anything: a
 * retried request with the same idempotency key changes nothing, and an answer chosen before the stored one
 * is not applied.
 */
@MicronautTest(transactional = false)
class AnswerOutboxApiTest extends ApiTest {

    @Test
    void aRetriedRequestWithTheSameKeyChangesNothing() {
        long responseId = newResponse();
        Instant chosen = Instant.parse("2026-11-24T09:00:00Z");
        Map<String, Object> first = send(responseId, "CS-01", 2, chosen, "key-1");
        assertEquals(true, first.get("applied"));
        send(responseId, "CS-01", 3, chosen.plusSeconds(5), "key-2");
        Map<String, Object> retry = send(responseId, "CS-01", 2, chosen, "key-1");
        assertEquals(false, retry.get("applied"));
        assertEquals(3, retry.get("value"), "the retry answers what is stored");
        assertEquals(List.of(3), values(responseId));
    }

    @Test
    void anAnswerChosenBeforeTheStoredOneDoesNotRevertIt() {
        long responseId = newResponse();
        Instant morning = Instant.parse("2026-11-24T09:00:00Z");
        send(responseId, "CS-02", 4, morning.plusSeconds(60), "later");
        Map<String, Object> late = send(responseId, "CS-02", 1, morning, "earlier");
        assertEquals(false, late.get("applied"));
        assertEquals(4, late.get("value"));
        assertEquals(List.of(4), values(responseId));
    }

    @Test
    void answersFromTheOutboxInOrderEndInTheLastChoice() {
        long responseId = newResponse();
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        send(responseId, "CS-03", 1, start, "a");
        send(responseId, "CS-03", 2, start.plusSeconds(1), "b");
        send(responseId, "CS-03", null, start.plusSeconds(2), "c");
        Map<String, Object> response = api.get("/api/responses/" + responseId);
        Map<String, Object> answer = ((List<Map<String, Object>>) response.get("answers")).get(0);
        assertEquals(null, answer.get("value"), "Vet inte, the last choice");
        assertEquals("2026-11-24T10:00:02Z", answer.get("answeredAt"));
    }

    private long newResponse() {
        return api.startResponse(api.createRound(api.createOrganisation("Simrishamns kommun"), "checklist-systematik", "2025"));
    }

    private Map<String, Object> send(long responseId, String itemCode, Integer value, Instant answeredAt, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("answeredAt", answeredAt.toString());
        String reply = api.exchange(HttpRequest.PUT("/api/responses/" + responseId + "/answers/" + itemCode, body)
                .header("Idempotency-Key", key), String.class).body();
        try {
            return json.readValue(reply, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Object> values(long responseId) {
        return ((List<Map<String, Object>>) api.get("/api/responses/" + responseId).get("answers")).stream()
                .map(answer -> answer.get("value")).toList();
    }
}
