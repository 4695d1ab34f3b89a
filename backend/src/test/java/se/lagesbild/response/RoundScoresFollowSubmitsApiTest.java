package se.lagesbild.response;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round's scores are kept between calls (RoundResults), and still follow every submit: a response submitted
 * after the scores were shown counts at the next call, and a draft never does.
 */
@MicronautTest(transactional = false)
class RoundScoresFollowSubmitsApiTest extends ApiTest {

    @Test
    void scoresShownBeforeASubmitCountItAfterwards() {
        long roundId = api.createRound(api.createOrganisation("Sjöbo kommun"), "checklist-systematik", "2025");
        answerAndSubmit(roundId, 4);
        assertScores(roundId, 1, 4.0, "one submitted response");
        assertScores(roundId, 1, 4.0, "the same again");

        long draft = api.startResponse(roundId);
        api.answer(draft, "CS-01", 1, null);
        assertScores(roundId, 1, 4.0, "a draft does not count");

        answerAndSubmit(roundId, 2);
        assertScores(roundId, 2, 3.0, "the new submitted response counts");
        api.post("/api/responses/" + draft + "/submit", Map.of());
        assertScores(roundId, 3, 7.0 / 3, "and the draft once submitted");
    }

    private void answerAndSubmit(long roundId, int value) {
        long responseId = api.startResponse(roundId);
        api.answer(responseId, "CS-01", value, null);
        api.post("/api/responses/" + responseId + "/submit", Map.of());
    }

    @SuppressWarnings("unchecked")
    private void assertScores(long roundId, int respondents, double firstItemMean, String what) {
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        Map<String, Object> first = ((List<Map<String, Object>>) scores.get("items")).stream()
                .filter(item -> "CS-01".equals(item.get("code"))).findFirst().orElseThrow();
        assertEquals(respondents, ((Number) scores.get("respondents")).intValue(), what);
        assertEquals(firstItemMean, ((Number) first.get("mean")).doubleValue(), 0.01, what);
    }
}
