package se.lagesbild.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports of one round and of two rounds compared, over HTTP with the real database: tagged PDFs that pass
 * veraPDF's PDF/UA-1 validation with no failed rule, in Swedish, naming every item of the instrument.
 */
@MicronautTest(transactional = false)
class ReportAccessibilityApiTest extends ApiTest {

    private static final List<String> CHECKLIST_ITEMS = List.of("CS-01", "CS-02", "CS-03", "CS-04", "CS-05", "CS-06",
            "CS-07", "CS-08", "CS-09", "CS-10");

    @Test
    void theChecklistReportsAreAccessibleAndShowTheSumOutOfFortyWithTheComments() throws Exception {
        long organisationId = api.createOrganisation("Nybro kommun");
        long round2025 = api.createRound(organisationId, "checklist-systematik", "2025");
        long responseId = api.startResponse(round2025);
        int[] values = {1, 2, 2, 1, 2, 1, 1, 1, 2, 3};
        for (int i = 0; i < values.length; i++) {
            api.answer(responseId, CHECKLIST_ITEMS.get(i), values[i], i == 0 ? "Beslut i kommunfullmäktige den 12 mars 2024, § 45" : null);
        }
        api.post("/api/responses/" + responseId + "/submit", Map.of());
        api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-06", "what", "Könsuppdelad statistik i alla ärendeslag"));
        long round2028 = api.checklistRound(organisationId, "2028", 3, 3, 2, 2, 3, 2, 2, 2, 3, 2);

        byte[] roundReport = download("/api/rounds/" + round2025 + "/report.pdf", "Nybro-kommun-2025-rapport.pdf");
        String text = assertAccessible("checklist-round.pdf", roundReport, CHECKLIST_ITEMS);
        for (String expected : List.of("Nybro kommun", "Checklista för systematik", "Resultat för omgång 2025", "Summa 16 av 40",
                "Medelvärde 1,60", "Beslut i kommunfullmäktige den 12 mars 2024, § 45", "Vad visar detta?", "Innehåll",
                "Könsuppdelad statistik i alla ärendeslag", "Sida 1 av", "skala 1–4")) {
            assertTrue(text.contains(expected), () -> "the round report lacks \"" + expected + "\":\n" + text);
        }

        byte[] comparison = download("/api/comparisons/report.pdf?from=" + round2025 + "&to=" + round2028,
                "Nybro-kommun-2025-2028-rapport.pdf");
        String compared = assertAccessible("checklist-comparison.pdf", comparison, CHECKLIST_ITEMS);
        for (String expected : List.of("Summa totalt 16 av 40 24 av 40 +8", "Medelvärde totalt 1,60 2,40 +0,80",
                "besvaras av en person", "Könsuppdelad statistik i alla ärendeslag")) {
            assertTrue(compared.contains(expected), () -> "the comparison report lacks \"" + expected + "\":\n" + compared);
        }
    }

    @Test
    void theSkattaLagetReportsAreAccessibleAndShowTheRoles() throws Exception {
        long organisationId = api.createOrganisation("Torsås kommun");
        long round2025 = api.importSkattaLagetRound(organisationId, "2025", 0);
        long round2028 = api.importSkattaLagetRound(organisationId, "2028", 1);

        String text = assertAccessible("skatta-laget-round.pdf", download("/api/rounds/" + round2025 + "/report.pdf", "Torsas-kommun-2025-rapport.pdf"),
                Api.SKATTA_LAGET_ITEMS);
        for (String expected : List.of("Roller", "Ledning", "Stödfunktion", "Medarbetare", "Medelvärden per roll",
                "Kommentarer visas inte per påstående")) {
            assertTrue(text.contains(expected), () -> "the round report lacks \"" + expected + "\":\n" + text);
        }
        assertTrue(!text.contains("Summa"), "no sum of means where many answer:\n" + text);

        String compared = assertAccessible("skatta-laget-comparison.pdf", download("/api/comparisons/report.pdf?from=" + round2025 + "&to=" + round2028,
                "Torsas-kommun-2025-2028-rapport.pdf"), Api.SKATTA_LAGET_ITEMS);
        for (String expected : List.of("Tydliga förändringar", "tydlig förbättring", "Roller", "Medarbetare")) {
            assertTrue(compared.contains(expected), () -> "the comparison report lacks \"" + expected + "\":\n" + compared);
        }
    }

    @Test
    void aRoundWithoutSubmittedResponsesHasNoReportAndSaysWhatToDo() {
        long organisationId = api.createOrganisation("Kalmar kommun");
        long empty = api.createRound(organisationId, "checklist-systematik", "2025");
        long answered = api.checklistRound(organisationId, "2028", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        Map<String, Object> problem = api.problem(409, () -> download("/api/rounds/" + empty + "/report.pdf"));
        assertTrue(problem.get("detail").toString().contains("när minst ett svar har skickats in"), problem.toString());
        Map<String, Object> comparison = api.problem(409, () -> download("/api/comparisons/report.pdf?from=" + empty + "&to=" + answered));
        assertTrue(comparison.get("detail").toString().contains("inga inskickade svar"), comparison.toString());
        api.problem(409, () -> api.get("/api/comparisons?from=" + empty + "&to=" + answered));
        api.problem(404, () -> download("/api/rounds/999999999/report.pdf"));
        long otherOrganisation = api.checklistRound(api.createOrganisation("Mönsterås kommun"), "2028", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Api lead = api.userWithRole("PROJECT_LEAD", organisationId);
        api.problem(404, () -> lead.exchange(HttpRequest.GET("/api/rounds/" + otherOrganisation + "/report.pdf"), byte[].class));
    }

    /**
     * Passes PDF/UA-1 with no failed rule, has page numbers, every item code and a chart whose alt text points to
     * the table of its figures; returns the text.
     */
    private static String assertAccessible(String name, byte[] pdf, List<String> items) throws Exception {
        AccessiblePdf.keep(name, pdf);
        assertEquals(List.of(), AccessiblePdf.pdfUaFailures(pdf), "veraPDF, PDF/UA-1");
        List<String> figures = AccessiblePdf.figureAltTexts(pdf);
        assertEquals(1, figures.size(), figures::toString);
        assertTrue(figures.get(0).startsWith("Stapeldiagram över områdenas medelvärden")
                && figures.get(0).contains("skalan 1–4") && figures.get(0).contains("tabellen"), figures.get(0));
        // Table cells wrap their text; compare words, not lines.
        String text = AccessiblePdf.text(pdf).replaceAll("\\s+", " ");
        for (String item : items) {
            assertTrue(text.contains(item), () -> "no " + item + " in:\n" + text);
        }
        int pages = AccessiblePdf.pages(pdf);
        assertTrue(text.contains("Sida " + pages + " av " + pages), () -> "no page numbers in:\n" + text);
        return text;
    }


    private byte[] download(String uri, String asciiName) {
        HttpResponse<byte[]> response = api.exchange(HttpRequest.GET(uri), byte[].class);
        assertEquals(Download.PDF, response.getHeaders().get(HttpHeaders.CONTENT_TYPE));
        assertTrue(response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION).contains("filename=\"" + asciiName + "\""),
                response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION));
        return response.body();
    }

    private byte[] download(String uri) {
        return api.exchange(HttpRequest.GET(uri), byte[].class).body();
    }
}
