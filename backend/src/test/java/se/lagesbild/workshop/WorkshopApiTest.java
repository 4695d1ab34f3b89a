package se.lagesbild.workshop;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;
import se.lagesbild.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class WorkshopApiTest extends ApiTest {

    WorkshopCalls calls;

    @BeforeAll
    void calls() {
        calls = new WorkshopCalls(api);
    }

    @Test
    void aNewWorkshopIsADraftWithASixCharacterCodeWithoutLookAlikes() {
        Map<String, Object> workshop = calls.create("Socialtjänsten Kalmar", "jamstalldhetstrappan", null);
        assertEquals("draft", workshop.get("status"));
        String code = (String) workshop.get("code");
        assertTrue(code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}"), code);
        assertEquals("/w/" + code, workshop.get("joinPath"));
        Map<String, Object> byDefault = api.post("/api/workshops", Map.of("title", "Utan instrument"));
        assertEquals("jamstalldhetstrappan", byDefault.get("instrumentCode"));
        api.problem(400, () -> api.post("/api/workshops", Map.of("title", " ")));
        api.problem(404, () -> calls.create("Okänt", "finns-inte", null));
    }

    @Test
    void aParticipantJoinsAnswersAndChangesTheirAnswer() {
        Map<String, Object> workshop = calls.openStaircase("Ändra svar");
        long id = Api.id(workshop);
        String code = (String) workshop.get("code");

        HttpResponse<String> joined = calls.joinExchange(code.toLowerCase(), "Bord 3");
        String cookie = joined.getHeaders().get("Set-Cookie");
        assertTrue(cookie.startsWith("lagesbild_participant="), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/api/w/" + code), cookie);
        WorkshopCalls.Participant participant = new WorkshopCalls.Participant(code,
                (String) api.json(joined).get("participantToken"));
        assertTrue(participant.token().length() >= 43, "at least 256 random bits, base64: " + participant.token());

        assertEquals(200, calls.answer(participant, 2).code());
        Map<String, Object> results = calls.results(id);
        assertEquals(1, results.get("participants"));
        assertEquals(1, results.get("answers"));
        assertEquals(false, results.get("revealed"));
        assertFalse(results.containsKey("distribution"), "withheld before the reveal: " + results);
        assertFalse(results.containsKey("median"));

        assertEquals(200, calls.answer(participant, 3).code());
        assertEquals(1, calls.results(id).get("answers"), "a changed answer is still one answer");
        Map<String, Object> page = calls.participantPage(participant);
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 3)), ((Map<?, ?>) page.get("me")).get("answers"));
        assertEquals("Bord 3", ((Map<?, ?>) page.get("me")).get("group"));

        Map<String, Object> problem = api.problem(400, () -> calls.answer(participant, 7));
        assertTrue(((String) problem.get("detail")).contains("1, 2, 3, 4"), problem.toString());
        api.problem(404, () -> calls.answer(participant, "CS-01", 2));
        api.problem(403, () -> calls.answer(new WorkshopCalls.Participant(code, "not-a-token"), 2));
    }

    @Test
    void aReloadWithTheCookieKeepsTheParticipantsPlaceAndToken() {
        Map<String, Object> workshop = calls.openStaircase("Ladda om");
        String code = (String) workshop.get("code");
        HttpResponse<String> joined = calls.joinExchange(code, null);
        String token = (String) api.json(joined).get("participantToken");
        String cookie = joined.getHeaders().get("Set-Cookie").split(";")[0];

        assertEquals(200, api.send(HttpRequest.PUT("/api/w/" + code + "/answer", Map.of("value", 4)).header("Cookie", cookie)).code());
        Map<String, Object> reloaded = api.json(api.send(HttpRequest.GET("/api/w/" + code).header("Cookie", cookie)));
        assertEquals(true, reloaded.get("joined"));
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 4)), ((Map<?, ?>) reloaded.get("me")).get("answers"));

        Map<String, Object> again = api.json(api.send(HttpRequest.POST("/api/w/" + code + "/join", Map.of("group", "Bord 1"))
                .header("Cookie", cookie)));
        assertEquals(token, again.get("participantToken"), "joining again from the same phone keeps the place");
        assertEquals("Bord 1", again.get("group"));
        assertEquals(1, calls.results(Api.id(workshop)).get("participants"));

        Map<String, Object> stranger = api.get("/api/w/" + code);
        assertEquals(false, stranger.get("joined"));
        assertNull(stranger.get("me"));
    }

    @Test
    void aClosedWorkshopRefusesAnswersJoinsAndReflections() {
        Map<String, Object> workshop = calls.openStaircase("Stängd");
        long id = Api.id(workshop);
        String code = (String) workshop.get("code");
        WorkshopCalls.Participant participant = calls.join(code, "Bord 1");
        calls.answer(participant, 2);
        assertEquals("closed", calls.close(id).get("status"));
        assertEquals("closed", calls.close(id).get("status"), "closing again changes nothing");

        api.problem(409, () -> calls.answer(participant, 3));
        api.problem(409, () -> calls.join(code, null));
        api.problem(409, () -> calls.reflect(participant, 0, "För sent"));
        assertEquals(List.of(Map.of("itemCode", "JT", "value", 2)), ((Map<?, ?>) calls.participantPage(participant).get("me")).get("answers"));
    }

    @Test
    void aDraftWorkshopTakesParticipantsButNoAnswersUntilItOpens() {
        Map<String, Object> workshop = calls.create("Utkast", "jamstalldhetstrappan", null);
        WorkshopCalls.Participant participant = calls.join((String) workshop.get("code"), null);
        Map<String, Object> problem = api.problem(409, () -> calls.answer(participant, 1));
        assertTrue(((String) problem.get("detail")).contains("inte öppnat"), problem.toString());
        calls.open(Api.id(workshop));
        assertEquals(200, calls.answer(participant, 1).code());
    }

    @Test
    void theRevealIsRefusedBelowTheAnonymityThresholdAndThenShowsTheDistributionAndMedian() {
        Map<String, Object> workshop = calls.openStaircase("Visa resultat");
        long id = Api.id(workshop);
        String code = (String) workshop.get("code");
        int[] steps = {1, 2, 2, 3, 4};
        List<WorkshopCalls.Participant> participants = new ArrayList<>();
        for (int step : steps) {
            WorkshopCalls.Participant participant = calls.join(code, null);
            participants.add(participant);
            calls.answer(participant, step);
            if (participants.size() < steps.length) {
                Map<String, Object> problem = api.problem(409, () -> calls.reveal(id));
                assertTrue(((String) problem.get("detail")).contains("minst 5"), problem.toString());
            }
        }
        calls.join(code, null); // joined, not answered: counts as a participant, not an answer

        assertEquals(true, calls.reveal(id).get("revealed"));
        Map<String, Object> results = calls.results(id);
        assertEquals(6, results.get("participants"));
        assertEquals(5, results.get("answers"));
        assertEquals(true, results.get("revealed"));
        assertEquals(List.of(Map.of("value", 1, "count", 1), Map.of("value", 2, "count", 2),
                Map.of("value", 3, "count", 1), Map.of("value", 4, "count", 1)), results.get("distribution"));
        assertEquals(2.0, ((Number) results.get("median")).doubleValue());

        assertEquals(false, api.post("/api/workshops/" + id + "/hide", Map.of()).get("revealed"));
        assertFalse(calls.results(id).containsKey("distribution"));
    }

    @Test
    void aParticipantTokenReachesOnlyItsOwnWorkshop() {
        Map<String, Object> first = calls.openStaircase("Workshop A");
        Map<String, Object> second = calls.openStaircase("Workshop B");
        WorkshopCalls.Participant inFirst = calls.join((String) first.get("code"), "Bord A");
        calls.answer(inFirst, 4);
        calls.reflect(inFirst, 0, "Bara i A");

        WorkshopCalls.Participant sameTokenInSecond = new WorkshopCalls.Participant((String) second.get("code"), inFirst.token());
        api.problem(403, () -> calls.answer(sameTokenInSecond, 1));
        api.problem(403, () -> calls.reflect(sameTokenInSecond, 0, "Intrång"));
        assertEquals(false, calls.participantPage(sameTokenInSecond).get("joined"));

        Map<String, Object> secondResults = calls.results(Api.id(second));
        assertEquals(0, secondResults.get("participants"));
        assertEquals(0, secondResults.get("answers"));
        assertEquals(List.of(), api.getList("/api/workshops/" + Api.id(second) + "/reflections"));
        assertEquals(1, calls.results(Api.id(first)).get("answers"));
    }

    @Test
    void groupsWriteReflectionsThatTheFacilitatorReads() {
        Map<String, Object> workshop = calls.openStaircase("Reflektion");
        long id = Api.id(workshop);
        String code = (String) workshop.get("code");
        WorkshopCalls.Participant alone = calls.join(code, null);
        Map<String, Object> problem = api.problem(400, () -> calls.reflect(alone, 0, "Utan grupp"));
        assertEquals("group", ((Map<?, ?>) ((List<?>) problem.get("errors")).get(0)).get("field"));
        api.problem(404, () -> calls.reflect(calls.join(code, "Bord 9"), 3, "Fjärde frågan finns inte"));

        WorkshopCalls.Participant anna = calls.join(code, "Bord 2");
        WorkshopCalls.Participant bo = calls.join(code, "Bord 2");
        calls.reflect(anna, 2, "Läsa på om könsuppdelad statistik");
        calls.reflect(bo, 2, "Läsa på om könsuppdelad statistik och boka en workshop");
        calls.reflect(calls.join(code, "Bord 5"), 1, "Tidsbrist");

        List<Map<String, Object>> reflections = api.getList("/api/workshops/" + id + "/reflections");
        assertEquals(3, reflections.size(), "every member's own text, none overwriting another: " + reflections);
        assertEquals(List.of("Bord 2", "Bord 2", "Bord 5"), reflections.stream().map(r -> r.get("group")).toList());
        assertEquals("Hur förbereder vi oss på bästa sätt?", reflections.get(0).get("prompt"));
        assertEquals(List.of("Läsa på om könsuppdelad statistik", "Läsa på om könsuppdelad statistik och boka en workshop",
                "Tidsbrist"), reflections.stream().map(r -> r.get("text")).toList());
        assertEquals("Vilka fallgropar kan få arbetet att stanna av?", reflections.get(2).get("prompt"));
        assertEquals(List.of(Map.of("promptIndex", 2, "text", "Läsa på om könsuppdelad statistik")),
                ((Map<?, ?>) calls.participantPage(anna).get("me")).get("reflections"), "each member sees their own text");
    }

    @Test
    void aChecklistWorkshopIsAnsweredItemByItem() {
        Map<String, Object> workshop = calls.create("Checklista i grupp", "checklist-systematik", null);
        long id = Api.id(workshop);
        calls.open(id);
        String code = (String) workshop.get("code");
        for (int i = 0; i < 5; i++) {
            WorkshopCalls.Participant participant = calls.join(code, null);
            calls.answer(participant, "CS-01", 1 + i % 4);
            calls.answer(participant, "CS-02", null);
        }
        WorkshopCalls.Participant last = calls.join(code, null);
        Map<String, Object> problem = api.problem(400, () -> calls.answer(last, 3));
        assertTrue(((String) problem.get("detail")).contains("/answers/"), problem.toString());

        calls.reveal(id);
        Map<String, Object> results = calls.results(id);
        assertEquals(5, results.get("answers"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) results.get("items");
        assertEquals(10, items.size());
        assertEquals(Map.of("code", "CS-01", "answers", 5, "median", 2.0, "dontKnow", 0, "distribution",
                List.of(Map.of("value", 1, "count", 2), Map.of("value", 2, "count", 1), Map.of("value", 3, "count", 1),
                        Map.of("value", 4, "count", 1))), items.get(0));
        assertEquals(5, items.get(1).get("dontKnow"));
    }

    @Test
    void theSummaryExportsAndComparesWorkshopsOfOneOrganisation() {
        long organisationId = api.createOrganisation("Workshopkommunen");
        long earlier = fiveAnswers(calls.create("2025", "jamstalldhetstrappan", organisationId), 1, 1, 2, 2, 3);
        long later = fiveAnswers(calls.create("2028", "jamstalldhetstrappan", organisationId), 2, 3, 3, 4, 4);

        Map<String, Object> summary = api.get("/api/workshops/" + earlier + "/summary");
        assertEquals(2.0, ((Number) ((Map<?, ?>) summary.get("results")).get("median")).doubleValue(),
                "the record shows the distribution whether or not it was revealed in the room");

        Map<String, Object> comparison = api.get("/api/workshops/comparison?from=" + earlier + "&to=" + later);
        Map<?, ?> to = (Map<?, ?>) ((Map<?, ?>) comparison.get("to")).get("results");
        assertEquals(3.0, ((Number) to.get("median")).doubleValue());
        assertEquals(List.of(Map.of("value", 1, "count", 0), Map.of("value", 2, "count", 1), Map.of("value", 3, "count", 2),
                Map.of("value", 4, "count", 2)), to.get("distribution"));
        long elsewhere = Api.id(calls.create("Annan", "jamstalldhetstrappan", api.createOrganisation("Annanstans")));
        api.problem(409, () -> api.get("/api/workshops/comparison?from=" + earlier + "&to=" + elsewhere));

        String csv = new String(api.send(HttpRequest.GET("/api/workshops/" + earlier + "/export.csv")).body()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Fördelning;JT;1;Omedvetet inkompetent;2"), csv);
        assertTrue(csv.contains("Median;JT;2,00"), csv);
        assertTrue(csv.contains("Reflektion;Vad behöver du för att ta nästa steg?;;;;Bord 1;Mer tid"), csv);
        HttpResponse<String> xlsx = api.send(HttpRequest.GET("/api/workshops/" + earlier + "/export.xlsx"));
        assertTrue(xlsx.getContentType().orElseThrow().toString().contains("spreadsheetml"));

        assertEquals(2, api.getList("/api/workshops?organisationId=" + organisationId).size());
    }

    @Test
    void theQrCodeLeadsToTheParticipantsPage() {
        Map<String, Object> workshop = calls.create("QR", "jamstalldhetstrappan", null);
        HttpResponse<String> qr = api.send(HttpRequest.GET("/api/workshops/" + Api.id(workshop) + "/qr"));
        assertEquals("image/svg+xml", qr.getContentType().orElseThrow().toString());
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("/w/" + workshop.get("code") + "</title>"), qr.body());
    }

    @Test
    void answersAreStoredWithoutAddressOrBrowser() throws SQLException {
        assertEquals(Set.of("id", "workshop_id", "participant_id", "item_code", "value", "updated_at"), columns("workshop_answers"));
        assertEquals(Set.of("id", "workshop_id", "token_hash", "group_name", "joined_at"), columns("workshop_participants"));
    }

    @Test
    void otherWorkshopsAnswerNotFound() {
        api.problem(404, () -> calls.results(Long.MAX_VALUE));
        api.problem(404, () -> api.get("/api/w/ABCDEF"));
    }

    private long fiveAnswers(Map<String, Object> workshop, int... steps) {
        long id = Api.id(workshop);
        calls.open(id);
        String code = (String) workshop.get("code");
        IntStream.of(steps).forEach(step -> calls.answer(calls.join(code, "Bord 1"), step));
        calls.reflect(calls.join(code, "Bord 1"), 0, "Mer tid");
        calls.close(id);
        return id;
    }

    private Set<String> columns(String table) throws SQLException {
        Map<String, Object> database = TestDatabase.properties();
        try (Connection connection = DriverManager.getConnection((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
            Set<String> names = new TreeSet<>();
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME").toLowerCase());
            }
            assertNotEquals(Set.of(), names);
            return names;
        }
    }
}
