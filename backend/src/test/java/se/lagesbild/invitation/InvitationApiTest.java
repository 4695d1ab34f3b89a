package se.lagesbild.invitation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project lead invites respondents; the link is used once; the audit trail says who did what. */
@MicronautTest(transactional = false)
class InvitationApiTest extends ApiTest {

    @Test
    void anInvitedRespondentSetsAPasswordAnswersAndTheLeadSeesTheScoresAndTheAuditTrail() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        Api lead = api.userWithRole("PROJECT_LEAD", lund);
        long roundId = Api.id(lead.post("/api/rounds", Map.of("organisationId", lund, "instrumentCode", "checklist-systematik", "label", "2025")));
        String email = "anna-" + UUID.randomUUID() + "@lund.se";

        Map<String, Object> invitation = lead.post("/api/rounds/" + roundId + "/invitations", Map.of("email", email));
        String link = (String) invitation.get("link");
        assertTrue(link.matches("https?://[^/]+/inbjudan/[A-Za-z0-9_-]{43}"), link);
        String token = link.substring(link.lastIndexOf('/') + 1);

        Map<String, Object> preview = api.anonymous().get("/api/invitations/" + token);
        assertEquals(email, preview.get("email"));
        assertTrue(((String) preview.get("organisationName")).startsWith("Lunds kommun"));
        assertEquals("2025", preview.get("roundLabel"));
        assertEquals(false, preview.get("accountExists"));

        api.problem(400, () -> api.anonymous().post("/api/invitations/" + token + "/accept", Map.of("password", "kort")));
        Map<String, Object> accepted = api.anonymous().post("/api/invitations/" + token + "/accept", Map.of("password", "anna-har-ett-lösenord"));
        Api anna = api.as((String) accepted.get("accessToken"));
        long responseId = ((Number) accepted.get("responseId")).longValue();
        for (int i = 1; i <= 10; i++) {
            anna.answer(responseId, String.format("CS-%02d", i), i % 4 + 1, null);
        }
        anna.post("/api/responses/" + responseId + "/submit", Map.of());
        List<?> roles = (List<?>) anna.get("/api/auth/me").get("roles");
        assertEquals(1, roles.size());
        Map<?, ?> role = (Map<?, ?>) roles.get(0);
        assertEquals(lund, ((Number) role.get("organisationId")).longValue());
        assertEquals("RESPONDENT", role.get("role"));

        assertEquals(1, lead.get("/api/rounds/" + roundId + "/scores").get("respondents"));
        lead.problem(404, () -> lead.get("/api/responses/" + responseId));

        // The link works once
        api.problem(410, () -> api.anonymous().get("/api/invitations/" + token));
        api.problem(410, () -> api.anonymous().post("/api/invitations/" + token + "/accept", Map.of("password", "anna-har-ett-lösenord")));
        api.problem(404, () -> api.anonymous().get("/api/invitations/" + "x".repeat(43)));
        List<Map<String, Object>> invitations = lead.getList("/api/rounds/" + roundId + "/invitations");
        assertEquals(email, invitations.get(0).get("email"));
        assertTrue(invitations.get(0).get("acceptedAt") instanceof String);

        // Another organisation's lead sees none of it
        Api otherLead = api.userWithRole("PROJECT_LEAD", api.createOrganisation("Malmö stad " + UUID.randomUUID()));
        otherLead.problem(404, () -> otherLead.get("/api/rounds/" + roundId + "/scores"));
        otherLead.problem(404, () -> otherLead.post("/api/rounds/" + roundId + "/invitations", Map.of("email", "x@malmo.se")));

        List<Map<String, Object>> audit = lead.getList("/api/organisations/" + lund + "/audit");
        List<Object> actions = audit.stream().map(event -> event.get("action")).toList();
        assertTrue(actions.containsAll(List.of("round.created", "invitation.created", "invitation.accepted", "response.submitted")), actions.toString());
        Map<String, Object> submitted = audit.stream().filter(event -> "response.submitted".equals(event.get("action"))).findFirst().orElseThrow();
        assertEquals(email, submitted.get("username"));
        assertEquals(responseId, ((Number) submitted.get("entityId")).longValue());
        assertEquals("response.submitted", audit.get(0).get("action"), "newest first");
        anna.problem(404, () -> anna.get("/api/organisations/" + lund + "/audit"));
    }

    @Test
    void someoneWithAnAccountAcceptsWithTheirOwnPasswordAndChoosesTheirRoleForSkattaLaget() {
        long organisationId = api.createOrganisation("Region " + UUID.randomUUID());
        String email = "bo-" + UUID.randomUUID() + "@region.se";
        api.post("/api/users", Map.of("username", email, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisationId, "role", "RESPONDENT"))));
        long roundId = api.createRound(organisationId, "skatta-laget", "2025");
        String link = (String) api.post("/api/rounds/" + roundId + "/invitations", Map.of("email", email.toUpperCase())).get("link");
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertEquals(true, api.anonymous().get("/api/invitations/" + token).get("accountExists"));
        api.problem(401, () -> api.anonymous().post("/api/invitations/" + token + "/accept", Map.of("password", "inte-mitt-lösenord")));
        Map<String, Object> accepted = api.anonymous().post("/api/invitations/" + token + "/accept", Map.of("password", Api.USER_PASSWORD));
        assertNull(accepted.get("responseId"), "Skatta läget asks for the role: the person starts the response");
        assertEquals(roundId, ((Number) accepted.get("roundId")).longValue());
        Api bo = api.as((String) accepted.get("accessToken"));
        long responseId = Api.id(bo.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "medarbetare")));
        bo.answer(responseId, "SL-A1", 2, null);
        assertEquals(1, bo.getList("/api/rounds/" + roundId + "/responses").size());
    }

    @Test
    void aClosedRoundTakesNoInvitationsAndAnInvalidAddressIsExplained() {
        long organisationId = api.createOrganisation("Kommun " + UUID.randomUUID());
        long roundId = api.createRound(organisationId, "checklist-systematik", "2025");
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/rounds/" + roundId + "/invitations", Map.of("email", "inte en adress")));
        assertTrue(((String) problem.get("detail")).contains("e-postadress"));
        api.post("/api/rounds/" + roundId + "/close", Map.of());
        api.problem(409, () -> api.post("/api/rounds/" + roundId + "/invitations", Map.of("email", "sen@kommun.se")));
    }
}
