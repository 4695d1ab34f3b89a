package se.lagesbild;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checklist answered end to end over HTTP against the real database, including bad input. */
@MicronautTest(transactional = false)
class ChecklistRoundApiTest extends ApiTest {

    private static final String CHECKLIST = "checklist-systematik";

    @Test
    void healthIsUpOnceTheDatabaseIsMigrated() {
        assertEquals("UP", api.get("/health").get("status"));
    }

    @Test
    void instrumentsListTheChecklistWithItsTenItemsAndScale() {
        List<Map<String, Object>> instruments = api.getList("/api/instruments");
        assertEquals(List.of("checklist-systematik", "jamstalldhetstrappan", "skatta-laget"),
                instruments.stream().map(i -> i.get("code")).sorted().toList());
        assertEquals(List.of("checklist", "staircase", "questionnaire"),
                instruments.stream().sorted(java.util.Comparator.comparing(i -> i.get("code").toString())).map(i -> i.get("kind")).toList());
        assertTrue(instruments.contains(Map.of("code", CHECKLIST, "version", 1, "title", "Checklista för systematik",
                "titleEn", "Checklist for systematic gender mainstreaming", "kind", "checklist")), instruments.toString());

        Map<String, Object> checklist = api.get("/api/instruments/" + CHECKLIST);
        assertEquals(1, checklist.get("version"));
        assertEquals(List.of(1, 2, 3, 4), ((List<Map<String, Object>>) checklist.get("scale")).stream().map(s -> s.get("value")).toList());
        assertEquals("Vet inte", checklist.get("dontKnowLabel"));
        List<Map<String, Object>> parts = (List<Map<String, Object>>) checklist.get("parts");
        assertEquals(List.of("Styrning och ledning", "Statistik och analys", "Förbättringsarbete"), parts.stream().map(p -> p.get("title")).toList());
        List<Map<String, Object>> items = parts.stream().flatMap(p -> ((List<Map<String, Object>>) p.get("items")).stream()).toList();
        assertEquals(10, items.size());
        assertEquals(Map.of("code", "CS-01", "text", "Den politiska församlingen tar beslut om jämställdhetsintegrering.",
                "textEn", "The political assembly takes decisions on gender mainstreaming."), items.get(0));
        assertEquals("CS-10", items.get(9).get("code"));
        assertEquals(checklist, api.get("/api/instruments/" + CHECKLIST + "/versions/1"));
    }

    @Test
    void unknownInstrumentOrVersionIsNotFound() {
        assertTrue(api.problem(404, () -> api.get("/api/instruments/no-such")).get("detail").toString().contains("no-such"));
        api.problem(404, () -> api.get("/api/instruments/" + CHECKLIST + "/versions/99"));
    }

    @Test
    void organisationNeedsAName() {
        Map<String, Object> created = api.post("/api/organisations", Map.of("name", "  Lunds kommun  "));
        assertEquals("Lunds kommun", created.get("name"));
        assertTrue(api.getList("/api/organisations").stream().anyMatch(o -> o.get("id").equals(created.get("id"))));
        assertEquals("Lunds kommun", api.get("/api/organisations/" + Api.id(created)).get("name"));

        Map<String, Object> problem = api.problem(400, () -> api.post("/api/organisations", Map.of("name", " ")));
        assertEquals(List.of(Map.of("field", "name", "message", "Ange organisationens namn.")), problem.get("errors"));
        api.problem(404, () -> api.get("/api/organisations/999999999"));
    }

    @Test
    void roundStartsOpenOnTheLatestInstrumentVersion() {
        long organisationId = api.createOrganisation("Kalmar kommun");
        HttpResponse<String> response = api.exchangePost("/api/rounds",
                Map.of("organisationId", organisationId, "instrumentCode", CHECKLIST, "label", "2025"));
        assertEquals(201, response.code());
        Map<String, Object> round = api.get("/api/rounds/" + api.createRound(organisationId, CHECKLIST, "2028"));
        assertEquals(Map.of("organisationId", Math.toIntExact(organisationId), "instrumentCode", CHECKLIST, "instrumentVersion", 1,
                "label", "2028", "status", "open"), subMap(round, "organisationId", "instrumentCode", "instrumentVersion", "label", "status"));
        List<Map<String, Object>> rounds = api.getList("/api/organisations/" + organisationId + "/rounds");
        assertEquals(2, rounds.size());
    }

    @Test
    void roundRequestsAreValidated() {
        long organisationId = api.createOrganisation("Växjö kommun");
        assertTrue(api.problem(404, () -> api.createRound(999999999L, CHECKLIST, "2025")).get("detail").toString().contains("999999999"));
        assertTrue(api.problem(404, () -> api.createRound(organisationId, "no-such", "2025")).get("detail").toString().contains("no-such"));
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/rounds", Map.of("organisationId", organisationId, "instrumentCode", CHECKLIST)));
        assertEquals("label", ((List<Map<String, Object>>) problem.get("errors")).get(0).get("field"));
        api.problem(404, () -> api.get("/api/rounds/999999999"));
        api.problem(404, () -> api.get("/api/organisations/999999999/rounds"));
    }

    @Test
    void answersAreSavedOneAtATimeWithComments() {
        long responseId = newResponse("Malmö stad");
        Map<String, Object> saved = api.answer(responseId, "CS-01", 3, "Beslut i nämnden 2024-03-12");
        assertEquals(3, saved.get("value"));
        assertEquals("Beslut i nämnden 2024-03-12", saved.get("comment"));
        api.answer(responseId, "CS-02", null, null);
        api.answer(responseId, "CS-01", 4, "Beslut i nämnden 2024-03-12");

        Map<String, Object> response = api.get("/api/responses/" + responseId);
        assertEquals("draft", response.get("status"));
        List<Map<String, Object>> answers = (List<Map<String, Object>>) response.get("answers");
        assertEquals(2, answers.size());
        assertEquals(Map.of("itemCode", "CS-01", "value", 4, "comment", "Beslut i nämnden 2024-03-12"), subMap(answers.get(0), "itemCode", "value", "comment"));
        assertEquals("CS-02", answers.get(1).get("itemCode"));
        assertTrue(answers.get(1).containsKey("value"));
        assertNull(answers.get(1).get("value"), "Vet inte is stored as null");
    }

    @Test
    void savingTheSameAnswerTwiceIsHarmless() {
        long responseId = newResponse("Helsingborgs stad");
        Map<String, Object> first = api.answer(responseId, "CS-05", 2, "Statistik");
        Map<String, Object> second = api.answer(responseId, "CS-05", 2, "Statistik");
        assertEquals(subMap(first, "itemCode", "value", "comment"), subMap(second, "itemCode", "value", "comment"));
        assertEquals(1, ((List<?>) api.get("/api/responses/" + responseId).get("answers")).size());
    }

    @Test
    void answerOutsideScaleIsRejectedWithTheItemAndAllowedValues() {
        long responseId = newResponse("Lunds kommun");
        Map<String, Object> problem = api.problem(400, () -> api.answer(responseId, "CS-01", 7, null));
        String detail = problem.get("detail").toString();
        assertTrue(detail.contains("7") && detail.contains("CS-01") && detail.contains("1, 2, 3, 4") && detail.contains("Vet inte"), detail);
        assertEquals("value", ((List<Map<String, Object>>) problem.get("errors")).get(0).get("field"));
        assertTrue(((List<?>) api.get("/api/responses/" + responseId).get("answers")).isEmpty());
    }

    @Test
    void unknownItemOrResponseIsNotFound() {
        long responseId = newResponse("Ystads kommun");
        assertTrue(api.problem(404, () -> api.answer(responseId, "CS-11", 2, null)).get("detail").toString().contains("CS-11"));
        api.problem(404, () -> api.answer(999999999L, "CS-01", 2, null));
        api.problem(404, () -> api.get("/api/responses/999999999"));
        api.problem(404, () -> api.post("/api/responses/999999999/submit", Map.of()));
        api.problem(404, () -> api.post("/api/rounds/999999999/responses", Map.of()));
    }

    @Test
    void malformedRequestsAnswerProblemJson() {
        long responseId = newResponse("Trelleborgs kommun");
        api.problem(400, () -> api.exchange(HttpRequest.PUT("/api/responses/" + responseId + "/answers/CS-01", "{\"value\": \"tre\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
        api.problem(400, () -> api.exchange(HttpRequest.PUT("/api/responses/" + responseId + "/answers/CS-01", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
        api.problem(404, () -> api.get("/api/no-such-endpoint"));
        api.problem(405, () -> api.exchange(HttpRequest.DELETE("/api/organisations"), String.class));
    }

    @Test
    void submitIsFinalAndIdempotent() {
        long responseId = newResponse("Kristianstads kommun");
        api.answer(responseId, "CS-01", 2, null);
        Map<String, Object> first = api.post("/api/responses/" + responseId + "/submit", Map.of());
        assertEquals("submitted", first.get("status"));
        Map<String, Object> again = api.post("/api/responses/" + responseId + "/submit", Map.of());
        assertEquals(first, again);

        Map<String, Object> problem = api.problem(409, () -> api.answer(responseId, "CS-01", 3, null));
        assertTrue(problem.get("detail").toString().contains("inskickat"));
        assertEquals(2, ((List<Map<String, Object>>) api.get("/api/responses/" + responseId).get("answers")).get(0).get("value"));
    }

    @Test
    void closedRoundTakesNoMoreAnswers() {
        long organisationId = api.createOrganisation("Karlskrona kommun");
        long roundId = api.createRound(organisationId, CHECKLIST, "2025");
        long responseId = api.startResponse(roundId);
        api.answer(responseId, "CS-01", 1, null);
        assertEquals("closed", api.post("/api/rounds/" + roundId + "/close", Map.of()).get("status"));
        assertEquals("closed", api.post("/api/rounds/" + roundId + "/close", Map.of()).get("status"));
        api.problem(409, () -> api.answer(responseId, "CS-02", 1, null));
        api.problem(409, () -> api.startResponse(roundId));
        api.problem(409, () -> api.post("/api/responses/" + responseId + "/submit", Map.of()));
    }

    @Test
    void scoresAreComputedOverSubmittedResponsesWithVetInteMissing() {
        long organisationId = api.createOrganisation("Kalmar läns kommun");
        long roundId = api.createRound(organisationId, CHECKLIST, "2025");
        long responseId = api.startResponse(roundId);
        Map<String, Integer> values = new HashMap<>(Map.of("CS-01", 1, "CS-02", 2, "CS-03", 3, "CS-04", 4,
                "CS-05", 4, "CS-06", 3, "CS-07", 2, "CS-08", 1, "CS-09", 2));
        values.put("CS-10", null);
        values.forEach((item, value) -> api.answer(responseId, item, value, null));
        long draftId = api.startResponse(roundId);
        api.answer(draftId, "CS-01", 4, null);

        Map<String, Object> before = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(0, before.get("respondents"), "drafts do not count");

        api.post("/api/responses/" + responseId + "/submit", Map.of());
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(1, scores.get("respondents"));
        Map<String, Object> total = (Map<String, Object>) scores.get("total");
        // 1+2+3+4 + 4+3+2 + 1+2 = 22 over nine answered items; CS-10 is "Vet inte", missing and not zero.
        assertEquals(22.0, ((Number) total.get("sum")).doubleValue());
        assertEquals(2.44, ((Number) total.get("mean")).doubleValue());
        assertEquals(9, total.get("answered"));
        assertEquals(10, total.get("items"));
        assertEquals(false, total.get("complete"));
        assertFalse((Boolean) total.get("suppressed"), "one manager's checklist is not suppressed");

        List<Map<String, Object>> parts = (List<Map<String, Object>>) scores.get("parts");
        assertEquals(List.of("styrning", "statistik", "forbattring"), parts.stream().map(p -> p.get("code")).toList());
        assertEquals(List.of(2.5, 3.0, 1.5), parts.stream().map(p -> ((Number) p.get("mean")).doubleValue()).toList());
        assertEquals(List.of(4, 3, 2), parts.stream().map(p -> p.get("answered")).toList());

        List<Map<String, Object>> items = (List<Map<String, Object>>) scores.get("items");
        assertEquals(10, items.size());
        assertEquals(Map.of("code", "CS-04", "mean", 4.0, "n", 1, "min", 4, "max", 4), subMap(items.get(3), "code", "mean", "n", "min", "max"));
        assertNull(items.get(9).get("mean"));
        assertEquals(0, items.get(9).get("n"));
        assertEquals(1, items.get(9).get("dontKnow"));
    }

    private long newResponse(String organisation) {
        return api.startResponse(api.createRound(api.createOrganisation(organisation), CHECKLIST, "2025"));
    }

    /** The named entries, with whole numbers as Integer whatever width the JSON reader chose. */
    private static Map<String, Object> subMap(Map<String, Object> map, String... keys) {
        Map<String, Object> result = new HashMap<>();
        for (String key : keys) {
            Object value = map.get(key);
            result.put(key, value instanceof Long number ? Integer.valueOf(Math.toIntExact(number)) : value);
        }
        return result;
    }
}
