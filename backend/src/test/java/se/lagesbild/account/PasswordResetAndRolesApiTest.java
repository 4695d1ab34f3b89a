package se.lagesbild.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Glömt lösenord?" through an administrator's link, and roles taken away ending sessions at once. */
@MicronautTest(transactional = false)
class PasswordResetAndRolesApiTest extends ApiTest {

    @Test
    void anAdministratorsLinkSetsANewPasswordOnceAndEndsEverySession() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        String username = "glomsk-" + UUID.randomUUID() + "@lund.se";
        long userId = Api.id(api.post("/api/users", Map.of("username", username, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", lund, "role", "RESPONDENT")))));
        Api before = api.login(username, Api.USER_PASSWORD);

        assertEquals(false, api.anonymous().get("/api/auth/password-reset").get("selfService"), "no e-mail here: ask an administrator");
        api.problem(409, () -> api.anonymous().post("/api/auth/password-reset", Map.of("username", username)));
        String link = (String) api.post("/api/users/" + userId + "/password-reset", Map.of()).get("link");
        assertTrue(link.matches("https?://[^/]+/nytt-losenord/[A-Za-z0-9_-]{43}"), link);
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertEquals(username, api.anonymous().get("/api/auth/password-reset/" + token).get("username"));
        api.problem(400, () -> api.anonymous().post("/api/auth/password-reset/" + token, Map.of("password", "kort")));
        assertEquals(204, api.anonymous().exchangePost("/api/auth/password-reset/" + token, Map.of("password", "ett-helt-nytt-lösenord")).code());

        api.problem(401, () -> before.get("/api/auth/me"));
        api.problem(401, () -> api.login(username, Api.USER_PASSWORD));
        assertEquals(username, api.login(username, "ett-helt-nytt-lösenord").get("/api/auth/me").get("username"));
        assertTrue(((String) api.problem(410, () -> api.anonymous().get("/api/auth/password-reset/" + token)).get("detail"))
                .contains("redan använd"));
        api.problem(404, () -> api.anonymous().get("/api/auth/password-reset/" + "x".repeat(43)));
    }

    @Test
    void takingARoleAwayEndsThePersonsSessionsAddingOneDoesNot() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        long malmo = api.createOrganisation("Malmö stad " + UUID.randomUUID());
        String username = "roller-" + UUID.randomUUID() + "@lund.se";
        long userId = Api.id(api.post("/api/users", Map.of("username", username, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", lund, "role", "PROJECT_LEAD")))));
        Api lead = api.login(username, Api.USER_PASSWORD);
        assertEquals(1, ((List<?>) lead.get("/api/auth/me").get("roles")).size(), "the session is now remembered with one role");

        api.put("/api/users/" + userId + "/roles", Map.of("roles", List.of(Map.of("organisationId", lund, "role", "PROJECT_LEAD"),
                Map.of("organisationId", malmo, "role", "RESPONDENT"))));
        Map<String, Object> me = lead.get("/api/auth/me");
        assertEquals(username, me.get("username"), "a role added keeps the session");
        assertEquals(List.of("PROJECT_LEAD", "RESPONDENT"), ((List<Map<String, Object>>) me.get("roles")).stream()
                .map(r -> r.get("role")).sorted().toList(), "and the session has the new role at once (the session cache forgot it)");

        api.put("/api/users/" + userId + "/roles", Map.of("roles", List.of(Map.of("organisationId", lund, "role", "RESPONDENT"))));
        api.problem(401, () -> lead.get("/api/auth/me"));
        Map<String, Object> again = api.login(username, Api.USER_PASSWORD).get("/api/auth/me");
        assertEquals(List.of("RESPONDENT"), ((List<Map<String, Object>>) again.get("roles")).stream().map(r -> r.get("role")).toList());
    }
}
