package se.lagesbild.access;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, for every {@code /api} route the application has: each route has a rule here, and the test
 * fails for a route without one, so a new endpoint cannot ship without deciding who may call it. Each rule makes its
 * own fresh resources in organisation A (as the administrator) and then calls the route once as each kind of caller:
 * nobody signed in, the administrator, A's project lead, A's respondent (who owns the responses of the rule), A's
 * facilitator, and the project lead of organisation B. Across organisations the answer is 404, never 403.
 */
@MicronautTest(transactional = false)
class AccessMatrixApiTest extends ApiTest {

    enum Who { ANONYMOUS, ADMIN, LEAD, RESPONDENT, FACILITATOR, OTHER_LEAD }

    @Inject
    Router router;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private long organisationA;
    private final Map<Who, String[]> credentials = new EnumMap<>(Who.class);
    private final Map<Who, Api> callers = new EnumMap<>(Who.class);

    @BeforeAll
    void people() {
        organisationA = api.createOrganisation("Organisation A " + UUID.randomUUID());
        long organisationB = api.createOrganisation("Organisation B " + UUID.randomUUID());
        credentials.put(Who.ADMIN, new String[] {Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD});
        credentials.put(Who.LEAD, user("PROJECT_LEAD", organisationA));
        credentials.put(Who.RESPONDENT, user("RESPONDENT", organisationA));
        credentials.put(Who.FACILITATOR, user("FACILITATOR", organisationA));
        credentials.put(Who.OTHER_LEAD, user("PROJECT_LEAD", organisationB));
        for (Who who : Who.values()) {
            callers.put(who, who == Who.ANONYMOUS ? api.anonymous() : login(who));
        }
    }

    private String[] user(String role, long organisation) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID() + "@a.se";
        api.post("/api/users", Map.of("username", username, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisation, "role", role))));
        return new String[] {username, Api.USER_PASSWORD};
    }

    private Api login(Who who) {
        return api.login(credentials.get(who)[0], credentials.get(who)[1]);
    }

    /** One call of a route, built on fresh resources; a participant's calls carry their token. */
    record Call(HttpMethod method, String uri, Object body, MediaType type, Map<String, String> headers) {
        Call(HttpMethod method, String uri, Object body, MediaType type) {
            this(method, uri, body, type, Map.of());
        }

        static Call of(HttpMethod method, String uri, Object body) {
            return new Call(method, uri, body, MediaType.APPLICATION_JSON_TYPE);
        }

        static Call participant(HttpMethod method, String uri, Object body, String token) {
            return new Call(method, uri, body, MediaType.APPLICATION_JSON_TYPE, Map.of("X-Participant-Token", token));
        }
    }

    /** A route's rule: how to make a call of it, and the status each caller gets. */
    record Rule(Function<AccessMatrixApiTest, Call> call, Map<Who, Integer> expected) {
    }

    // Expected statuses: anonymous, admin, lead of A, respondent of A, facilitator of A, lead of B.
    private static Map<Who, Integer> expect(int anonymous, int admin, int lead, int respondent, int facilitator, int otherLead) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        expected.put(Who.ANONYMOUS, anonymous);
        expected.put(Who.ADMIN, admin);
        expected.put(Who.LEAD, lead);
        expected.put(Who.RESPONDENT, respondent);
        expected.put(Who.FACILITATOR, facilitator);
        expected.put(Who.OTHER_LEAD, otherLead);
        return expected;
    }

    /** Readers of organisation A's rounds and results. */
    private static Map<Who, Integer> view(int ok) {
        return expect(401, ok, ok, ok, 404, 404);
    }

    /** Project leads of organisation A (and administrators). */
    private static Map<Who, Integer> manage(int ok) {
        return expect(401, ok, ok, 404, 404, 404);
    }

    /** The respondent's own response (and administrators). */
    private static Map<Who, Integer> owner(int ok) {
        return expect(401, ok, 404, ok, 404, 404);
    }

    private static Map<Who, Integer> signedIn(int ok) {
        return expect(401, ok, ok, ok, ok, ok);
    }

    private static Map<Who, Integer> adminOnly(int ok) {
        return expect(401, ok, 403, 403, 403, 403);
    }

    /** The facilitator who runs the workshop (and administrators); other roles may not run workshops at all. */
    private static Map<Who, Integer> runsWorkshop(int ok) {
        return expect(401, ok, 403, 403, ok, 403);
    }

    private static Map<Who, Integer> anyone(int ok) {
        return expect(ok, ok, ok, ok, ok, ok);
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // Accounts
            Map.entry("POST /api/auth/login", new Rule(t -> Call.of(HttpMethod.POST, "/api/auth/login",
                    Map.of("username", t.credentials.get(Who.RESPONDENT)[0], "password", Api.USER_PASSWORD)), anyone(200))),
            Map.entry("POST /api/auth/logout", new Rule(t -> Call.of(HttpMethod.POST, "/api/auth/logout", Map.of()), anyone(204))),
            Map.entry("GET /api/auth/me", new Rule(t -> Call.of(HttpMethod.GET, "/api/auth/me", null), signedIn(200))),
            Map.entry("GET /api/auth/methods", new Rule(t -> Call.of(HttpMethod.GET, "/api/auth/methods", null), anyone(200))),
            // Without a provider configured (as here) the password form cannot be closed; opening it is the administrator's.
            Map.entry("PUT /api/auth/methods", new Rule(t -> Call.of(HttpMethod.PUT, "/api/auth/methods", Map.of("password", true)), adminOnly(200))),
            // Signing in through a provider is for anyone; with none configured (as here) each step leads to the error
            // page (303). SingleSignOnApiTest goes through them with a provider.
            Map.entry("GET /api/auth/oidc/{provider}/login", new Rule(t -> Call.of(HttpMethod.GET, "/api/auth/oidc/lund/login", null), anyone(303))),
            Map.entry("GET /api/auth/oidc/{provider}/callback", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/auth/oidc/lund/callback?code=abc&state=def", null), anyone(303))),
            Map.entry("GET /api/auth/oidc/{provider}/logout", new Rule(t -> Call.of(HttpMethod.GET, "/api/auth/oidc/lund/logout", null), anyone(303))),
            Map.entry("GET /api/setup", new Rule(t -> Call.of(HttpMethod.GET, "/api/setup", null), anyone(200))),
            Map.entry("POST /api/setup", new Rule(t -> Call.of(HttpMethod.POST, "/api/setup",
                    Map.of("username", "someone@a.se", "password", "ett-långt-lösenord")), anyone(409))),
            Map.entry("GET /api/users", new Rule(t -> Call.of(HttpMethod.GET, "/api/users", null), adminOnly(200))),
            Map.entry("POST /api/users", new Rule(t -> Call.of(HttpMethod.POST, "/api/users", Map.of("username",
                    "new-" + UUID.randomUUID() + "@a.se", "password", Api.USER_PASSWORD, "roles", List.of())), adminOnly(201))),
            Map.entry("PUT /api/users/{userId}/disabled", new Rule(t -> Call.of(HttpMethod.PUT, "/api/users/" + t.newUser() + "/disabled",
                    Map.of("disabled", true)), adminOnly(200))),
            Map.entry("PUT /api/users/{userId}/roles", new Rule(t -> Call.of(HttpMethod.PUT, "/api/users/" + t.newUser() + "/roles",
                    Map.of("roles", List.of(Map.of("organisationId", t.organisationA, "role", "RESPONDENT")))), adminOnly(200))),
            Map.entry("POST /api/rounds/{roundId}/invitations", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/rounds/" + t.checklistRound() + "/invitations", Map.of("email", "invited@a.se")), manage(201))),
            Map.entry("GET /api/rounds/{roundId}/invitations", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/invitations", null), manage(200))),
            Map.entry("GET /api/invitations/{token}", new Rule(t -> Call.of(HttpMethod.GET, "/api/invitations/" + t.invitationToken(), null),
                    anyone(200))),
            Map.entry("POST /api/invitations/{token}/accept", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/invitations/" + t.invitationToken() + "/accept", Map.of("password", Api.USER_PASSWORD)), anyone(200))),
            Map.entry("GET /api/organisations/{organisationId}/audit", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/organisations/" + t.organisationA + "/audit", null), manage(200))),
            // Workshops: the facilitator's side
            Map.entry("POST /api/workshops", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops",
                    Map.of("title", "Trappan", "organisationId", t.organisationA)), expect(401, 201, 403, 403, 201, 403))),
            Map.entry("GET /api/workshops", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops", null), runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop(), null), runsWorkshop(200))),
            Map.entry("POST /api/workshops/{id}/open", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops/" + t.workshop() + "/open", Map.of()),
                    runsWorkshop(200))),
            Map.entry("POST /api/workshops/{id}/close", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops/" + t.openWorkshop() + "/close",
                    Map.of("confirm", true)), runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/activities", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/activities",
                    null), runsWorkshop(200))),
            Map.entry("POST /api/workshops/{id}/activities", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops/" + t.openWorkshop()
                    + "/activities", Map.of("kind", "openQuestion", "text", "Vad tar du med dig?")), runsWorkshop(201))),
            Map.entry("PUT /api/workshops/{id}/current", new Rule(t -> Call.of(HttpMethod.PUT, "/api/workshops/" + t.openWorkshop() + "/current",
                    Map.of("position", 1)), runsWorkshop(200))),
            Map.entry("PUT /api/workshops/{id}/texts/{textId}", new Rule(t -> Call.of(HttpMethod.PUT, t.participantText(),
                    Map.of("hidden", true)), runsWorkshop(204))),
            // Below the anonymity threshold the reveal is refused (409) to whoever may ask
            Map.entry("POST /api/workshops/{id}/reveal", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops/" + t.openWorkshop() + "/reveal",
                    Map.of()), runsWorkshop(409))),
            Map.entry("POST /api/workshops/{id}/hide", new Rule(t -> Call.of(HttpMethod.POST, "/api/workshops/" + t.openWorkshop() + "/hide",
                    Map.of()), runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/results", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/results", null),
                    runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/summary", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/summary", null),
                    runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/reflections", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/workshops/" + t.workshop() + "/reflections", null), runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/live", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/live", null),
                    runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/events", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/events", null),
                    runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/qr", new Rule(t -> Call.of(HttpMethod.GET, "/api/workshops/" + t.workshop() + "/qr", null),
                    runsWorkshop(200))),
            Map.entry("GET /api/workshops/{id}/export.{format}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/workshops/" + t.workshop() + "/export.csv", null), runsWorkshop(200))),
            Map.entry("GET /api/workshops/comparison", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/workshops/comparison?from=" + t.workshop() + "&to=" + t.workshop(), null), runsWorkshop(200))),
            // Workshops: the participants' side, with the code and their token alone
            Map.entry("GET /api/w/{code}", new Rule(t -> t.participantCall(HttpMethod.GET, "", null), anyone(200))),
            Map.entry("GET /api/w/{code}/instrument", new Rule(t -> t.participantCall(HttpMethod.GET, "/instrument", null), anyone(200))),
            Map.entry("POST /api/w/{code}/join", new Rule(t -> Call.of(HttpMethod.POST, "/api/w/" + t.code(t.openWorkshop()) + "/join",
                    Map.of("group", "Bord 2")), anyone(200))),
            Map.entry("PUT /api/w/{code}/answer", new Rule(t -> t.participantCall(HttpMethod.PUT, "/answer", Map.of("value", 2)), anyone(200))),
            Map.entry("PUT /api/w/{code}/answers/{itemCode}", new Rule(t -> t.participantCall(HttpMethod.PUT, "/answers/JT",
                    Map.of("value", 3)), anyone(200))),
            Map.entry("GET /api/w/{code}/live", new Rule(t -> t.participantCall(HttpMethod.GET, "/live", null), anyone(200))),
            Map.entry("GET /api/w/{code}/events", new Rule(t -> t.participantCall(HttpMethod.GET, "/events", null), anyone(200))),
            Map.entry("PUT /api/w/{code}/activities/{activityId}/text", new Rule(t -> t.participantActivityCall(HttpMethod.PUT,
                    "/text", Map.of("text", "Mer tid för analys")), anyone(200))),
            Map.entry("PUT /api/w/{code}/reflections/{promptIndex}", new Rule(t -> t.participantCall(HttpMethod.PUT, "/reflections/0",
                    Map.of("text", "Vi behöver gemensamma begrepp")), anyone(200))),
            // API documentation
            Map.entry("GET /api/openapi.yml", new Rule(t -> Call.of(HttpMethod.GET, "/api/openapi.yml", null), adminOnly(200))),
            Map.entry("GET /api/docs", new Rule(t -> Call.of(HttpMethod.GET, "/api/docs", null), adminOnly(200))),
            // Organisations
            Map.entry("GET /api/organisations", new Rule(t -> Call.of(HttpMethod.GET, "/api/organisations", null), signedIn(200))),
            Map.entry("POST /api/organisations", new Rule(t -> Call.of(HttpMethod.POST, "/api/organisations", Map.of("name", "Ny kommun")),
                    adminOnly(201))),
            Map.entry("GET /api/organisations/{id}", new Rule(t -> Call.of(HttpMethod.GET, "/api/organisations/" + t.organisationA, null),
                    expect(401, 200, 200, 200, 200, 404))),
            // Instruments
            Map.entry("GET /api/instruments", new Rule(t -> Call.of(HttpMethod.GET, "/api/instruments", null), signedIn(200))),
            Map.entry("GET /api/instruments/{code}", new Rule(t -> Call.of(HttpMethod.GET, "/api/instruments/skatta-laget", null), signedIn(200))),
            Map.entry("GET /api/instruments/{code}/versions", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/instruments/skatta-laget/versions", null), signedIn(200))),
            Map.entry("GET /api/instruments/{code}/versions/{version}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/instruments/skatta-laget/versions/1", null), signedIn(200))),
            Map.entry("POST /api/instruments", new Rule(t -> new Call(HttpMethod.POST, "/api/instruments",
                    shippedDefinition("jamstalldhetstrappan"), MediaType.of("application/yaml")), adminOnly(200))),
            // Rounds
            Map.entry("POST /api/rounds", new Rule(t -> Call.of(HttpMethod.POST, "/api/rounds", Map.of("organisationId", t.organisationA,
                    "instrumentCode", "checklist-systematik", "label", "2025")), manage(201))),
            Map.entry("GET /api/rounds/{roundId}", new Rule(t -> Call.of(HttpMethod.GET, "/api/rounds/" + t.checklistRound(), null), view(200))),
            Map.entry("GET /api/organisations/{organisationId}/rounds", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/organisations/" + t.organisationA + "/rounds", null), view(200))),
            Map.entry("POST /api/rounds/{roundId}/close", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/rounds/" + t.checklistRound() + "/close", Map.of()), manage(200))),
            Map.entry("GET /api/rounds/{roundId}/scores", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/scores", null), view(200))),
            Map.entry("POST /api/organisations/{organisationId}/rounds/import", new Rule(t -> new Call(HttpMethod.POST,
                    "/api/organisations/" + t.organisationA + "/rounds/import", importForm(), MediaType.MULTIPART_FORM_DATA_TYPE), manage(201))),
            // Responses
            Map.entry("GET /api/rounds/{roundId}/responses", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/responses", null), view(200))),
            Map.entry("POST /api/rounds/{roundId}/responses", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/rounds/" + t.checklistRound() + "/responses", Map.of()), view(201))),
            Map.entry("GET /api/responses/{responseId}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/responses/" + t.respondentsResponse(), null), owner(200))),
            Map.entry("PUT /api/responses/{responseId}/answers/{itemCode}", new Rule(t -> Call.of(HttpMethod.PUT,
                    "/api/responses/" + t.respondentsResponse() + "/answers/CS-01", Map.of("value", 3)), owner(200))),
            Map.entry("POST /api/responses/{responseId}/submit", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/responses/" + t.respondentsResponse() + "/submit", Map.of()), owner(200))),
            // Comparison and exports
            Map.entry("GET /api/comparisons", new Rule(t -> Call.of(HttpMethod.GET, "/api/comparisons?" + t.twoRounds(), null), view(200))),
            Map.entry("GET /api/organisations/{organisationId}/trend", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/organisations/" + t.organisationA + "/trend?instrumentCode=checklist-systematik", null), view(200))),
            Map.entry("GET /api/regional", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/regional?instrumentCode=checklist-systematik&label=2025", null), signedIn(200))),
            Map.entry("GET /api/rounds/{roundId}/export/answers.{format}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.submittedChecklistRound() + "/export/answers.csv", null), manage(200))),
            Map.entry("GET /api/rounds/{roundId}/export/scores.{format}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.submittedChecklistRound() + "/export/scores.csv", null), view(200))),
            Map.entry("GET /api/comparisons/export.{format}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/comparisons/export.xlsx?" + t.twoRounds(), null), view(200))),
            Map.entry("GET /api/comparisons/report.pdf", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/comparisons/report.pdf?" + t.twoRounds(), null), view(200))),
            // Password resets and personal data
            Map.entry("GET /api/auth/password-reset", new Rule(t -> Call.of(HttpMethod.GET, "/api/auth/password-reset", null), anyone(200))),
            // Without e-mail (as here) nobody can ask for a link themselves; the 409 says to ask an administrator.
            Map.entry("POST /api/auth/password-reset", new Rule(t -> Call.of(HttpMethod.POST, "/api/auth/password-reset",
                    Map.of("username", "vem@a.se")), anyone(409))),
            Map.entry("GET /api/auth/password-reset/{token}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/auth/password-reset/" + t.passwordResetToken(), null), anyone(200))),
            Map.entry("POST /api/auth/password-reset/{token}", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/auth/password-reset/" + t.passwordResetToken(), Map.of("password", "ett-nytt-bra-lösenord")), anyone(204))),
            Map.entry("POST /api/users/{userId}/password-reset", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/users/" + t.newUser() + "/password-reset", Map.of()), adminOnly(201))),
            Map.entry("GET /api/personal-data", new Rule(t -> Call.of(HttpMethod.GET, "/api/personal-data?email=vem@a.se", null), adminOnly(200))),
            Map.entry("DELETE /api/personal-data", new Rule(t -> Call.of(HttpMethod.DELETE,
                    "/api/personal-data?email=borta-" + UUID.randomUUID() + "@a.se", null), adminOnly(200))),
            Map.entry("GET /api/rounds/{roundId}/report.pdf", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.submittedChecklistRound() + "/report.pdf", null), view(200))),
            Map.entry("GET /api/rounds/{roundId}/comments", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.submittedChecklistRound() + "/comments", null), view(200))),
            // Reaching respondents: the lead's side
            Map.entry("POST /api/rounds/{roundId}/links", new Rule(t -> Call.of(HttpMethod.POST, "/api/rounds/" + t.checklistRound() + "/links",
                    Map.of("emails", List.of("a@lund.se", "b@lund.se"))), manage(201))),
            Map.entry("GET /api/rounds/{roundId}/links", new Rule(t -> Call.of(HttpMethod.GET, "/api/rounds/" + t.checklistRound() + "/links", null),
                    manage(200))),
            Map.entry("GET /api/rounds/{roundId}/links.{format}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/links.csv", null), manage(200))),
            Map.entry("POST /api/rounds/{roundId}/open-link", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/rounds/" + t.checklistRound() + "/open-link", Map.of()), manage(200))),
            Map.entry("GET /api/rounds/{roundId}/open-link/qr", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/open-link/qr", null), manage(200))),
            Map.entry("GET /api/rounds/{roundId}/participation", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/participation", null), manage(200))),
            Map.entry("GET /api/rounds/{roundId}/mail-texts", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/mail-texts", null), manage(200))),
            Map.entry("PUT /api/rounds/{roundId}/mail-texts", new Rule(t -> Call.of(HttpMethod.PUT, "/api/rounds/" + t.checklistRound() + "/mail-texts",
                    Map.of("invitationSubject", "Svara", "invitationBody", "Din länk: {länk}", "reminderSubject", "Påminnelse",
                            "reminderBody", "Din länk: {länk}")), manage(200))),
            // Without an SMTP server (as here) a send is refused with a 409 that says what to do instead.
            Map.entry("POST /api/rounds/{roundId}/mailings", new Rule(t -> Call.of(HttpMethod.POST, "/api/rounds/" + t.checklistRound() + "/mailings",
                    Map.of("kind", "INVITATION")), manage(409))),
            Map.entry("GET /api/rounds/{roundId}/mailings/{jobId}", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/mailings/" + UUID.randomUUID(), null), expect(401, 404, 404, 404, 404, 404))),
            // Reaching respondents: the respondent's side, with a link and no account
            Map.entry("GET /api/s/{token}", new Rule(t -> Call.of(HttpMethod.GET, "/api/s/" + t.surveyToken(), null), anyone(200))),
            Map.entry("GET /api/s/{token}/instrument", new Rule(t -> Call.of(HttpMethod.GET, "/api/s/" + t.surveyToken() + "/instrument", null),
                    anyone(200))),
            Map.entry("POST /api/s/{token}/join", new Rule(t -> Call.of(HttpMethod.POST, "/api/s/" + t.openLinkToken() + "/join", Map.of()),
                    anyone(201))),
            Map.entry("POST /api/s/{token}/response", new Rule(t -> Call.of(HttpMethod.POST, "/api/s/" + t.surveyToken() + "/response", Map.of()),
                    anyone(201))),
            Map.entry("GET /api/s/{token}/response", new Rule(t -> Call.of(HttpMethod.GET, "/api/s/" + t.startedSurveyToken() + "/response", null),
                    anyone(200))),
            Map.entry("PUT /api/s/{token}/answers/{itemCode}", new Rule(t -> Call.of(HttpMethod.PUT,
                    "/api/s/" + t.startedSurveyToken() + "/answers/CS-01", Map.of("value", 3)), anyone(200))),
            Map.entry("POST /api/s/{token}/submit", new Rule(t -> Call.of(HttpMethod.POST, "/api/s/" + t.startedSurveyToken() + "/submit", Map.of()),
                    anyone(200))),
            // Improvement actions
            Map.entry("GET /api/rounds/{roundId}/actions", new Rule(t -> Call.of(HttpMethod.GET,
                    "/api/rounds/" + t.checklistRound() + "/actions", null), view(200))),
            Map.entry("POST /api/rounds/{roundId}/actions", new Rule(t -> Call.of(HttpMethod.POST,
                    "/api/rounds/" + t.checklistRound() + "/actions", Map.of("itemCode", "CS-01", "what", "Utbildning")), manage(201))),
            Map.entry("PUT /api/actions/{actionId}", new Rule(t -> Call.of(HttpMethod.PUT, "/api/actions/" + t.action(),
                    Map.of("what", "Utbildning för alla chefer", "status", "ongoing")), manage(200))),
            Map.entry("DELETE /api/actions/{actionId}", new Rule(t -> Call.of(HttpMethod.DELETE, "/api/actions/" + t.action(), null),
                    manage(204))));

    @Test
    void everyApiRouteHasAnAccessRule() {
        TreeSet<String> missing = new TreeSet<>(apiRoutes());
        missing.removeAll(RULES.keySet());
        assertTrue(missing.isEmpty(), "Routes without an access rule in AccessMatrixApiTest.RULES (decide who may call them): " + missing);
        TreeSet<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(apiRoutes());
        assertTrue(stale.isEmpty(), "Rules for routes that no longer exist: " + stale);
    }

    @Test
    void everyCallerGetsWhatTheRuleSays() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String route : new TreeSet<>(RULES.keySet())) {
            Rule rule = RULES.get(route);
            for (Who who : Who.values()) {
                // Logging out ends the caller's session: a fresh session for that one call keeps the others valid.
                Api caller = route.equals("POST /api/auth/logout") && who != Who.ANONYMOUS ? login(who) : callers.get(who);
                Call call = rule.call().apply(this);
                int status = status(caller, call);
                calls++;
                if (status != rule.expected().get(who)) {
                    wrong.add(route + " as " + who + ": " + status + ", expected " + rule.expected().get(who));
                }
            }
        }
        System.out.println("Access matrix: " + RULES.size() + " routes × " + Who.values().length + " callers = " + calls + " calls");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anotherOrganisationsRoundsStayOutOfItsRegionalViewAndLists() {
        long roundId = checklistRound();
        api.post("/api/responses/" + respondentsResponseIn(roundId) + "/submit", Map.of());
        Api otherLead = callers.get(Who.OTHER_LEAD);
        List<Map<String, Object>> organisations = otherLead.getList("/api/organisations");
        assertTrue(organisations.stream().noneMatch(o -> ((Number) o.get("id")).longValue() == organisationA));
        List<?> regional = (List<?>) otherLead.get("/api/regional?instrumentCode=checklist-systematik&label=2025").get("organisations");
        assertTrue(regional.stream().noneMatch(o -> ((Number) ((Map<?, ?>) o).get("organisationId")).longValue() == organisationA),
                "regional view of organisation B's lead lists organisation A");
        List<?> adminRegional = (List<?>) api.get("/api/regional?instrumentCode=checklist-systematik&label=2025").get("organisations");
        assertTrue(adminRegional.stream().anyMatch(o -> ((Number) ((Map<?, ?>) o).get("organisationId")).longValue() == organisationA));
    }

    @Test
    void anonymousCallsAnswerProblemJson() {
        Map<String, Object> problem = api.anonymous().problem(401, () -> api.anonymous().get("/api/organisations"));
        assertEquals(401, ((Number) problem.get("status")).intValue());
    }

    private TreeSet<String> apiRoutes() {
        return router.uriRoutes()
                .map(route -> (UriRouteInfo<?, ?>) route)
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api"))
                // HEAD routes mirror their GET routes, rule included
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private int status(Api caller, Call call) {
        if (call.uri().endsWith("/events") || call.uri().startsWith("/api/auth/oidc/")) {
            // Read by hand: an event stream never ends, and a redirect is the answer itself (not to be followed).
            return streamStatus(caller, call.uri());
        }
        MutableHttpRequest<Object> request = HttpRequest.create(call.method(), call.uri());
        call.headers().forEach(request::header);
        if (call.body() != null) {
            request.body(call.body()).contentType(call.type());
        }
        try {
            return caller.exchange(request, byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static final java.net.http.HttpClient STREAMS = java.net.http.HttpClient.newHttpClient();

    /** An event stream never ends: only its status line is read. */
    private int streamStatus(Api caller, String uri) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + uri))
                .header("Accept", uri.endsWith("/events") ? "text/event-stream" : "*/*");
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        try {
            java.net.http.HttpResponse<InputStream> response = STREAMS.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Fresh resources of organisation A, made by the administrator (workshops by A's facilitator).

    private long workshop() {
        return Api.id(callers.get(Who.FACILITATOR).post("/api/workshops", Map.of("title", "Trappan", "organisationId", organisationA)));
    }

    private long openWorkshop() {
        long id = workshop();
        callers.get(Who.FACILITATOR).post("/api/workshops/" + id + "/open", Map.of());
        return id;
    }

    private String code(long workshopId) {
        return (String) callers.get(Who.FACILITATOR).get("/api/workshops/" + workshopId).get("code");
    }

    /** A call of a participant who joined an open workshop (in group "Bord 1"). */
    private Call participantCall(HttpMethod method, String path, Object body) {
        String code = code(openWorkshop());
        String token = (String) api.anonymous().post("/api/w/" + code + "/join", Map.of("group", "Bord 1")).get("participantToken");
        return Call.participant(method, "/api/w/" + code + path, body, token);
    }

    /** A call of a participant on the template's first group reflection ({@code /api/w/{code}/activities/{id}...}). */
    private Call participantActivityCall(HttpMethod method, String path, Object body) {
        long workshopId = openWorkshop();
        String code = code(workshopId);
        String token = (String) api.anonymous().post("/api/w/" + code + "/join", Map.of("group", "Bord 1")).get("participantToken");
        return Call.participant(method, "/api/w/" + code + "/activities/" + reflectionActivity(workshopId) + path, body, token);
    }

    /** The path of a text a participant wrote in a fresh workshop of A's facilitator. */
    private String participantText() {
        long workshopId = openWorkshop();
        String code = code(workshopId);
        String token = (String) api.anonymous().post("/api/w/" + code + "/join", Map.of("group", "Bord 1")).get("participantToken");
        io.micronaut.http.HttpResponse<String> written = api.send(HttpRequest.PUT("/api/w/" + code + "/reflections/0", Map.of("text", "Gemensamma begrepp"))
                .header("X-Participant-Token", token));
        return "/api/workshops/" + workshopId + "/texts" + "/" + Api.id(api.json(written));
    }

    private long reflectionActivity(long workshopId) {
        List<Map<String, Object>> agenda = callers.get(Who.FACILITATOR).getList("/api/workshops/" + workshopId + "/activities");
        return agenda.stream().filter(a -> "groupReflection".equals(a.get("kind"))).map(Api::id).findFirst().orElseThrow();
    }

    private long checklistRound() {
        return api.createRound(organisationA, "checklist-systematik", "2025");
    }

    private long submittedChecklistRound() {
        long roundId = checklistRound();
        long responseId = respondentsResponseIn(roundId);
        callers.get(Who.RESPONDENT).answer(responseId, "CS-01", 3, null);
        callers.get(Who.RESPONDENT).post("/api/responses/" + responseId + "/submit", Map.of());
        return roundId;
    }

    private long respondentsResponse() {
        return respondentsResponseIn(checklistRound());
    }

    private long respondentsResponseIn(long roundId) {
        return Api.id(callers.get(Who.RESPONDENT).post("/api/rounds/" + roundId + "/responses", Map.of()));
    }

    private String twoRounds() {
        return "from=" + submittedChecklistRound() + "&to=" + submittedChecklistRound();
    }

    private long action() {
        return Api.id(api.post("/api/rounds/" + checklistRound() + "/actions", Map.of("itemCode", "CS-02", "what", "Mål i budgeten")));
    }

    private long newUser() {
        return Api.id(api.post("/api/users", Map.of("username", "roles-" + UUID.randomUUID() + "@a.se",
                "password", Api.USER_PASSWORD, "roles", List.of())));
    }

    private String invitationToken() {
        String link = (String) api.post("/api/rounds/" + checklistRound() + "/invitations",
                Map.of("email", "invited-" + UUID.randomUUID() + "@a.se")).get("link");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String passwordResetToken() {
        String link = (String) api.post("/api/users/" + newUser() + "/password-reset", Map.of()).get("link");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** A personal link's token in a fresh round of organisation A. */
    private String surveyToken() {
        Map<String, Object> created = api.post("/api/rounds/" + checklistRound() + "/links",
                Map.of("emails", List.of("svarar-" + UUID.randomUUID() + "@a.se")));
        String url = (String) ((List<Map<String, Object>>) created.get("links")).get(0).get("url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String startedSurveyToken() {
        String token = surveyToken();
        api.anonymous().post("/api/s/" + token + "/response", Map.of());
        return token;
    }

    private String openLinkToken() {
        String url = (String) api.post("/api/rounds/" + checklistRound() + "/open-link", Map.of()).get("url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static MultipartBody importForm() {
        return MultipartBody.builder()
                .addPart("file", "checklista.csv", MediaType.of("text/csv"), "CS-01\n4\n".getBytes(StandardCharsets.UTF_8))
                .addPart("instrumentCode", "checklist-systematik")
                .addPart("label", "2019")
                .build();
    }

    private static String shippedDefinition(String code) {
        try (InputStream in = AccessMatrixApiTest.class.getResourceAsStream("/instruments/" + code + "/v1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
