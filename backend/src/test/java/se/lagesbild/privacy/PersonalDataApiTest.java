package se.lagesbild.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator exports what the platform holds about one person, and erases it. */
@MicronautTest(transactional = false)
class PersonalDataApiTest extends ApiTest {

    @Test
    void everythingHeldAboutAnAddressIsExportedAndThenErased() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        String email = "maria.berg-" + UUID.randomUUID() + "@lund.se";
        long checklist = api.createRound(lund, "checklist-systematik", "2025");
        long skattaLaget = api.createRound(lund, "skatta-laget", "2025");
        api.post("/api/rounds/" + checklist + "/invitations", Map.of("email", email));
        api.post("/api/rounds/" + skattaLaget + "/links", Map.of("emails", List.of(email)));
        api.post("/api/users", Map.of("username", email, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", lund, "role", "PROJECT_LEAD"))));
        Api maria = api.login(email, Api.USER_PASSWORD);
        long hers = maria.createRound(lund, "checklist-systematik", "2026");

        Map<String, Object> held = api.get("/api/personal-data?email=" + email);
        assertEquals(email, ((Map<String, Object>) held.get("account")).get("username"));
        assertEquals(List.of(checklist), ((List<Map<String, Object>>) held.get("invitations")).stream()
                .map(i -> ((Number) i.get("roundId")).longValue()).toList());
        assertEquals(List.of(skattaLaget), ((List<Map<String, Object>>) held.get("surveyLinks")).stream()
                .map(l -> ((Number) l.get("roundId")).longValue()).toList());
        List<Map<String, Object>> entries = (List<Map<String, Object>>) held.get("auditEntries");
        assertTrue(entries.stream().anyMatch(e -> "round.created".equals(e.get("action")) && email.equals(e.get("username"))), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> "invitation.created".equals(e.get("action"))), entries::toString);

        Map<String, Object> erased = api.exchange(io.micronaut.http.HttpRequest.DELETE("/api/personal-data?email=" + email), String.class)
                .getBody(String.class).map(body -> {
                    try {
                        return json.readValue(body, Map.class);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).orElseThrow();
        assertEquals(true, erased.get("account"));

        Map<String, Object> after = api.get("/api/personal-data?email=" + email);
        assertNull(after.get("account"));
        assertEquals(List.of(), after.get("invitations"));
        assertEquals(List.of(), after.get("surveyLinks"));
        assertEquals(List.of(), after.get("auditEntries"));
        String trail = api.exchangeGet("/api/organisations/" + lund + "/audit").body();
        assertFalse(trail.contains(email), trail);
        assertTrue(trail.contains("(borttagen)"), "what was done stays, by nobody: " + trail);
        api.problem(401, () -> maria.get("/api/auth/me"));
        assertEquals(hers, Api.id(api.get("/api/rounds/" + hers)), "her round stays the organisation's");
        api.problem(400, () -> api.get("/api/personal-data?email=inte-en-adress"));
    }
}
