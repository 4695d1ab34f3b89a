package se.lagesbild.importing;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.lagesbild.round.SkattaLagetRound;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past rounds loaded from spreadsheets over HTTP into the real database: stored closed, scored like any
 * round, and refused whole, with every problem's row and column, when anything is wrong. The anonymity
 * threshold is 2 so that Skatta läget's two respondents per role show their role breakdown.
 */
@MicronautTest(transactional = false)
@Property(name = "lagesbild.anonymity-threshold", value = "2")
class RoundImportApiTest extends ApiTest {

    private static final String CHECKLIST = "checklist-systematik";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv";

    @Test
    void checklistFromXlsxBecomesAClosedRoundWithTheHandComputedScores() throws IOException {
        long organisationId = api.createOrganisation("Kalmar kommun");
        // Columns in another order than the instrument's, numbers as numbers and as text, one "Vet inte":
        // CS-01..CS-04 = 3, 2, 4, 3 | CS-05..CS-07 = 1, 2, Vet inte | CS-08..CS-10 = 3, 2, 4
        byte[] file = xlsx(
                List.of("CS-10", "CS-01", "CS-01 kommentar", "CS-02", "CS-03", "CS-04", "CS-05", "CS-06", "CS-07", "CS-08", "CS-09"),
                List.of(4.0, 3.0, "Beslut i fullmäktige 2023", "2", 4.0, 3.0, 1.0, "2", "vet inte", 3.0, 2.0));

        HttpResponse<String> created = api.exchangeMultipart(importUri(organisationId), form(CHECKLIST, "2025", "omgång 2025.xlsx", XLSX, file));
        assertEquals(201, created.code());
        Map<String, Object> imported = json.readValue(created.body(), Map.class);
        assertEquals(1, imported.get("responses"));
        assertEquals(10, imported.get("answers"));
        Map<String, Object> round = (Map<String, Object>) imported.get("round");
        long roundId = Api.id(round);
        assertEquals(round, api.get("/api/rounds/" + roundId));
        assertEquals(List.of(CHECKLIST, 1, "2025", "closed"), List.of(round.get("instrumentCode"), round.get("instrumentVersion"),
                round.get("label"), round.get("status")));
        assertTrue(round.get("closedAt") instanceof String);
        assertTrue(api.getList("/api/organisations/" + organisationId + "/rounds").stream().anyMatch(r -> r.equals(round)));

        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(1, scores.get("respondents"));
        Map<String, Object> total = (Map<String, Object>) scores.get("total");
        // sum 3+2+4+3 + 1+2 + 3+2+4 = 24 over nine items with a value; mean 24/9 = 2.67; CS-07 is missing, not zero
        assertEquals(List.of(24.0, 2.67, 9, 10, false), List.of(total.get("sum"), total.get("mean"), total.get("answered"),
                total.get("items"), total.get("complete")));
        // styrning (3+2+4+3)/4 = 3.0; statistik (1+2)/2 = 1.5; förbättring (3+2+4)/3 = 3.0
        assertEquals(List.of(3.0, 1.5, 3.0), ((List<Map<String, Object>>) scores.get("parts")).stream().map(p -> p.get("mean")).toList());
        assertEquals(1, SkattaLagetRound.item(scores, "CS-07").get("dontKnow"));

        List<Map<String, Object>> responses = api.getList("/api/rounds/" + roundId + "/responses");
        assertEquals(List.of("submitted"), responses.stream().map(r -> r.get("status")).toList());
        Map<String, Object> response = api.get("/api/responses/" + Api.id(responses.get(0)));
        List<Map<String, Object>> answers = (List<Map<String, Object>>) response.get("answers");
        assertEquals(10, answers.size());
        assertEquals(List.of("CS-01", 3, "Beslut i fullmäktige 2023"), List.of(answers.get(0).get("itemCode"), answers.get(0).get("value"),
                answers.get(0).get("comment")));
        assertTrue(answers.get(6).containsKey("value"));
        assertNull(answers.get(6).get("value"), "Vet inte is stored as null");
        assertTrue(answers.stream().allMatch(a -> a.get("answeredAt").equals(response.get("submittedAt"))), "answered at the import");
    }

    @Test
    void skattaLagetFromASemicolonCsvWithBomHasSixRespondentsAndTheRoleBreakdown() {
        long organisationId = api.createOrganisation("Lunds kommun, socialförvaltningen");
        // The six respondents of SkattaLagetRound, as Swedish Excel saves them ("CSV UTF-8": BOM, semicolons)
        String csv = """
                respondentRole;SL-A1;SL-A2;SL-B1;SL-A1 kommentar\r
                ledning;4;3;4;"Beslut finns; följs upp årligen"\r
                ledning;3;3;Vet inte;\r
                stodfunktion;2;2;3;\r
                stodfunktion;2;1;3;\r
                medarbetare;1;2;2;\r
                medarbetare;1;VET INTE;2;\r
                """;
        Map<String, Object> imported = api.postMultipart(importUri(organisationId),
                form("skatta-laget", "2025", "skatta-laget-2025.csv", CSV, withBom(csv)));
        assertEquals(List.of(6, 18), List.of(imported.get("responses"), imported.get("answers")));
        long roundId = Api.id((Map<String, Object>) imported.get("round"));

        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        assertEquals(6, scores.get("respondents"));
        SkattaLagetRound.assertRoundFigures(scores);
        List<Map<String, Object>> roles = (List<Map<String, Object>>) scores.get("roles");
        assertEquals(List.of("ledning", "stodfunktion", "medarbetare"), roles.stream().map(r -> r.get("code")).toList());
        assertEquals(List.of(2, 2, 2), roles.stream().map(r -> r.get("respondents")).toList());
        assertEquals(List.of(3.5, 2.17, 1.67), roles.stream().map(r -> ((Map<String, Object>) r.get("total")).get("mean")).toList());
    }

    @Test
    void aFileWithSeveralErrorsListsEachWithRowAndColumnAndStoresNothing() {
        long organisationId = api.createOrganisation("Växjö kommun");
        api.createRound(organisationId, CHECKLIST, "2028");
        List<Map<String, Object>> roundsBefore = api.getList("/api/organisations/" + organisationId + "/rounds");

        String csv = "CS-01;CS-02;CS-03;CS-04\n3;2;4;1\n7;2;x;\n1;Vet inte;2;0\n";
        Map<String, Object> problem = api.problem(400, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "checklista.csv", CSV, csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals("Filen har 3 fel; inget har lästs in.", problem.get("detail"));
        assertEquals(List.of(
                Map.of("field", "rad 3, kolumn A", "message", "Rad 3, kolumn A (CS-01): värdet 7 finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte."),
                Map.of("field", "rad 3, kolumn C", "message", "Rad 3, kolumn C (CS-03): värdet ”x” finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte."),
                Map.of("field", "rad 4, kolumn D", "message", "Rad 4, kolumn D (CS-04): värdet 0 finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte.")),
                problem.get("errors"));
        assertEquals(roundsBefore, api.getList("/api/organisations/" + organisationId + "/rounds"), "nothing was stored");
    }

    @Test
    void anUnknownItemColumnIsNamed() {
        long organisationId = api.createOrganisation("Ystads kommun");
        Map<String, Object> problem = api.problem(400, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "checklista.xlsx", XLSX, xlsx(List.of("CS-01", "CS-11"), List.of(2.0, 3.0)))));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertEquals(1, errors.size());
        assertEquals("CS-11", errors.get(0).get("field"));
        assertTrue(errors.get(0).get("message").toString().startsWith(
                "Kolumn B (CS-11): det finns inget påstående CS-11 i Checklista för systematik (version 1)."), errors.toString());
        assertTrue(api.getList("/api/organisations/" + organisationId + "/rounds").isEmpty());
    }

    @Test
    void vetInteIsAcceptedOnlyWhereTheInstrumentOffersIt() {
        long organisationId = api.createOrganisation("Trelleborgs kommun");
        Map<String, Object> imported = api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "checklista.csv", CSV, "CS-05,CS-06\nVet inte,2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(1, 2), List.of(imported.get("responses"), imported.get("answers")));
        long roundId = Api.id((Map<String, Object>) imported.get("round"));
        assertEquals(1, SkattaLagetRound.item(api.get("/api/rounds/" + roundId + "/scores"), "CS-05").get("dontKnow"));

        Map<String, Object> problem = api.problem(400, () -> api.postMultipart(importUri(organisationId),
                form("jamstalldhetstrappan", "2025", "trappan.csv", CSV, "JT\n3\nvet inte\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(Map.of("field", "rad 3, kolumn A", "message",
                "Rad 3, kolumn A (JT): värdet ”vet inte” finns inte på skalan. Tillåtna värden: 1, 2, 3, 4.")), problem.get("errors"));
    }

    @Test
    void theChosenInstrumentVersionIsKept() {
        long organisationId = api.createOrganisation("Karlskrona kommun");
        MultipartBody body = MultipartBody.builder()
                .addPart("file", "checklista.csv", MediaType.of(CSV), "CS-01\n4\n".getBytes(StandardCharsets.UTF_8))
                .addPart("instrumentCode", CHECKLIST).addPart("label", " 2025 ").addPart("instrumentVersion", "1").build();
        Map<String, Object> round = (Map<String, Object>) api.postMultipart(importUri(organisationId), body).get("round");
        assertEquals(List.of(1, "2025"), List.of(round.get("instrumentVersion"), round.get("label")));
    }

    @Test
    void unknownOrganisationInstrumentOrVersionIsNotFound() {
        long organisationId = api.createOrganisation("Kristianstads kommun");
        byte[] csv = "CS-01\n4\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(api.problem(404, () -> api.postMultipart(importUri(999999999L), form(CHECKLIST, "2025", "a.csv", CSV, csv)))
                .get("detail").toString().contains("999999999"));
        assertTrue(api.problem(404, () -> api.postMultipart(importUri(organisationId), form("no-such", "2025", "a.csv", CSV, csv)))
                .get("detail").toString().contains("no-such"));
        MultipartBody unknownVersion = MultipartBody.builder().addPart("file", "a.csv", MediaType.of(CSV), csv)
                .addPart("instrumentCode", CHECKLIST).addPart("label", "2025").addPart("instrumentVersion", "99").build();
        assertTrue(api.problem(404, () -> api.postMultipart(importUri(organisationId), unknownVersion)).get("detail").toString().contains("99"));
        MultipartBody notANumber = MultipartBody.builder().addPart("file", "a.csv", MediaType.of(CSV), csv)
                .addPart("instrumentCode", CHECKLIST).addPart("label", "2025").addPart("instrumentVersion", "ett").build();
        assertEquals("instrumentVersion", fields(api.problem(400, () -> api.postMultipart(importUri(organisationId), notANumber))).get(0));
        assertTrue(api.getList("/api/organisations/" + organisationId + "/rounds").isEmpty());
    }

    @Test
    void missingFileInstrumentOrLabelIsRefused() {
        long organisationId = api.createOrganisation("Helsingborgs stad");
        MultipartBody withoutFile = MultipartBody.builder().addPart("instrumentCode", CHECKLIST).addPart("label", "2025").build();
        assertEquals(List.of("file"), fields(api.problem(400, () -> api.postMultipart(importUri(organisationId), withoutFile))));
        MultipartBody withoutTheRest = MultipartBody.builder()
                .addPart("file", "a.csv", MediaType.of(CSV), "CS-01\n4\n".getBytes(StandardCharsets.UTF_8)).addPart("label", " ").build();
        assertEquals(List.of("instrumentCode", "label"), fields(api.problem(400, () -> api.postMultipart(importUri(organisationId), withoutTheRest))));
        assertTrue(api.getList("/api/organisations/" + organisationId + "/rounds").isEmpty());
    }

    @Test
    void noRowsTooManyRowsOrATooLargeFileIsRefused() {
        long organisationId = api.createOrganisation("Malmö stad");
        Map<String, Object> noRows = api.problem(400, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "tom.csv", CSV, "CS-01;CS-02\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(noRows.get("detail").toString().contains("Filen har inga svar"), noRows.toString());

        String rows = "CS-01\n" + "2\n".repeat(RoundImportService.MAX_RESPONSES + 1);
        Map<String, Object> tooMany = api.problem(400, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "många.csv", CSV, rows.getBytes(StandardCharsets.UTF_8))));
        assertEquals("Filen har fler än 5000 ifyllda rader under rubrikraden. En omgång som läses in kan ha högst 5000 svar.",
                tooMany.get("detail"));

        byte[] large = ("CS-01;CS-01 kommentar\n" + ("2;" + "x".repeat(1999) + "\n").repeat(3 * 1024)).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> tooLarge = api.problem(413, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "stor.csv", CSV, large)));
        assertEquals("Filen stor.csv är 5,9 MB; en fil som läses in får vara högst 5 MB.", tooLarge.get("detail"));
        byte[] beyondTheServersLimit = new byte[11 * 1024 * 1024];
        Map<String, Object> refusedByTheServer = api.problem(413, () -> api.postMultipart(importUri(organisationId),
                form(CHECKLIST, "2025", "enorm.csv", CSV, beyondTheServersLimit)));
        assertEquals("Begäran är för stor för att tas emot.", refusedByTheServer.get("detail"));
        assertTrue(api.getList("/api/organisations/" + organisationId + "/rounds").isEmpty());
    }

    @Test
    void aFileMustBeSentAsAForm() {
        long organisationId = api.createOrganisation("Lunds kommun");
        Map<String, Object> problem = api.problem(415, () -> api.post(importUri(organisationId),
                Map.of("instrumentCode", CHECKLIST, "label", "2025")));
        assertTrue(problem.get("detail").toString().contains("multipart/form-data"), problem.toString());
    }

    private static String importUri(long organisationId) {
        return "/api/organisations/" + organisationId + "/rounds/import";
    }

    private static MultipartBody form(String instrumentCode, String label, String fileName, String contentType, byte[] file) {
        return MultipartBody.builder().addPart("file", fileName, MediaType.of(contentType), file)
                .addPart("instrumentCode", instrumentCode).addPart("label", label).build();
    }

    private static List<Object> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        return file;
    }

    /** A workbook whose first sheet has the header and one row; numbers as numeric cells, text as text cells. */
    private static byte[] xlsx(List<String> header, List<Object> row) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Omgång 2025");
            Row headerRow = sheet.createRow(0);
            Row valueRow = sheet.createRow(1);
            for (int column = 0; column < header.size(); column++) {
                headerRow.createCell(column).setCellValue(header.get(column));
                if (row.get(column) instanceof Double number) {
                    valueRow.createCell(column).setCellValue(number);
                } else {
                    valueRow.createCell(column).setCellValue((String) row.get(column));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
