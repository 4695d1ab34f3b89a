package se.lagesbild.comparison;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organisation's checklist of 2025 against 2028, over HTTP with the real database. By hand:
 * <pre>
 *        CS-01 02 03 04 | 05 06 07 | 08 09 10
 * 2025      1  2  2  1  |  2  1  1 |  1  2  Vet inte
 * 2028      3  3  2  2  |  3  2  2 |  2  3  2
 * </pre>
 * 2025: styrning 6/4 = 1.5, statistik 4/3 = 1.33, förbättring 3/2 = 1.5, total mean 13/9 = 1.44 (9 of 10, no sum to compare).
 * 2028: styrning 10/4 = 2.5, statistik 7/3 = 2.33, förbättring 7/3 = 2.33, total mean 24/10 = 2.4.
 * Deltas: total +0.96; parts +1.0, +1.0, +0.83; CS-01 +2 (up), CS-03 0 (same), CS-10 none (2025 had no value).
 */
@MicronautTest(transactional = false)
class ComparisonApiTest extends ApiTest {

    private static final String CHECKLIST = "checklist-systematik";

    @Test
    void twoChecklistRoundsGiveTheDocumentedDeltasPerItemPartAndTotal() {
        long organisationId = api.createOrganisation("Kalmar kommun");
        long round2025 = api.checklistRound(organisationId, "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, null);
        long round2028 = api.checklistRound(organisationId, "2028", 3, 3, 2, 2, 3, 2, 2, 2, 3, 2);

        Map<String, Object> comparison = api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028);
        assertEquals(round2025, ((Number) comparison.get("from")).longValue());
        assertEquals(round2028, ((Number) comparison.get("to")).longValue());
        Map<String, Object> total = (Map<String, Object>) comparison.get("total");
        assertEquals(List.of(1.44, 2.4, 0.96, "up"), List.of(total.get("from"), total.get("to"), total.get("delta"), total.get("direction")));
        assertNull(((Map<String, Object>) total.get("sum")).get("delta"), "a sum over 9 items does not compare with one over 10");

        List<Map<String, Object>> parts = (List<Map<String, Object>>) comparison.get("parts");
        assertEquals(List.of("styrning", "statistik", "forbattring"), parts.stream().map(p -> p.get("code")).toList());
        assertEquals(List.of(1.0, 1.0, 0.83), parts.stream().map(p -> p.get("delta")).toList());
        assertEquals(List.of(1.33, 2.33), List.of(parts.get(1).get("from"), parts.get(1).get("to")));

        Map<String, Object> cs01 = item(comparison, "CS-01");
        assertEquals(List.of(1.0, 3.0, 2.0, "up"), List.of(cs01.get("from"), cs01.get("to"), cs01.get("delta"), cs01.get("direction")));
        assertEquals("same", item(comparison, "CS-03").get("direction"));
        Map<String, Object> cs10 = item(comparison, "CS-10");
        assertNull(cs10.get("from"));
        assertNull(cs10.get("delta"));
        assertEquals(2.0, cs10.get("to"));
        assertEquals(10, ((List<?>) comparison.get("items")).size());
    }

    @Test
    void actionsRecordedOnTheEarlierRoundShowBesideTheItem() {
        long organisationId = api.createOrganisation("Nybro kommun");
        long round2025 = api.checklistRound(organisationId, "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, 1);
        Map<String, Object> action = api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-06",
                "what", "Analysera ärendestatistiken uppdelad på kön varje kvartal", "who", "Verksamhetsutvecklare",
                "dueDate", "2026-06-30"));
        assertEquals("planned", action.get("status"));
        api.put("/api/actions/" + Api.id(action), Map.of("what", action.get("what"), "who", "Verksamhetsutvecklare",
                "dueDate", "2026-06-30", "status", "done"));
        api.problem(404, () -> api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-99", "what", "x")));
        api.problem(400, () -> api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-01", "what", "x", "status", "klar")));

        long round2028 = api.checklistRound(organisationId, "2028", 2, 2, 2, 2, 2, 3, 2, 2, 2, 2);
        Map<String, Object> cs06 = item(api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028), "CS-06");
        assertEquals(2.0, cs06.get("delta"));
        List<Map<String, Object>> actions = (List<Map<String, Object>>) cs06.get("actions");
        assertEquals(1, actions.size());
        assertEquals("done", actions.get(0).get("status"));
        assertEquals("Verksamhetsutvecklare", actions.get(0).get("who"));
        assertTrue(((List<?>) item(api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028), "CS-01").get("actions")).isEmpty());
    }

    @Test
    void roundsOfAnotherOrganisationAreNotFoundAndOtherInstrumentsDoNotCompare() {
        long lund = api.createOrganisation("Lunds kommun");
        long malmo = api.createOrganisation("Malmö stad");
        long lund2025 = api.checklistRound(lund, "2025", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        long malmo2028 = api.checklistRound(malmo, "2028", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        api.problem(404, () -> api.get("/api/comparisons?from=" + lund2025 + "&to=" + malmo2028));
        api.problem(404, () -> api.get("/api/comparisons?from=" + lund2025 + "&to=999999999"));
        long lundStaircase = api.createRound(lund, "jamstalldhetstrappan", "2028");
        api.problem(400, () -> api.get("/api/comparisons?from=" + lund2025 + "&to=" + lundStaircase));
        api.problem(400, () -> api.get("/api/comparisons?from=" + lund2025));
    }

    @Test
    void multiRespondentRoundsShowNOnBothSidesAndKeepTheThreshold() {
        long organisationId = api.createOrganisation("Trelleborgs kommun");
        long few = api.skattaLagetRound(organisationId, "2025", 3);
        long many = api.skattaLagetRound(organisationId, "2028", 5);
        Map<String, Object> comparison = api.get("/api/comparisons?from=" + few + "&to=" + many);
        assertEquals(3, ((Map<String, Object>) comparison.get("fromRound")).get("respondents"));
        assertEquals(true, ((Map<String, Object>) comparison.get("fromRound")).get("suppressed"));
        Map<String, Object> a1 = item(comparison, "SL-A1");
        assertNull(a1.get("from"), "three respondents are withheld");
        assertNull(a1.get("fromN"));
        assertEquals(5, a1.get("toN"));
        assertEquals(3.0, a1.get("to"));
        assertNull(((Map<String, Object>) comparison.get("total")).get("delta"));
    }

    @Test
    void timelineAndRegionalViewShowTotalsAndParts() {
        long organisationId = api.createOrganisation("Vellinge kommun");
        api.checklistRound(organisationId, "2025", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        api.checklistRound(organisationId, "2026", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        api.checklistRound(organisationId, "2028", 3, 3, 3, 3, 4, 4, 4, 2, 2, 2);
        Map<String, Object> trend = api.get("/api/organisations/" + organisationId + "/trend?instrumentCode=" + CHECKLIST);
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) trend.get("rounds");
        assertEquals(List.of("2025", "2026", "2028"), rounds.stream().map(r -> r.get("label")).toList());
        // 2028: (3*4 + 4*3 + 2*3)/10 = 3.0; parts 3.0, 4.0, 2.0
        assertEquals(List.of(1.0, 2.0, 3.0), rounds.stream().map(r -> ((Map<String, Object>) r.get("total")).get("mean")).toList());
        assertEquals(List.of(3.0, 4.0, 2.0), ((List<Map<String, Object>>) rounds.get(2).get("parts")).stream().map(p -> p.get("mean")).toList());

        String label = "regional-" + System.nanoTime();
        long other = api.createOrganisation("Alvesta kommun");
        api.checklistRound(organisationId, label, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        api.checklistRound(other, label, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        Map<String, Object> regional = api.get("/api/regional?instrumentCode=" + CHECKLIST + "&label=" + label);
        List<Map<String, Object>> organisations = (List<Map<String, Object>>) regional.get("organisations");
        assertEquals(List.of("Alvesta kommun", "Vellinge kommun"), organisations.stream().map(o -> o.get("name")).toList());
        assertEquals(List.of(4.0, 2.0), organisations.stream()
                .map(o -> ((Map<String, Object>) ((Map<String, Object>) o.get("round")).get("total")).get("mean")).toList());
        assertTrue(organisations.stream().noneMatch(o -> ((Map<String, Object>) o.get("round")).containsKey("items")));
        assertEquals(3, ((List<?>) regional.get("parts")).size());
    }

    private static Map<String, Object> item(Map<String, Object> comparison, String code) {
        return ((List<Map<String, Object>>) comparison.get("items")).stream().filter(i -> i.get("code").equals(code)).findFirst().orElseThrow();
    }
}
