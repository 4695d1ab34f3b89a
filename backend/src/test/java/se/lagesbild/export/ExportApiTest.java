package se.lagesbild.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports over HTTP with the real database, read back with the libraries a person's tools use: the CSV
 * with Commons CSV, the XLSX with POI, the PDF with PDFBox. The figures are the API's own (the checklist
 * rounds of {@code ComparisonApiTest}: total 1.44 → 2.40, +0.96), compared as numbers.
 */
@MicronautTest(transactional = false)
class ExportApiTest extends ApiTest {

    private static final String CHECKLIST = "checklist-systematik";
    private static final String ORGANISATION = "Mörbylånga kommun";

    @Test
    void scoresInCsvAndXlsxAreTheApisFigures() {
        long roundId = api.checklistRound(api.createOrganisation(ORGANISATION), "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, null);
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");

        byte[] csv = download("/api/rounds/" + roundId + "/export/scores.csv", Download.CSV,
                "Morbylanga-kommun-2025-resultat.csv", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-resultat.csv");
        assertArrayEquals(ExportedTable.BYTE_ORDER_MARK, Arrays.copyOf(csv, 3), "UTF-8 byte order mark for Excel");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("Nivå;Kod;Text;Medelvärde;n;Min;Max;Standardavvikelse;Vet inte"), text);
        assertTrue(text.contains("Område;styrning;Styrning och ledning;1,50;"), text);
        assertTrue(text.contains("Jämställdhet synliggörs i hela styrkedjan"), text);
        byte[] xlsx = download("/api/rounds/" + roundId + "/export/scores.xlsx", Download.XLSX,
                "Morbylanga-kommun-2025-resultat.xlsx", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-resultat.xlsx");

        for (ExportedTable table : List.of(ExportedTable.csv(csv), ExportedTable.xlsx(xlsx))) {
            Map<String, Object> total = (Map<String, Object>) scores.get("total");
            Map<String, Object> totalRow = table.row("Totalt", null);
            assertEquals("Checklista för systematik", totalRow.get("Text"));
            table.assertFigure(total.get("mean"), totalRow, "Medelvärde");
            table.assertFigure(total.get("sum"), totalRow, "Summa");
            table.assertFigure(scores.get("respondents"), totalRow, "n");
            for (Map<String, Object> part : (List<Map<String, Object>>) scores.get("parts")) {
                table.assertFigure(part.get("mean"), table.row("Område", (String) part.get("code")), "Medelvärde");
            }
            List<Map<String, Object>> items = (List<Map<String, Object>>) scores.get("items");
            assertEquals(10, items.size());
            for (Map<String, Object> item : items) {
                Map<String, Object> row = table.row("Påstående", (String) item.get("code"));
                Map.of("mean", "Medelvärde", "n", "n", "min", "Min", "max", "Max", "stdDev", "Standardavvikelse",
                        "dontKnow", "Vet inte").forEach((field, column) -> table.assertFigure(item.get(field), row, column));
            }
            assertEquals(1.0, table.row("Påstående", "CS-10").get("Vet inte"), "CS-10 was answered Vet inte");
            assertNull(table.row("Påstående", "CS-10").get("Medelvärde"));
        }
    }

    @Test
    void comparisonInCsvAndXlsxIsTheApisComparisonWithActions() {
        long organisationId = api.createOrganisation(ORGANISATION);
        long round2025 = api.checklistRound(organisationId, "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, null);
        api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-06",
                "what", "Analysera ärendestatistiken uppdelad på kön varje kvartal", "who", "Verksamhetsutvecklare",
                "dueDate", "2026-06-30", "status", "done"));
        long round2028 = api.checklistRound(organisationId, "2028", 3, 3, 2, 2, 3, 2, 2, 2, 3, 2);
        String query = "?from=" + round2025 + "&to=" + round2028;
        Map<String, Object> comparison = api.get("/api/comparisons" + query);

        byte[] csv = download("/api/comparisons/export.csv" + query, Download.CSV,
                "Morbylanga-kommun-2025-2028-jamforelse.csv", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-2028-j%C3%A4mf%C3%B6relse.csv");
        assertArrayEquals(ExportedTable.BYTE_ORDER_MARK, Arrays.copyOf(csv, 3));
        byte[] xlsx = download("/api/comparisons/export.xlsx" + query, Download.XLSX,
                "Morbylanga-kommun-2025-2028-jamforelse.xlsx", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-2028-j%C3%A4mf%C3%B6relse.xlsx");

        Map<String, String> words = Map.of("up", "upp", "down", "ned", "same", "oförändrad");
        for (ExportedTable table : List.of(ExportedTable.csv(csv), ExportedTable.xlsx(xlsx))) {
            assertEquals(List.of("Nivå", "Kod", "Text", "Från 2025", "Till 2028", "Förändring", "Riktning", "n från", "n till",
                    "Åtgärder"), table.headers());
            Map<String, Object> total = (Map<String, Object>) comparison.get("total");
            Map<String, Object> totalRow = table.row("Totalt", null);
            table.assertFigure(total.get("from"), totalRow, "Från 2025");
            table.assertFigure(total.get("to"), totalRow, "Till 2028");
            table.assertFigure(total.get("delta"), totalRow, "Förändring");
            assertEquals(0.96, (Double) totalRow.get("Förändring"), 1e-9);
            assertEquals("upp", totalRow.get("Riktning"));
            for (Map<String, Object> part : (List<Map<String, Object>>) comparison.get("parts")) {
                Map<String, Object> row = table.row("Område", (String) part.get("code"));
                table.assertFigure(part.get("from"), row, "Från 2025");
                table.assertFigure(part.get("to"), row, "Till 2028");
                table.assertFigure(part.get("delta"), row, "Förändring");
            }
            for (Map<String, Object> item : (List<Map<String, Object>>) comparison.get("items")) {
                Map<String, Object> row = table.row("Påstående", (String) item.get("code"));
                Map.of("from", "Från 2025", "to", "Till 2028", "delta", "Förändring", "fromN", "n från", "toN", "n till")
                        .forEach((field, column) -> table.assertFigure(item.get(field), row, column));
                assertEquals(item.get("direction") == null ? null : words.get(item.get("direction")), row.get("Riktning"),
                        table.name() + " " + item.get("code"));
            }
            assertEquals("oförändrad", table.row("Påstående", "CS-03").get("Riktning"));
            assertEquals("Åtgärd: Analysera ärendestatistiken uppdelad på kön varje kvartal (Verksamhetsutvecklare, "
                    + "senast 2026-06-30) — genomförd", table.row("Påstående", "CS-06").get("Åtgärder"));
            assertNull(table.row("Påstående", "CS-01").get("Åtgärder"));
        }
    }

    @Test
    void pdfReportNamesTheOrganisationTheRoundsAndTheTotalChange() throws IOException {
        long organisationId = api.createOrganisation(ORGANISATION);
        long round2025 = api.checklistRound(organisationId, "2025", 1, 2, 2, 1, 2, 1, 1, 1, 2, null);
        api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-06",
                "what", "Analysera ärendestatistiken uppdelad på kön", "status", "ongoing"));
        long round2028 = api.checklistRound(organisationId, "2028", 3, 3, 2, 2, 3, 2, 2, 2, 1, 2);

        String text = pdfText(download("/api/comparisons/report.pdf?from=" + round2025 + "&to=" + round2028, Download.PDF,
                "Morbylanga-kommun-2025-2028-rapport.pdf", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-2028-rapport.pdf"));
        // 2028 here: CS-09 fell from 2 to 1, so the total is 22/10 = 2.2 and the change +0.76.
        for (String expected : List.of(ORGANISATION, "Checklista för systematik", "Jämförelse av omgång 2025 och omgång 2028",
                "Medelvärde totalt 1,44 2,20 +0,76", "Styrning och ledning 1,50 2,50 +1,00", "Tydliga förändringar",
                "besvaras av en person", "CS-09", "-1,00", "Förbättringsåtgärder", "Analysera ärendestatistiken uppdelad på kön",
                "pågår")) {
            assertTrue(text.contains(expected), () -> "the report lacks \"" + expected + "\":\n" + text);
        }
    }

    @Test
    void figuresOfTooFewRespondentsAreWrittenDoltAndTheirRawAnswersAreRefused() throws IOException {
        long organisationId = api.createOrganisation("Skurups kommun");
        long few = api.skattaLagetRound(organisationId, "2025", 3);
        long many = api.skattaLagetRound(organisationId, "2028", 5);

        for (ExportedTable table : List.of(ExportedTable.csv(download("/api/rounds/" + few + "/export/scores.csv")),
                ExportedTable.xlsx(download("/api/rounds/" + few + "/export/scores.xlsx")))) {
            Map<String, Object> total = table.row("Totalt", null);
            assertEquals(List.of("Dolt", "Dolt"), List.of(total.get("Medelvärde"), total.get("Summa")), table.name());
            assertEquals(3.0, total.get("n"), "how many answered is shown, as in the API");
            assertEquals("Dolt", table.row("Område", "A").get("Medelvärde"));
            for (Map<String, Object> row : table.rows()) {
                if ("Påstående".equals(row.get("Nivå"))) {
                    for (String column : List.of("Medelvärde", "n", "Min", "Max", "Standardavvikelse", "Vet inte")) {
                        assertEquals("Dolt", row.get(column), table.name() + " " + row.get("Kod") + " " + column);
                    }
                }
            }
        }
        String query = "?from=" + few + "&to=" + many;
        for (ExportedTable table : List.of(ExportedTable.csv(download("/api/comparisons/export.csv" + query)),
                ExportedTable.xlsx(download("/api/comparisons/export.xlsx" + query)))) {
            Map<String, Object> a1 = table.row("Påstående", "SL-A1");
            assertEquals(List.of("Dolt", 3.0, "Dolt", 5.0), List.of(a1.get("Från 2025"), a1.get("Till 2028"), a1.get("n från"),
                    a1.get("n till")), table.name());
            assertNull(a1.get("Förändring"));
        }
        String report = pdfText(download("/api/comparisons/report.pdf" + query));
        assertTrue(report.contains("Medelvärde totalt Dolt"), report);
        assertTrue(report.contains("färre än 5 svarande"), report);

        Map<String, Object> refused = api.problem(409, () -> download("/api/rounds/" + few + "/export/answers.csv"));
        assertTrue(refused.get("detail").toString().contains("minst 5"), refused.toString());
        api.problem(409, () -> download("/api/rounds/" + few + "/export/answers.xlsx"));
        ExportedTable answers = ExportedTable.csv(download("/api/rounds/" + many + "/export/answers.csv"));
        assertEquals(5, answers.rows().size());
        assertTrue(answers.rows().stream().allMatch(row -> "Medarbetare".equals(row.get("Roll")) && 3.0 == (Double) row.get("SL-A1")),
                answers.rows().toString());
    }

    @Test
    void rawAnswersHaveARowPerSubmittedResponseAndAColumnPerItem() {
        long roundId = api.createRound(api.createOrganisation(ORGANISATION), CHECKLIST, "2025");
        long responseId = api.startResponse(roundId);
        api.answer(responseId, "CS-01", 2, "Beslut i fullmäktige, §12 – mål för jämställdhet");
        api.answer(responseId, "CS-02", null, "=HYPERLINK(\"http://example.org\")");
        api.post("/api/responses/" + responseId + "/submit", Map.of());
        api.answer(api.startResponse(roundId), "CS-01", 4, null);

        byte[] csv = download("/api/rounds/" + roundId + "/export/answers.csv", Download.CSV,
                "Morbylanga-kommun-2025-svar.csv", "M%C3%B6rbyl%C3%A5nga%20kommun-2025-svar.csv");
        byte[] xlsx = download("/api/rounds/" + roundId + "/export/answers.xlsx");
        for (ExportedTable table : List.of(ExportedTable.csv(csv), ExportedTable.xlsx(xlsx))) {
            assertEquals(List.of("Svar-id", "Roll", "Inskickat", "CS-01", "CS-02", "CS-03"), table.headers().subList(0, 6));
            assertEquals("CS-01 kommentar", table.headers().get(13));
            assertEquals(1, table.rows().size(), "the unsubmitted response is left out");
            Map<String, Object> row = table.rows().get(0);
            assertEquals((double) responseId, row.get("Svar-id"));
            assertEquals(List.of(2.0, "Vet inte"), List.of(row.get("CS-01"), row.get("CS-02")));
            assertNull(row.get("CS-03"), "an unanswered item is empty");
            assertEquals("Beslut i fullmäktige, §12 – mål för jämställdhet", row.get("CS-01 kommentar"));
            assertNull(row.get("Roll"));
            assertTrue(row.get("Inskickat") != null);
        }
        assertTrue(new String(csv, StandardCharsets.UTF_8).contains(";\"'=HYPERLINK(\"\"http://example.org\"\")\""),
                "a comment Excel would run as a formula is written as text");
        assertEquals("=HYPERLINK(\"http://example.org\")", ExportedTable.xlsx(xlsx).rows().get(0).get("CS-02 kommentar"));
    }

    @Test
    void unknownRoundsFormatsAndMismatchedRoundsAreProblems() {
        long organisationId = api.createOrganisation("Borgholms kommun");
        long checklist = api.checklistRound(organisationId, "2025", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        long staircase = api.createRound(organisationId, "jamstalldhetstrappan", "2025");
        long otherOrganisation = api.checklistRound(api.createOrganisation("Emmaboda kommun"), "2028", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);

        api.problem(404, () -> download("/api/rounds/999999999/export/scores.csv"));
        api.problem(404, () -> download("/api/rounds/999999999/export/answers.xlsx"));
        Map<String, Object> format = api.problem(404, () -> download("/api/rounds/" + checklist + "/export/scores.ods"));
        assertTrue(format.get("detail").toString().contains("csv eller xlsx"), format.toString());
        api.problem(404, () -> download("/api/comparisons/export.csv?from=" + checklist + "&to=" + otherOrganisation));
        api.problem(404, () -> download("/api/comparisons/report.pdf?from=" + checklist + "&to=999999999"));
        api.problem(400, () -> download("/api/comparisons/report.pdf?from=" + checklist + "&to=" + staircase));
        api.problem(400, () -> download("/api/comparisons/export.xlsx?from=" + checklist));
    }

    /** Downloads a file, checking its content type and that it comes as an attachment under these names. */
    private byte[] download(String uri, String contentType, String asciiName, String encodedName) {
        HttpResponse<byte[]> response = api.exchange(HttpRequest.GET(uri), byte[].class);
        assertEquals(contentType, response.getHeaders().get(HttpHeaders.CONTENT_TYPE));
        assertEquals("attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encodedName,
                response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION));
        return response.body();
    }

    private byte[] download(String uri) {
        return api.exchange(HttpRequest.GET(uri), byte[].class).body();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
