package se.lagesbild.round;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Skatta läget answered by several respondents in three roles, scored over HTTP with the default anonymity
 * threshold of 5. The expectations are computed by hand in {@link SkattaLagetRound}.
 */
@MicronautTest(transactional = false)
class SkattaLagetScoresApiTest extends ApiTest {

    @Test
    void sixRespondentsGiveMeansSpreadAndNButRolesOfTwoAreWithheld() {
        long roundId = SkattaLagetRound.sixRespondentsInThreeRoles(api);
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(6, scores.get("respondents"));
        SkattaLagetRound.assertRoundFigures(scores);

        List<Map<String, Object>> roles = (List<Map<String, Object>>) scores.get("roles");
        assertEquals(List.of("ledning", "stodfunktion", "medarbetare"), roles.stream().map(r -> r.get("code")).toList());
        for (Map<String, Object> role : roles) {
            assertEquals(2, role.get("respondents"));
            assertEquals(true, role.get("suppressed"), "two respondents in a role could be singled out");
            assertNull(((Map<String, Object>) role.get("total")).get("mean"));
            assertTrue(((List<Map<String, Object>>) role.get("items")).stream().allMatch(item -> item.get("mean") == null));
        }
    }

    @Test
    void aResponseSubmittedWithoutAnswersCountsAsARespondentAndADraftDoesNot() {
        long roundId = api.createRound(api.createOrganisation("Höörs kommun"), "skatta-laget", "2025");
        for (int value = 1; value <= 4; value++) {
            SkattaLagetRound.respond(api, roundId, "medarbetare", Map.of("SL-A1", value));
        }
        SkattaLagetRound.respond(api, roundId, "ledning", Map.of());
        long draftId = Api.id(api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "ledning")));
        api.answer(draftId, "SL-A1", 4, null);

        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(5, scores.get("respondents"), "four with an answer and one without; the draft does not count");
        assertEquals(false, ((Map<String, Object>) scores.get("total")).get("suppressed"));
        Map<String, Object> a1 = SkattaLagetRound.item(scores, "SL-A1");
        assertEquals(List.of(4, 2.5), List.of(a1.get("n"), a1.get("mean")));
        Map<String, Object> ledning = ((List<Map<String, Object>>) scores.get("roles")).get(0);
        assertEquals(List.of("ledning", 1), List.of(ledning.get("code"), ledning.get("respondents")));
    }

    @Test
    void fourRespondentsAreWithheldEverywhere() {
        long organisationId = api.createOrganisation("Eslövs kommun");
        long roundId = api.createRound(organisationId, "skatta-laget", "2025");
        for (String role : List.of("ledning", "stodfunktion", "medarbetare", "medarbetare")) {
            long responseId = SkattaLagetRound.respond(api, roundId, role, Map.of("SL-A1", 3, "SL-A2", 2));
            assertEquals("submitted", api.get("/api/responses/" + responseId).get("status"));
        }
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(4, scores.get("respondents"));
        Map<String, Object> total = (Map<String, Object>) scores.get("total");
        assertEquals(true, total.get("suppressed"));
        assertFalse(total.containsKey("mean"));
        for (Map<String, Object> part : (List<Map<String, Object>>) scores.get("parts")) {
            assertEquals(true, part.get("suppressed"));
            assertFalse(part.containsKey("mean"));
        }
        for (Map<String, Object> item : (List<Map<String, Object>>) scores.get("items")) {
            assertEquals(true, item.get("suppressed"));
            assertFalse(item.containsKey("mean") || item.containsKey("n") || item.containsKey("min") || item.containsKey("distribution"));
        }
    }

    @Test
    void respondentRoleIsRequiredAndMustBeOneOfTheInstruments() {
        long roundId = api.createRound(api.createOrganisation("Höörs kommun"), "skatta-laget", "2025");
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/rounds/" + roundId + "/responses", Map.of()));
        assertTrue(problem.get("detail").toString().contains("ledning"), problem.toString());
        api.problem(400, () -> api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "politiker")));
        Map<String, Object> response = api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "stodfunktion"));
        assertEquals("stodfunktion", response.get("respondentRole"));
        long checklistRound = api.createRound(api.createOrganisation("Sjöbo kommun"), "checklist-systematik", "2025");
        api.problem(400, () -> api.post("/api/rounds/" + checklistRound + "/responses", Map.of("respondentRole", "ledning")));
    }
}
