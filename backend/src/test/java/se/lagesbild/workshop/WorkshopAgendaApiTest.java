package se.lagesbild.workshop;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workshop run as an agenda: stepped through live, followed by the phones, closed only on purpose. */
@MicronautTest(transactional = false)
class WorkshopAgendaApiTest extends ApiTest {

    WorkshopCalls calls;

    @BeforeAll
    void calls() {
        calls = new WorkshopCalls(api);
    }

    @Test
    void theStaircaseWorkshopOfTheSeedIsTheTemplate() {
        long id = Api.id(calls.create("Förvaltningsdag", "jamstalldhetstrappan", null));
        List<Map<String, Object>> agenda = api.getList("/api/workshops/" + id + "/activities");
        assertEquals(List.of("placement", "groupReflection", "groupReflection", "groupReflection"),
                agenda.stream().map(a -> a.get("kind")).toList());
        assertEquals("Var är du i jämställdhetstrappan?", agenda.get(0).get("title"));
        assertEquals("Vilka fallgropar kan få arbetet att stanna av?", agenda.get(2).get("title"));
        assertEquals("Hur förbereder vi oss på bästa sätt?", agenda.get(3).get("title"));
        assertNull(api.get("/api/workshops/" + id).get("currentPosition"), "a draft shows the join screen");
        assertEquals(0, calls.open(id).get("currentPosition"), "opening starts the first activity");
    }

    @Test
    void thePhonesFollowTheAgendaAndSeeAResultOnlyOnceRevealed() {
        long id = threeActivities("Tre steg");
        String code = (String) api.get("/api/workshops/" + id).get("code");
        calls.open(id);
        WorkshopCalls.Participant anna = calls.join(code, "Bord 1");
        for (int step = 1; step <= 5; step++) {
            calls.answer(calls.join(code, "Bord 2"), 1 + step % 4);
        }
        Map<String, Object> current = current(anna);
        assertEquals("placement", activity(current).get("kind"));
        assertEquals(false, current.get("revealed"));
        assertNull(current.get("distribution"));

        calls.reveal(id);
        current = current(anna);
        assertEquals(5, current.get("responses"));
        assertEquals(List.of(Map.of("value", 1, "count", 1), Map.of("value", 2, "count", 2), Map.of("value", 3, "count", 1),
                Map.of("value", 4, "count", 1)), current.get("distribution"), "the phone shows the revealed distribution");

        move(id, 1);
        current = current(anna);
        assertEquals("openQuestion", activity(current).get("kind"));
        assertEquals(false, current.get("revealed"), "a new activity starts hidden");
        long question = Api.id(activity(current));
        Map<String, Object> mine = api.json(text(anna, question, "Mer tid för analys"));
        text(calls.join(code, null), question, "Statistik per kön");
        text(calls.join(code, null), question, "Något olämpligt");
        text(anna, question, "Mer tid för analys och uppföljning");
        List<Map<String, Object>> entries = entries(api.get("/api/workshops/" + id + "/live"));
        assertEquals(3, entries.size(), "one text per participant, a second write replaces only one's own: " + entries);
        assertEquals(Api.id(mine), Api.id(entries.stream().filter(e -> e.get("text").toString().startsWith("Mer tid")).findFirst().orElseThrow()));
        long unwanted = Api.id(entries.stream().filter(e -> e.get("text").equals("Något olämpligt")).findFirst().orElseThrow());
        assertEquals(204, api.send(HttpRequest.PUT("/api/workshops/" + id + "/texts/" + unwanted, Map.of("hidden", true))).code());
        assertNull(current(anna).get("entries"), "texts are shown on the phones only once revealed");
        calls.reveal(id);
        assertEquals(List.of("Mer tid för analys och uppföljning", "Statistik per kön"),
                entries(current(anna)).stream().map(e -> e.get("text")).sorted().toList(), "the hidden text is not shown");

        move(id, 2);
        WorkshopCalls.Participant bo = calls.join(code, "Bord 7");
        WorkshopCalls.Participant cecilia = calls.join(code, "Bord 7");
        WorkshopCalls.Participant david = calls.join(code, "Bord 7");
        long reflection = Api.id(activity(current(bo)));
        text(bo, reflection, "Vi glömmer att följa upp");
        text(cecilia, reflection, "Ingen äger frågan");
        text(david, reflection, "Tidsbrist");
        calls.reveal(id);
        assertEquals(List.of("Ingen äger frågan", "Tidsbrist", "Vi glömmer att följa upp"),
                entries(current(david)).stream().filter(e -> "Bord 7".equals(e.get("group"))).map(e -> e.get("text")).sorted().toList(),
                "three members of one group: three texts");

        Map<String, Object> summary = api.get("/api/workshops/" + id + "/summary");
        List<Map<String, Object>> activities = (List<Map<String, Object>>) summary.get("activities");
        assertEquals(3, activities.size(), "the summary covers every activity");
        assertEquals(3, ((List<?>) activities.get(1).get("entries")).size(), "the record keeps the hidden text, marked");
        String csv = api.send(HttpRequest.GET("/api/workshops/" + id + "/export.csv")).body();
        assertTrue(csv.contains("Öppen fråga;Vad tar du med dig från i dag?;;;;;Statistik per kön"), csv);
        assertTrue(csv.contains("Öppen fråga (dold i rummet);Vad tar du med dig från i dag?;;;;;Något olämpligt"), csv);
        assertTrue(csv.contains("Reflektion;Vilka fallgropar kan få arbetet att stanna av?;;;;Bord 7;Tidsbrist"), csv);
    }

    @Test
    void closingNeedsTheConfirmationAndAWorkshopReopenedTheSameDayTakesAnswersAgain() {
        Map<String, Object> workshop = calls.openStaircase("Avsluta");
        long id = Api.id(workshop);
        WorkshopCalls.Participant participant = calls.join((String) workshop.get("code"), null);

        Map<String, Object> problem = api.problem(400, () -> api.post("/api/workshops/" + id + "/close", Map.of()));
        assertTrue(((String) problem.get("detail")).contains("Att avsluta workshoppen betyder att den inte tar emot fler deltagare"),
                problem.toString());
        api.problem(400, () -> api.post("/api/workshops/" + id + "/close", Map.of("confirm", false)));
        assertEquals("open", api.get("/api/workshops/" + id).get("status"));

        assertEquals("closed", calls.close(id).get("status"));
        api.problem(409, () -> calls.answer(participant, 2));
        Map<String, Object> reopened = calls.open(id);
        assertEquals("open", reopened.get("status"));
        assertNull(reopened.get("closedAt"));
        assertEquals(200, calls.answer(participant, 2).code(), "a reopened workshop accepts answers again");
    }

    @Test
    void theComparisonShowsTheEarlierWorkshopFirstHoweverItIsAskedFor() {
        long organisationId = api.createOrganisation("Jämförkommunen");
        long earlier = Api.id(calls.create("2025", "jamstalldhetstrappan", organisationId));
        calls.open(earlier);
        long later = Api.id(calls.create("2028", "jamstalldhetstrappan", organisationId));
        calls.open(later);
        Map<String, Object> comparison = api.get("/api/workshops/comparison?from=" + later + "&to=" + earlier);
        assertEquals("2025", ((Map<?, ?>) ((Map<?, ?>) comparison.get("from")).get("workshop")).get("title"));
        assertEquals("2028", ((Map<?, ?>) ((Map<?, ?>) comparison.get("to")).get("workshop")).get("title"));
    }

    @Test
    void anAgendaStepTheInstrumentCannotRunIsRefusedWithWhatItHas() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Fel");
        body.put("instrumentCode", "jamstalldhetstrappan");
        body.put("activities", List.of(Map.of("kind", "placement", "itemCode", "CS-01")));
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/workshops", body));
        assertTrue(((String) problem.get("detail")).contains("har ingen fråga CS-01"), problem.toString());
    }

    /** Placement on the staircase, an open question, a group reflection on the pitfalls. */
    private long threeActivities(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("instrumentCode", "jamstalldhetstrappan");
        body.put("activities", List.of(Map.of("kind", "placement", "itemCode", "JT"),
                Map.of("kind", "openQuestion", "text", "Vad tar du med dig från i dag?"),
                Map.of("kind", "groupReflection", "promptIndex", 1)));
        return Api.id(api.post("/api/workshops", body));
    }

    private void move(long id, int position) {
        assertEquals(position, api.put("/api/workshops/" + id + "/current", Map.of("position", position)).get("currentPosition"));
    }

    private Map<String, Object> current(WorkshopCalls.Participant participant) {
        Map<String, Object> live = api.json(api.send(HttpRequest.GET("/api/w/" + participant.code() + "/live")
                .header("X-Participant-Token", participant.token())));
        return (Map<String, Object>) live.get("current");
    }

    private static Map<String, Object> activity(Map<String, Object> current) {
        return (Map<String, Object>) current.get("activity");
    }

    private static List<Map<String, Object>> entries(Map<String, Object> liveOrCurrent) {
        Object current = liveOrCurrent.containsKey("current") ? liveOrCurrent.get("current") : liveOrCurrent;
        return (List<Map<String, Object>>) ((Map<?, ?>) current).get("entries");
    }

    private HttpResponse<String> text(WorkshopCalls.Participant participant, long activityId, String text) {
        return api.send(HttpRequest.PUT("/api/w/" + participant.code() + "/activities/" + activityId + "/text", Map.of("text", text))
                .header("X-Participant-Token", participant.token()));
    }
}
