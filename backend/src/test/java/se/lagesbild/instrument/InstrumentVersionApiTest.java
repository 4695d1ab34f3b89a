package se.lagesbild.instrument;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new version of the checklist (CS-03 reworded, CS-11 added) is uploaded beside v1: rounds started on v1
 * stay on v1, new rounds take v2. Runs in a schema of its own, since it changes the latest version for
 * everyone.
 */
@MicronautTest(transactional = false)
class InstrumentVersionApiTest extends ApiTest {

    private static final String CHECKLIST = "checklist-systematik";

    @Override
    protected String isolatedSchema() {
        return "versions";
    }

    @Test
    void secondVersionLoadsBesideTheFirstAndRoundsKeepTheirVersion() throws IOException {
        long organisationId = api.createOrganisation("Lunds kommun");
        long roundOnV1 = api.createRound(organisationId, CHECKLIST, "2025");

        HttpResponse<String> created = upload(file("checklist-systematik-v2.yaml"));
        assertEquals(201, created.code());
        assertEquals(List.of(1, 2), api.getList("/api/instruments/" + CHECKLIST + "/versions").stream().map(v -> v.get("version")).toList());
        assertEquals(2, api.get("/api/instruments/" + CHECKLIST).get("version"));
        assertEquals("Högsta cheferna tar ansvar och ger förutsättningar för jämställdhetsintegrering.",
                text(api.get("/api/instruments/" + CHECKLIST + "/versions/1"), "CS-03"));
        assertEquals("Högsta cheferna tar ansvar för och ger förutsättningar för jämställdhetsintegrering i hela organisationen.",
                text(api.get("/api/instruments/" + CHECKLIST + "/versions/2"), "CS-03"));

        assertEquals(1, api.get("/api/rounds/" + roundOnV1).get("instrumentVersion"));
        long v1Response = api.startResponse(roundOnV1);
        api.answer(v1Response, "CS-10", 3, null);
        assertTrue(api.problem(404, () -> api.answer(v1Response, "CS-11", 3, null)).get("detail").toString().contains("version 1"));

        long roundOnV2 = api.createRound(organisationId, CHECKLIST, "2028");
        assertEquals(2, api.get("/api/rounds/" + roundOnV2).get("instrumentVersion"));
        long v2Response = api.startResponse(roundOnV2);
        api.answer(v2Response, "CS-11", 4, null);
        api.answer(v2Response, "CS-03", 3, null);
        api.post("/api/responses/" + v2Response + "/submit", Map.of());
        Map<String, Object> total = (Map<String, Object>) api.get("/api/rounds/" + roundOnV2 + "/scores").get("total");
        assertEquals(11, total.get("items"));

        // v1 (2025) against v2 (2028) compares by item code: the new item has an empty 2025 side.
        api.answer(v1Response, "CS-03", 2, null);
        api.post("/api/responses/" + v1Response + "/submit", Map.of());
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/comparisons?from=" + roundOnV1 + "&to=" + roundOnV2).get("items");
        Map<String, Object> cs11 = items.stream().filter(i -> i.get("code").equals("CS-11")).findFirst().orElseThrow();
        assertEquals(false, cs11.get("inFrom"));
        assertEquals(null, cs11.get("from"));
        assertEquals(4.0, cs11.get("to"));
        assertEquals(null, cs11.get("delta"));
        Map<String, Object> cs03 = items.stream().filter(i -> i.get("code").equals("CS-03")).findFirst().orElseThrow();
        assertEquals(List.of(2.0, 3.0, 1.0, "up"), List.of(cs03.get("from"), cs03.get("to"), cs03.get("delta"), cs03.get("direction")));
        assertEquals(11, items.size());
    }

    @Test
    void theListsOfInstrumentsCarryTheEnglishTitleForTheMenusInEnglish() {
        Map<String, Object> checklist = api.getList("/api/instruments").stream()
                .filter(i -> CHECKLIST.equals(i.get("code"))).findFirst().orElseThrow();
        assertEquals("Checklist for systematic gender mainstreaming", checklist.get("titleEn"));
        assertEquals("Checklist for systematic gender mainstreaming",
                api.getList("/api/instruments/" + CHECKLIST + "/versions").get(0).get("titleEn"));
    }

    @Test
    void uploadingTheSameVersionAgainChangesNothingButOtherContentIsRefused() throws IOException {
        String v2 = file("checklist-systematik-v2.yaml");
        upload(v2);
        assertEquals(200, upload(v2).code());
        Map<String, Object> problem = api.problem(409, () -> upload(v2.replace("brukarnas erfarenheter", "brukarnas röster")));
        assertTrue(problem.get("detail").toString().contains("version 3"), problem.toString());
    }

    @Test
    void brokenUploadNamesTheLineAndTheField() {
        String broken = """
                code: checklist-systematik
                version: 9
                title: Checklista
                kind: checklist
                scale:
                  - value: 1
                    label: Ett
                parts:
                  - code: a
                    title: A
                    items:
                      - code: CS-01
                """;
        Map<String, Object> problem = api.problem(400, () -> upload(broken));
        Map<String, Object> error = ((List<Map<String, Object>>) problem.get("errors")).get(0);
        assertEquals("parts[0].items[0].text", error.get("field"));
        assertTrue(error.get("message").toString().contains("line 12"), error.toString());
        api.problem(404, () -> api.get("/api/instruments/" + CHECKLIST + "/versions/9"));
    }

    private HttpResponse<String> upload(String definitionFile) {
        return api.exchange(HttpRequest.POST("/api/instruments", definitionFile)
                .contentType(MediaType.of("application/yaml")), String.class);
    }

    private static String file(String name) throws IOException {
        try (InputStream in = InstrumentVersionApiTest.class.getResourceAsStream("/instrument-uploads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(Map<String, Object> definition, String itemCode) {
        return ((List<Map<String, Object>>) definition.get("parts")).stream()
                .flatMap(part -> ((List<Map<String, Object>>) part.get("items")).stream())
                .filter(item -> item.get("code").equals(itemCode)).map(item -> item.get("text").toString())
                .findFirst().orElseThrow();
    }
}
