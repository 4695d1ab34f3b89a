package se.lagesbild.round;

import se.lagesbild.support.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Six Skatta läget respondents, two per role, answering SL-A1, SL-A2 and SL-B1 (a null is "Vet inte"):
 * <pre>
 *            SL-A1 SL-A2 SL-B1
 * ledning      4     3     4
 * ledning      3     3     –
 * stödfunkt.   2     2     3
 * stödfunkt.   2     1     3
 * medarbetare  1     2     2
 * medarbetare  1     –     2
 * </pre>
 * By hand: SL-A1 n 6, mean 13/6 = 2.17, min 1, max 4, population sd sqrt(6.8333/6) = 1.07, median (2+2)/2 = 2,
 * upper half (3–4) 2/6 = 0.33, distribution 2,2,1,1. SL-A2 n 5, mean 11/5 = 2.2, sd sqrt(2.8/5) = 0.75, one
 * "Vet inte". SL-B1 n 5, mean 14/5 = 2.8, sd 0.75, one "Vet inte". Area A = (2.1667 + 2.2)/2 = 2.18 over 2 of 4
 * items; area B = 2.8 over 1 of 3; total mean (2.1667 + 2.2 + 2.8)/3 = 2.39 over 3 of 20 items.
 * Per role: ledning A1 3.5, A2 3.0, B1 4.0, total 3.5; stödfunktion A1 2.0, A2 1.5, B1 3.0, total 2.17;
 * medarbetare A1 1.0, A2 2.0, B1 2.0, total 1.67.
 */
public final class SkattaLagetRound {

    private SkattaLagetRound() {
    }

    static long sixRespondentsInThreeRoles(Api api) {
        long roundId = api.createRound(api.createOrganisation("Lunds kommun, socialförvaltningen"), "skatta-laget", "2025");
        respond(api, roundId, "ledning", answers(4, 3, 4));
        respond(api, roundId, "ledning", answers(3, 3, null));
        respond(api, roundId, "stodfunktion", answers(2, 2, 3));
        respond(api, roundId, "stodfunktion", answers(2, 1, 3));
        respond(api, roundId, "medarbetare", answers(1, 2, 2));
        respond(api, roundId, "medarbetare", answers(1, null, 2));
        return roundId;
    }

    static long respond(Api api, long roundId, String role, Map<String, Integer> answers) {
        long responseId = Api.id(api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", role)));
        answers.forEach((item, value) -> api.answer(responseId, item, value, null));
        api.post("/api/responses/" + responseId + "/submit", Map.of());
        return responseId;
    }

    public static void assertRoundFigures(Map<String, Object> scores) {
        Map<String, Object> a1 = item(scores, "SL-A1");
        assertEquals(List.of(6, 2.17, 1, 4, 1.07, 2.0, 0.33), List.of(a1.get("n"), a1.get("mean"), a1.get("min"), a1.get("max"),
                a1.get("stdDev"), a1.get("median"), a1.get("highShare")));
        assertEquals(List.of(Map.of("value", 1, "count", 2), Map.of("value", 2, "count", 2), Map.of("value", 3, "count", 1),
                Map.of("value", 4, "count", 1)), a1.get("distribution"));
        Map<String, Object> a2 = item(scores, "SL-A2");
        assertEquals(List.of(5, 2.2, 1, 3, 0.75, 1), List.of(a2.get("n"), a2.get("mean"), a2.get("min"), a2.get("max"),
                a2.get("stdDev"), a2.get("dontKnow")));
        Map<String, Object> b1 = item(scores, "SL-B1");
        assertEquals(List.of(5, 2.8, 2, 4, 0.75, 1), List.of(b1.get("n"), b1.get("mean"), b1.get("min"), b1.get("max"),
                b1.get("stdDev"), b1.get("dontKnow")));
        assertEquals(0, item(scores, "SL-E4").get("n"));

        List<Map<String, Object>> parts = (List<Map<String, Object>>) scores.get("parts");
        assertEquals(List.of("A", "B", "C", "D", "E"), parts.stream().map(p -> p.get("code")).toList());
        assertEquals(List.of(2.18, 2, 4), List.of(parts.get(0).get("mean"), parts.get(0).get("answered"), parts.get(0).get("items")));
        assertEquals(List.of(2.8, 1, 3), List.of(parts.get(1).get("mean"), parts.get(1).get("answered"), parts.get(1).get("items")));
        Map<String, Object> total = (Map<String, Object>) scores.get("total");
        assertEquals(List.of(2.39, 3, 20, false, false), List.of(total.get("mean"), total.get("answered"), total.get("items"),
                total.get("complete"), total.get("suppressed")));
    }

    public static Map<String, Object> item(Map<String, Object> scores, String code) {
        return ((List<Map<String, Object>>) scores.get("items")).stream().filter(i -> i.get("code").equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, Integer> answers(Integer a1, Integer a2, Integer b1) {
        Map<String, Integer> answers = new HashMap<>();
        answers.put("SL-A1", a1);
        answers.put("SL-A2", a2);
        answers.put("SL-B1", b1);
        return answers;
    }
}
