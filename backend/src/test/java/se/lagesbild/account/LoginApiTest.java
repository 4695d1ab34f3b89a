package se.lagesbild.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in with the session cookie or the access token, signing out, and the protection against guessing. */
@MicronautTest(transactional = false)
class LoginApiTest extends ApiTest {

    @Test
    void loginSetsAnHttpOnlySameSiteCookieAndAnswersAnAccessTokenThatBothWork() {
        String username = newRespondent();
        HttpResponse<String> response = api.anonymous().exchangePost("/api/auth/login",
                Map.of("username", username, "password", Api.USER_PASSWORD));
        String setCookie = response.getHeaders().get("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith(SessionCookie.NAME + "="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        String cookieToken = setCookie.substring(SessionCookie.NAME.length() + 1, setCookie.indexOf(';'));

        Map<String, Object> me = read(api.anonymous().exchange(HttpRequest.GET("/api/auth/me")
                .cookie(io.micronaut.http.cookie.Cookie.of(SessionCookie.NAME, cookieToken)), String.class).body());
        assertEquals(username, me.get("username"));

        String accessToken = (String) read(response.body()).get("accessToken");
        assertEquals(username, api.as(accessToken).get("/api/auth/me").get("username"));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        String username = newRespondent();
        Api signedIn = api.login(username, Api.USER_PASSWORD);
        assertEquals(username, signedIn.get("/api/auth/me").get("username"));
        HttpResponse<String> logout = signedIn.exchangePost("/api/auth/logout", Map.of());
        assertEquals(204, logout.code());
        assertTrue(logout.getHeaders().get("Set-Cookie").contains("Max-Age=0"));
        signedIn.problem(401, () -> signedIn.get("/api/auth/me"));
    }

    @Test
    void aWrongPasswordAnswers401WithoutSayingWhichPartWasWrong() {
        String username = newRespondent();
        Map<String, Object> wrongPassword = api.problem(401, () -> api.anonymous().post("/api/auth/login",
                Map.of("username", username, "password", "fel-lösenord-123")));
        Map<String, Object> noSuchUser = api.problem(401, () -> api.anonymous().post("/api/auth/login",
                Map.of("username", "ingen-" + UUID.randomUUID() + "@a.se", "password", "fel-lösenord-123")));
        assertEquals(wrongPassword.get("detail"), noSuchUser.get("detail"));
    }

    @Test
    void twentyWrongPasswordsAreRefusedWith429BeforeTheEleventhAndTheRightPasswordWorksAfterTheWait() throws InterruptedException {
        String username = newRespondent();
        int firstRefusal = 0;
        long retryAfter = 0;
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> api.anonymous()
                    .post("/api/auth/login", Map.of("username", username, "password", "gissning-" + UUID.randomUUID())));
            if (e.getStatus().getCode() == 429 && firstRefusal == 0) {
                firstRefusal = attempt;
                retryAfter = Long.parseLong(e.getResponse().getHeaders().get("Retry-After"));
                assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("Vänta"));
            } else if (firstRefusal == 0) {
                assertEquals(401, e.getStatus().getCode());
            } else {
                assertEquals(429, e.getStatus().getCode(), "attempt " + attempt + " after the refusals began");
            }
        }
        System.out.println("Brute force: first 429 at attempt " + firstRefusal + ", Retry-After " + retryAfter + " s");
        assertTrue(firstRefusal > 0 && firstRefusal <= 11, "first 429 at attempt " + firstRefusal);

        // The right password waits too, until the window has passed
        api.problem(429, () -> api.anonymous().post("/api/auth/login", Map.of("username", username, "password", Api.USER_PASSWORD)));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(username, api.login(username, Api.USER_PASSWORD).get("/api/auth/me").get("username"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> apiAnswer = api.exchange(HttpRequest.GET("/api/instruments"), String.class);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.anonymous().exchange(HttpRequest.GET("/api/instruments"), String.class));
        HttpResponse<String> page = api.anonymous().exchange(HttpRequest.GET("/omgangar/1").accept("text/html"), String.class);
        for (HttpResponse<?> response : List.of(apiAnswer, refused.getResponse(), page)) {
            String csp = response.getHeaders().get("Content-Security-Policy");
            assertNotNull(csp, "no CSP on " + response.getStatus());
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertFalse(csp.substring(csp.indexOf("script-src")).split(";")[0].contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
            assertEquals("no-referrer", response.getHeaders().get("Referrer-Policy"));
        }
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironmentAndTheFirstRunPageStaysClosed() {
        Map<String, Object> me = api.get("/api/auth/me");
        assertEquals(Api.ADMIN_USERNAME, me.get("username"));
        assertEquals(true, me.get("admin"));
        assertEquals(false, api.anonymous().get("/api/setup").get("needed"));
        api.problem(409, () -> api.anonymous().post("/api/setup", Map.of("username", "inkräktare@a.se", "password", "ett-långt-lösenord")));
    }

    @Test
    void aShortPasswordIsRefusedWithTheRule() {
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/users", Map.of("username", "kort-" + UUID.randomUUID() + "@a.se",
                "password", "kort", "roles", List.of())));
        assertTrue(((String) problem.get("detail")).contains("minst 10 tecken"));
    }

    private String newRespondent() {
        long organisationId = api.createOrganisation("Login " + UUID.randomUUID());
        String username = "anna-" + UUID.randomUUID() + "@lund.se";
        api.post("/api/users", Map.of("username", username, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisationId, "role", "RESPONDENT"))));
        return username;
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
