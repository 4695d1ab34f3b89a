package se.lagesbild.round;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Jämställdhetstrappan placed individually by five people: distribution, median step and share on steps 3–4. */
@MicronautTest(transactional = false)
class StaircaseScoresApiTest extends ApiTest {

    @Test
    void fivePlacementsGiveTheDistributionMedianAndShareOnTheUpperSteps() {
        Map<String, Object> staircase = api.get("/api/instruments/jamstalldhetstrappan");
        assertEquals("staircase", staircase.get("kind"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) staircase.get("scale");
        assertEquals(List.of("Omedvetet inkompetent", "Medvetet inkompetent", "Medvetet kompetent", "Omedvetet kompetent"),
                steps.stream().map(step -> step.get("label")).toList());
        assertEquals("Jämställdhet är en självklar del av mitt ordinarie arbete.", steps.get(3).get("description"));
        assertEquals(3, ((List<?>) staircase.get("reflectionPrompts")).size());
        assertNull(staircase.get("dontKnowLabel"));

        long roundId = api.createRound(api.createOrganisation("Ronneby kommun"), "jamstalldhetstrappan", "2025");
        for (int step : new int[] {1, 2, 3, 3, 4}) {
            long responseId = api.startResponse(roundId);
            api.answer(responseId, "JT", step, null);
            api.post("/api/responses/" + responseId + "/submit", Map.of());
        }
        api.problem(400, () -> api.answer(api.startResponse(roundId), "JT", null, null));

        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        Map<String, Object> jt = ((List<Map<String, Object>>) scores.get("items")).get(0);
        // 1, 2, 3, 3, 4: counts 1, 1, 2, 1; median 3; on steps 3–4: 3 of 5 = 0.6; mean 13/5 = 2.6
        assertEquals(List.of(Map.of("value", 1, "count", 1), Map.of("value", 2, "count", 1), Map.of("value", 3, "count", 2),
                Map.of("value", 4, "count", 1)), jt.get("distribution"));
        assertEquals(3.0, jt.get("median"));
        assertEquals(0.6, jt.get("highShare"));
        assertEquals(2.6, jt.get("mean"));
        assertFalse((Boolean) jt.get("suppressed"));
    }
}
