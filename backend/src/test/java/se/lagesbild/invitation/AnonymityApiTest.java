package se.lagesbild.invitation;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise the platform rests on: in a round answered by many through personal links, nothing the lead or an
 * administrator can read (every endpoint and export the web app uses for a round) pairs an address, a user or an
 * audit event with a response id, an answer or a submission time finer than a day.
 */
@MicronautTest(transactional = false)
class AnonymityApiTest extends ApiTest {

    private static final Set<String> PERSON_KEYS = Set.of("email", "username", "userId", "address");
    private static final Set<String> RESPONSE_KEYS = Set.of("responseId", "answers", "value", "submittedAt", "respondentKey");

    @Test
    void noEndpointOrExportTiesAPersonToAResponse() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        Api lead = api.userWithRole("PROJECT_LEAD", lund);
        long roundId = Api.id(lead.post("/api/rounds", Map.of("organisationId", lund, "instrumentCode", "skatta-laget", "label", "2025")));
        List<String> addresses = List.of("maria.berg", "anna.lind", "erik.holm", "sara.ek", "olof.ström", "lina.sjö").stream()
                .map(name -> name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@lund.se").toList();
        List<Map<String, Object>> links = (List<Map<String, Object>>) lead.post("/api/rounds/" + roundId + "/links",
                Map.of("emails", addresses)).get("links");
        assertEquals(6, links.size());

        Api nobody = api.anonymous();
        List<Long> responseIds = new ArrayList<>();
        List<String> submissionTimes = new ArrayList<>();
        String[] roles = {"ledning", "ledning", "stodfunktion", "stodfunktion", "medarbetare", "medarbetare"};
        for (int i = 0; i < links.size(); i++) {
            String url = (String) links.get(i).get("url");
            String token = url.substring(url.lastIndexOf('/') + 1);
            responseIds.add(Api.id(nobody.post("/api/s/" + token + "/response", Map.of("respondentRole", roles[i]))));
            nobody.put("/api/s/" + token + "/answers/SL-A1", Map.of("value", 1 + i % 4, "comment", "kommentar av person " + i));
            nobody.put("/api/s/" + token + "/answers/SL-B1", Map.of("value", 4 - i % 4));
            Map<String, Object> submitted = nobody.post("/api/s/" + token + "/submit", Map.of());
            submissionTimes.add((String) submitted.get("submittedAt"));
        }

        Map<String, String> read = new LinkedHashMap<>();
        for (Api reader : List.of(lead, api)) {
            String who = reader == lead ? "lead " : "admin ";
            for (String uri : List.of("/api/rounds/" + roundId, "/api/rounds/" + roundId + "/responses",
                    "/api/rounds/" + roundId + "/scores", "/api/rounds/" + roundId + "/participation",
                    "/api/rounds/" + roundId + "/links", "/api/rounds/" + roundId + "/invitations",
                    "/api/organisations/" + lund + "/rounds", "/api/organisations/" + lund + "/audit",
                    "/api/rounds/" + roundId + "/export/answers.csv", "/api/rounds/" + roundId + "/export/scores.csv",
                    "/api/rounds/" + roundId + "/links.csv", "/api/rounds/" + roundId + "/mail-texts")) {
                read.put(who + uri, reader.exchangeGet(uri).body());
            }
        }
        read.put("admin /api/users", api.exchangeGet("/api/users").body());

        List<String> findings = new ArrayList<>();
        read.forEach((source, body) -> {
            for (String time : submissionTimes) {
                // Everything here happens within a second or two, so the round's own times are compared to the millisecond.
                String second = time;
                // The audit trail holds the lead's own entries of the same second; its submission entries are checked below.
                if (!source.endsWith("/audit") && body.contains(second)) {
                    findings.add(source + " shows a submission time: " + second);
                }
                String local = DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(time).atZone(ZoneId.of("Europe/Stockholm")));
                if (source.endsWith(".csv") && body.contains(" " + local)) {
                    findings.add(source + " shows a submission time of day: " + local);
                }
            }
            if (body.startsWith("{") || body.startsWith("[")) {
                try {
                    walk(source, json.readValue(body, Argument.of(Object.class)), responseIds, findings);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        String answersCsv = read.get("lead /api/rounds/" + roundId + "/export/answers.csv");
        assertFalse(answersCsv.contains("Svar-id"), answersCsv);
        assertTrue(answersCsv.contains("kommentar av person 3"), "comments are exported where the round reaches the threshold");
        assertEquals(List.of(), findings);

        List<Map<String, Object>> audit = lead.getList("/api/organisations/" + lund + "/audit");
        assertEquals(1, audit.stream().filter(event -> ((String) event.get("action")).startsWith("response.")).count(),
                "one counted entry for the day, nothing per response: " + audit);
        Map<String, Object> submitted = audit.stream().filter(event -> "response.submitted".equals(event.get("action"))).findFirst().orElseThrow();
        assertEquals("6", submitted.get("detail"), "the audit trail counts submissions");
        assertEquals(null, submitted.get("username"));
        assertEquals("round", submitted.get("entityType"));
        assertTrue(((String) submitted.get("at")).matches("\\d{4}-\\d\\d-\\d\\dT(22|23):00:00Z"), "a day, not a time: " + submitted.get("at"));
        assertEquals(List.of(), lead.getList("/api/rounds/" + roundId + "/responses"), "no list of individual responses");
    }

    /** Every JSON object that names a person must not also carry a response's id, answers or submission time. */
    private static void walk(String source, Object node, List<Long> responseIds, List<String> findings) {
        if (node instanceof Map<?, ?> object) {
            boolean person = object.keySet().stream().anyMatch(PERSON_KEYS::contains);
            boolean response = object.keySet().stream().anyMatch(RESPONSE_KEYS::contains)
                    || "response".equals(object.get("entityType"))
                    || (object.get("id") instanceof Number id && responseIds.contains(id.longValue()) && object.containsKey("respondentRole"));
            if (person && response) {
                findings.add(source + " pairs a person with a response: " + object);
            }
            if ("response".equals(object.get("entityType")) || object.get("responseId") != null) {
                findings.add(source + " names a response: " + object);
            }
            object.values().forEach(value -> walk(source, value, responseIds, findings));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> walk(source, value, responseIds, findings));
        }
    }
}
