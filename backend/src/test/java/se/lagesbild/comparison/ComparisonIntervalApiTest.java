package se.lagesbild.comparison;

import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 95 % interval of each change and whether it is clear, over HTTP with the real database: two Skatta läget
 * rounds of fifteen staff members each, imported from CSV, and two one-respondent checklist rounds.
 * <pre>
 * 2025 SL-A1 1,2,1,2,1,2,1,2,1,2,1,2,1,2,2 (1.53)  SL-A2 1,2,2,2,3,3,3,3,3,3,2,2,3,3,3 (2.53)
 *      SL-B1 2,3,3,2,3,3,2,3,3,2,3,3,2,3,3 (2.67)
 * 2028 SL-A1 3,4,3,4,3,4,3,4,3,4,3,4,3,4,4 (3.53)  SL-A2 1,2,2,2,3,3,3,3,3,2,2,2,3,3,3 (2.47)
 *      SL-B1 3,3,4,3 then eleven "Vet inte" (3.25 over 4 values)
 * </pre>
 * Computed in python3 (no scipy), as RoundComparisonTest's demo questionnaire with the same answers: Welch's
 * interval around the change shown, the t quantile by integrating the density.
 * SL-A1 +2.0, se 0.188562, df 28, t 2.048407 -> [1.61, 2.39] clear. SL-A2 −0.06, se 0.233673 -> [−0.54, 0.42]
 * not clear. SL-B1 +0.58 over 4 values in 2028, under the threshold of 5: no interval; nor for area B. Area A
 * 2.03 -> 3.0, +0.97, each respondent's mean of SL-A1, SL-A2: se 0.157863, df 27.94 -> [0.65, 1.29] clear. Areas
 * C–E have no answers. Total 2.24 -> 3.08, +0.84, each respondent's mean of the items they answered: se 0.129645,
 * df 27.88 -> [0.57, 1.11] clear.
 */
@MicronautTest(transactional = false)
class ComparisonIntervalApiTest extends ApiTest {

    @Test
    void aClearChangeAndNoiseAmongFifteenRespondentsPerRoundAreToldApart() {
        long organisationId = api.createOrganisation("Kalmar kommun, socialförvaltningen");
        long round2025 = importSkattaLaget(organisationId, "2025",
                values(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3),
                values(2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3));
        long round2028 = importSkattaLaget(organisationId, "2028",
                values(3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 4),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3),
                values(3, 3, 4, 3, null, null, null, null, null, null, null, null, null, null, null));

        Map<String, Object> comparison = api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028);

        Map<String, Object> a1 = item(comparison, "SL-A1");
        assertEquals(List.of(1.53, 3.53, 2.0, "up"), List.of(a1.get("from"), a1.get("to"), a1.get("delta"), a1.get("direction")));
        assertEquals(Map.of("low", 1.61, "high", 2.39), a1.get("interval"));
        assertEquals(true, a1.get("clear"));

        Map<String, Object> a2 = item(comparison, "SL-A2");
        assertEquals(List.of(-0.06, "down"), List.of(a2.get("delta"), a2.get("direction")));
        assertEquals(Map.of("low", -0.54, "high", 0.42), a2.get("interval"));
        assertEquals(false, a2.get("clear"));

        Map<String, Object> b1 = item(comparison, "SL-B1");
        assertEquals(List.of(0.58, 4), List.of(b1.get("delta"), b1.get("toN")));
        assertNoInterval(b1);
        assertNoInterval(item(comparison, "SL-E4"));

        List<Map<String, Object>> parts = (List<Map<String, Object>>) comparison.get("parts");
        assertEquals(List.of("A", "B", "C", "D", "E"), parts.stream().map(p -> p.get("code")).toList());
        assertEquals(List.of(2.03, 3.0, 0.97), List.of(parts.get(0).get("from"), parts.get(0).get("to"), parts.get(0).get("delta")));
        assertEquals(Map.of("low", 0.65, "high", 1.29), parts.get(0).get("interval"));
        assertEquals(true, parts.get(0).get("clear"));
        parts.subList(1, 5).forEach(ComparisonIntervalApiTest::assertNoInterval);

        Map<String, Object> total = (Map<String, Object>) comparison.get("total");
        assertEquals(List.of(2.24, 3.08, 0.84), List.of(total.get("from"), total.get("to"), total.get("delta")));
        assertEquals(Map.of("low", 0.57, "high", 1.11), total.get("interval"));
        assertEquals(true, total.get("clear"));
        assertEquals(comparison, api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028),
                "the same rounds give the same words every time");
    }

    @Test
    void theJsonAndTheReportHeadlineOnlyTheClearChanges() throws Exception {
        long organisationId = api.createOrganisation("Oskarshamns kommun");
        long round2025 = importSkattaLaget(organisationId, "2025",
                values(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3),
                values(2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3));
        long round2028 = importSkattaLaget(organisationId, "2028",
                values(3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 4),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3),
                values(3, 3, 4, 3, null, null, null, null, null, null, null, null, null, null, null));
        String query = "?from=" + round2025 + "&to=" + round2028;
        Map<String, Object> comparison = api.get("/api/comparisons" + query);

        List<Map<String, Object>> items = (List<Map<String, Object>>) comparison.get("items");
        assertEquals(List.of("SL-A1"), items.stream().filter(i -> Boolean.TRUE.equals(i.get("clear"))).map(i -> i.get("code")).toList(),
                "of the items only SL-A1 moved clearly; SL-A2's −0,06 is noise");
        assertEquals(5, comparison.get("anonymityThreshold"));
        List<Map<String, Object>> roles = (List<Map<String, Object>>) comparison.get("roles");
        assertEquals(List.of("ledning", "stodfunktion", "medarbetare"), roles.stream().map(r -> r.get("code")).toList());
        assertEquals(Arrays.asList(false, "too-few", 0, 0, null), Arrays.asList(roles.get(0).get("compared"), roles.get(0).get("reason"),
                roles.get(0).get("fromRespondents"), roles.get(0).get("toRespondents"), roles.get(0).get("total")));
        Map<String, Object> staff = roles.get(2);
        assertEquals(Arrays.asList(true, null, 15, 15), Arrays.asList(staff.get("compared"), staff.get("reason"),
                staff.get("fromRespondents"), staff.get("toRespondents")));
        assertEquals(Map.of("from", 2.24, "to", 3.08, "delta", 0.84, "direction", "up"), staff.get("total"),
                "everyone is a staff member, so the role's figures are the round's");
        assertEquals(List.of("A", 2.03, 3.0, 0.97), List.of(((List<Map<String, Object>>) staff.get("parts")).get(0).get("code"),
                ((List<Map<String, Object>>) staff.get("parts")).get(0).get("from"),
                ((List<Map<String, Object>>) staff.get("parts")).get(0).get("to"),
                ((List<Map<String, Object>>) staff.get("parts")).get(0).get("delta")));

        byte[] pdf = api.exchange(io.micronaut.http.HttpRequest.GET("/api/comparisons/report.pdf" + query), byte[].class).body();
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        int start = text.indexOf("\nTydliga förändringar\n");
        // Table cells wrap their text; compare words, not lines.
        String headline = text.substring(start, text.indexOf("En förändring är tydlig", start)).replaceAll("\\s+", " ");
        String words = text.replaceAll("\\s+", " ");
        for (String expected : List.of("Totalt — tydlig förbättring, 2,24 → 3,08 (+0,84; 95 %: 0,57 till 1,11)",
                "tydlig förbättring, 2,03 → 3,00 (+0,97; 95 %: 0,65 till 1,29)", "SL-A1")) {
            assertTrue(headline.contains(expected), () -> "the headline lacks \"" + expected + "\":\n" + headline);
        }
        for (String absent : List.of("SL-A2", "SL-B1", "försämring")) {
            assertTrue(!headline.contains(absent), () -> "the headline has \"" + absent + "\":\n" + headline);
        }
        assertTrue(words.contains("-0,06 ingen säker förändring (95 %: -0,54 till 0,42)"), words);
        assertTrue(words.contains("+0,58 För få svarande (färre än 5) för att bedöma osäkerheten"), words);
    }

    @Test
    void theOneRespondentChecklistHasNoIntervals() {
        long organisationId = api.createOrganisation("Emmaboda kommun");
        long round2025 = api.checklistRound(organisationId, "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, 1);
        long round2028 = api.checklistRound(organisationId, "2028", 3, 3, 2, 2, 3, 2, 2, 2, 3, 2);

        Map<String, Object> comparison = api.get("/api/comparisons?from=" + round2025 + "&to=" + round2028);
        Map<String, Object> total = (Map<String, Object>) comparison.get("total");
        assertEquals(1.0, total.get("delta"), "the change is shown: 14/10 -> 24/10");
        assertNoInterval(total);
        ((List<Map<String, Object>>) comparison.get("parts")).forEach(ComparisonIntervalApiTest::assertNoInterval);
        ((List<Map<String, Object>>) comparison.get("items")).forEach(ComparisonIntervalApiTest::assertNoInterval);
        assertEquals(2.0, item(comparison, "CS-01").get("delta"));
    }

    /** The contract's "interval: null, clear: null": present, and null. */
    private static void assertNoInterval(Map<String, Object> figure) {
        assertTrue(figure.containsKey("interval") && figure.containsKey("clear"), () -> "no interval fields in " + figure);
        assertNull(figure.get("interval"), figure::toString);
        assertNull(figure.get("clear"), figure::toString);
    }

    /** A closed Skatta läget round imported from CSV: respondent i, a staff member, answers SL-A1, SL-A2, SL-B1 (null: "Vet inte"). */
    private long importSkattaLaget(long organisationId, String label, List<Integer> a1, List<Integer> a2, List<Integer> b1) {
        StringBuilder csv = new StringBuilder("respondentRole;SL-A1;SL-A2;SL-B1\n");
        for (int i = 0; i < a1.size(); i++) {
            csv.append("medarbetare;").append(cell(a1.get(i))).append(';').append(cell(a2.get(i))).append(';')
                    .append(cell(b1.get(i))).append('\n');
        }
        MultipartBody form = MultipartBody.builder()
                .addPart("file", "skatta-laget-" + label + ".csv", MediaType.of("text/csv"), csv.toString().getBytes(StandardCharsets.UTF_8))
                .addPart("instrumentCode", "skatta-laget").addPart("label", label).build();
        Map<String, Object> imported = api.postMultipart("/api/organisations/" + organisationId + "/rounds/import", form);
        assertEquals(a1.size(), imported.get("responses"));
        return Api.id((Map<String, Object>) imported.get("round"));
    }

    private static String cell(Integer value) {
        return value == null ? "Vet inte" : value.toString();
    }

    private static List<Integer> values(Integer... values) {
        return Arrays.asList(values);
    }

    private static Map<String, Object> item(Map<String, Object> comparison, String code) {
        return ((List<Map<String, Object>>) comparison.get("items")).stream().filter(i -> i.get("code").equals(code)).findFirst().orElseThrow();
    }
}
