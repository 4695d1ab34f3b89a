package se.lagesbild.account;

import com.nimbusds.jose.JOSEObjectType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;
import se.lagesbild.support.IdentityProvider;
import se.lagesbild.support.ScriptedIdentityProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in through an OpenID Connect provider, against a real one on loopback: the first sign-in creates an
 * account without roles, the next finds the same account by issuer and subject (never by e-mail), groups give roles,
 * and each bad answer (a wrong or replayed state, a replayed code, an expired, wrongly signed or foreign ID token, an
 * unknown provider, a disabled account) ends on the error page with its reason and without a session.
 */
@MicronautTest(transactional = false)
class SingleSignOnApiTest extends ApiTest {

    private static final IdentityProvider PROVIDER = new IdentityProvider(false);
    private static final ScriptedIdentityProvider SCRIPTED = new ScriptedIdentityProvider();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    private long organisation;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // The first organisation of this test's own schema has id 1 (checked in organisation()).
        properties.putAll(PROVIDER.properties("lagesbild-admins=ADMIN,ledare-lund=PROJECT_LEAD:1,ingen-sadan=RESPONDENT:999999"));
        properties.putAll(SCRIPTED.properties());
        properties.put("lagesbild.oidc.providers", IdentityProvider.ID + "," + ScriptedIdentityProvider.ID);
        return properties;
    }

    @Override
    protected String isolatedSchema() {
        // Closing the password form changes what every test would see.
        return "single_sign_on";
    }

    @BeforeAll
    void organisation() {
        organisation = api.createOrganisation("Lunds kommun");
        assertEquals(1, organisation, "the group mapping names organisation 1: the first of this test's fresh schema");
    }

    @AfterAll
    void stopProvider() {
        PROVIDER.stop();
        SCRIPTED.stop();
    }

    // ---------------------------------------------------------------- a browser's way through the sign-in, by hand

    /** A browser without JavaScript: keeps cookies, follows nothing by itself. */
    private final class Visitor {
        final Map<String, String> cookies = new HashMap<>();

        HttpResponse<String> get(String url, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("/") ? server.getURL() + url : url)).GET();
            if (!cookies.isEmpty() && (url.startsWith("/") || url.startsWith(server.getURL().toString()))) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.uri().getPort() == server.getPort()) {
                    response.headers().allValues("Set-Cookie").forEach(this::keep);
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String url) {
            return get(url, Map.of());
        }

        private void keep(String setCookie) {
            String pair = setCookie.substring(0, setCookie.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }

        /** Presses "Logga in med Lunds kommun": answers the provider's address. */
        String start() {
            return start(IdentityProvider.ID, PROVIDER.issuer());
        }

        String start(String provider, String issuer) {
            HttpResponse<String> toProvider = get("/api/auth/oidc/" + provider + "/login");
            assertEquals(303, toProvider.statusCode());
            String location = toProvider.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(issuer + "/authorize?"), location);
            return location;
        }

        /** At the provider (which signs the person in at once): answers the address it sends them back to. */
        String atProvider(String authorizationUrl) {
            HttpResponse<String> back = get(authorizationUrl);
            assertEquals(302, back.statusCode(), back.body());
            return back.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> returnTo(String callback) {
            return get(callback);
        }

        /** The whole sign-in: answers the app's last answer (a redirect to the start page or to the error page). */
        HttpResponse<String> signIn() {
            return returnTo(atProvider(start()));
        }

        Optional<String> session() {
            return Optional.ofNullable(cookies.get(SessionCookie.NAME));
        }

        Api api() {
            return SingleSignOnApiTest.this.api.as(session().orElseThrow());
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void assertRefused(HttpResponse<String> answer, String reason, Visitor visitor) {
        assertEquals(303, answer.statusCode());
        assertEquals("/inloggning-misslyckades?orsak=" + reason, answer.headers().firstValue("Location").orElseThrow());
        assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SessionCookie.NAME + "=") && !c.startsWith(SessionCookie.NAME + "=;")),
                "no session cookie: " + answer.headers().allValues("Set-Cookie"));
        assertFalse(visitor.session().isPresent(), "no session");
    }

    private Map<String, Object> me(Visitor visitor) {
        return api.as(visitor.session().orElseThrow()).get("/api/auth/me");
    }

    // ---------------------------------------------------------------- signing in

    @Test
    void theFirstSignInCreatesAnAccountWithoutRolesAndTheNextFindsTheSameAccount() {
        String subject = "anna-" + UUID.randomUUID();
        PROVIDER.nextPerson(subject, Map.of("preferred_username", "anna.andersson@lund.se", "name", "Anna Andersson"));
        Visitor visitor = new Visitor();
        HttpResponse<String> back = visitor.signIn();
        assertEquals(303, back.statusCode());
        assertEquals("/", back.headers().firstValue("Location").orElseThrow());
        assertTrue(back.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(SessionCookie.NAME + "=") && c.toLowerCase(java.util.Locale.ROOT).contains("httponly")));

        Map<String, Object> me = me(visitor);
        assertEquals("anna.andersson@lund.se", me.get("username"));
        assertEquals(false, me.get("admin"));
        assertEquals(List.of(), me.get("roles"));
        assertEquals(Map.of("id", IdentityProvider.ID, "name", IdentityProvider.NAME), me.get("signedInWith"));
        assertEquals(List.of(IdentityProvider.NAME), me.get("signsInWith"));

        PROVIDER.nextPerson(subject, Map.of("preferred_username", "anna.andersson@lund.se"));
        Visitor again = new Visitor();
        again.signIn();
        assertEquals(me.get("id"), me(again).get("id"));
        assertNotEquals(visitor.session(), again.session(), "each sign-in has a session of its own");

        // The platform's own session: logging out ends it like a password session.
        assertEquals(204, again.api().exchangePost("/api/auth/logout", Map.of()).code());
        api.anonymous().problem(401, () -> api.as(again.session().orElseThrow()).get("/api/auth/me"));
    }

    @Test
    void aPersonIsKnownByIssuerAndSubjectNeverByTheirEmailAddress() {
        String email = "bo-" + UUID.randomUUID() + "@lund.se";
        Map<String, Object> created = api.post("/api/users", Map.of("username", email, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisation, "role", "PROJECT_LEAD"))));

        PROVIDER.nextPerson("someone-else-" + UUID.randomUUID(), Map.of("preferred_username", email, "email", email, "email_verified", true));
        Visitor visitor = new Visitor();
        visitor.signIn();
        Map<String, Object> me = me(visitor);
        assertNotEquals(created.get("id"), me.get("id"), "the password account with that e-mail address is not taken over");
        assertEquals(email + " (" + IdentityProvider.NAME + ")", me.get("username"));
        assertEquals(List.of(), me.get("roles"));
    }

    @Test
    void groupsInTheConfiguredClaimGiveTheirRolesAndUnknownOnesNothing() {
        PROVIDER.nextPerson("cecilia-" + UUID.randomUUID(), Map.of("preferred_username", "cecilia-" + UUID.randomUUID() + "@lund.se",
                "groups", List.of("ledare-lund", "ingen-sadan", "fikagruppen")));
        Visitor visitor = new Visitor();
        visitor.signIn();
        Map<String, Object> me = me(visitor);
        assertEquals(false, me.get("admin"));
        List<?> roles = (List<?>) me.get("roles");
        assertEquals(1, roles.size(), roles.toString());
        assertEquals("PROJECT_LEAD", ((Map<?, ?>) roles.get(0)).get("role"));
        assertEquals(organisation, ((Number) ((Map<?, ?>) roles.get(0)).get("organisationId")).longValue());
        // The role works: the lead sees the organisation's rounds.
        assertEquals(200, api.as(visitor.session().orElseThrow()).send(io.micronaut.http.HttpRequest.GET(
                "/api/organisations/" + organisation + "/rounds")).code());
        // The group that gives ADMIN: thePasswordFormClosesOnlyOnceAnAdministratorSignsInThroughTheProvider.
    }

    @Test
    void theRedirectAddressIsHttpsBehindAProxyThatSaysSo() {
        Visitor visitor = new Visitor();
        HttpResponse<String> toProvider = visitor.get("/api/auth/oidc/" + IdentityProvider.ID + "/login", Map.of("X-Forwarded-Proto", "https"));
        String redirectUri = query(toProvider.headers().firstValue("Location").orElseThrow()).get("redirect_uri");
        assertTrue(redirectUri.startsWith("https://") && redirectUri.endsWith("/api/auth/oidc/" + IdentityProvider.ID + "/callback"), redirectUri);
        assertTrue(toProvider.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lagesbild_oidc=") && c.contains("Secure")));
        Map<String, String> query = query(toProvider.headers().firstValue("Location").orElseThrow());
        assertEquals("S256", query.get("code_challenge_method"));
        assertNotNull(query.get("nonce"));
    }

    // ---------------------------------------------------------------- bad input: the error page, and no session

    @Test
    void aWrongStateIsRefused() {
        Visitor visitor = new Visitor();
        String callback = visitor.atProvider(visitor.start());
        String state = query(callback).get("state");
        assertRefused(visitor.returnTo(callback.replace("state=" + state, "state=" + state.substring(1) + "x")), "state", visitor);
    }

    @Test
    void aStateHandedToAnotherBrowserIsRefused() {
        Visitor victim = new Visitor();
        String callback = victim.atProvider(victim.start());
        Visitor attacker = new Visitor();
        assertRefused(attacker.returnTo(callback), "state", attacker);
    }

    @Test
    void theSameAnswerOfTheProviderTakenTwiceIsRefusedTheSecondTime() {
        Visitor visitor = new Visitor();
        String callback = visitor.atProvider(visitor.start());
        String firstState = visitor.cookies.get("lagesbild_oidc");
        assertEquals(303, visitor.returnTo(callback).statusCode());
        assertTrue(visitor.session().isPresent());
        visitor.cookies.clear();
        visitor.cookies.put("lagesbild_oidc", firstState);
        assertRefused(visitor.returnTo(callback), "state", visitor);
    }

    @Test
    void aReplayedCodeIsRefused() {
        Visitor first = new Visitor();
        String callback = first.atProvider(first.start());
        assertEquals(303, first.returnTo(callback).statusCode());
        String usedCode = query(callback).get("code");

        // This provider answers a used code with a token after all, but not one bound to the new sign-in (its nonce).
        Visitor replaying = new Visitor();
        String freshCallback = replaying.atProvider(replaying.start());
        assertRefused(replaying.returnTo(freshCallback.replace("code=" + query(freshCallback).get("code"), "code=" + usedCode)), "token", replaying);
    }

    @Test
    void aCodeTheProviderRefusesIsRefused() {
        Visitor visitor = new Visitor();
        String state = query(visitor.start(ScriptedIdentityProvider.ID, SCRIPTED.issuer())).get("state");
        SCRIPTED.nextCodeRefused();
        assertRefused(visitor.get("/api/auth/oidc/" + ScriptedIdentityProvider.ID + "/callback?code=used-before&state=" + state), "code", visitor);
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        PROVIDER.server().enqueueCallback(new DefaultOAuth2TokenCallback(IdentityProvider.ISSUER_ID, "eva-" + UUID.randomUUID(),
                JOSEObjectType.JWT.getType(), List.of(IdentityProvider.CLIENT_ID), Map.of(), -3600));
        Visitor visitor = new Visitor();
        assertRefused(visitor.signIn(), "expired", visitor);
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() {
        Visitor visitor = new Visitor();
        Map<String, String> authorization = query(visitor.start(ScriptedIdentityProvider.ID, SCRIPTED.issuer()));
        SCRIPTED.nextIdToken(SCRIPTED.issuer(), authorization.get("nonce"), false);
        assertRefused(visitor.get("/api/auth/oidc/" + ScriptedIdentityProvider.ID + "/callback?code=abc&state=" + authorization.get("state")),
                "token", visitor);
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        Visitor visitor = new Visitor();
        Map<String, String> authorization = query(visitor.start(ScriptedIdentityProvider.ID, SCRIPTED.issuer()));
        SCRIPTED.nextIdToken(PROVIDER.issuer(), authorization.get("nonce"), true);
        assertRefused(visitor.get("/api/auth/oidc/" + ScriptedIdentityProvider.ID + "/callback?code=abc&state=" + authorization.get("state")),
                "issuer", visitor);
    }

    @Test
    void theScriptedProvidersOwnTokenSignsInSoTheRefusalsAboveAreTheirOwn() {
        Visitor visitor = new Visitor();
        Map<String, String> authorization = query(visitor.start(ScriptedIdentityProvider.ID, SCRIPTED.issuer()));
        SCRIPTED.nextIdToken(SCRIPTED.issuer(), authorization.get("nonce"), true);
        HttpResponse<String> back = visitor.get("/api/auth/oidc/" + ScriptedIdentityProvider.ID + "/callback?code=abc&state="
                + authorization.get("state"));
        assertEquals("/", back.headers().firstValue("Location").orElseThrow());
        assertEquals("mallory", me(visitor).get("username"));
    }

    @Test
    void aProviderThatIsNotConfiguredIsRefused() {
        Visitor visitor = new Visitor();
        assertRefused(visitor.get("/api/auth/oidc/okand/login"), "issuer", visitor);
        assertRefused(visitor.get("/api/auth/oidc/okand/callback?code=abc&state=def"), "issuer", visitor);
    }

    @Test
    void aPersonWhoCancelsAtTheProviderIsToldSo() {
        Visitor visitor = new Visitor();
        String state = query(visitor.start()).get("state");
        assertRefused(visitor.get("/api/auth/oidc/" + IdentityProvider.ID + "/callback?error=access_denied&state=" + state), "denied", visitor);
    }

    @Test
    void aDisabledAccountIsRefusedAndItsSessionsEnd() {
        String subject = "frida-" + UUID.randomUUID();
        PROVIDER.nextPerson(subject, Map.of("preferred_username", "frida-" + UUID.randomUUID() + "@lund.se"));
        Visitor visitor = new Visitor();
        visitor.signIn();
        long userId = ((Number) me(visitor).get("id")).longValue();

        Map<String, Object> disabled = api.put("/api/users/" + userId + "/disabled", Map.of("disabled", true));
        assertEquals(true, disabled.get("disabled"));
        api.anonymous().problem(401, () -> api.as(visitor.session().orElseThrow()).get("/api/auth/me"));

        PROVIDER.nextPerson(subject, Map.of());
        Visitor later = new Visitor();
        assertRefused(later.signIn(), "disabled", later);

        api.put("/api/users/" + userId + "/disabled", Map.of("disabled", false));
        PROVIDER.nextPerson(subject, Map.of());
        Visitor enabled = new Visitor();
        enabled.signIn();
        assertEquals(userId, ((Number) me(enabled).get("id")).longValue());
    }

    // ---------------------------------------------------------------- the password form and the provider's logout

    @Test
    void thePasswordFormClosesOnlyOnceAnAdministratorSignsInThroughTheProvider() {
        Map<String, Object> methods = api.anonymous().get("/api/auth/methods");
        assertEquals(true, methods.get("password"));
        assertEquals(List.of(Map.of("id", IdentityProvider.ID, "name", IdentityProvider.NAME),
                Map.of("id", ScriptedIdentityProvider.ID, "name", "Skriptad leverantör")), methods.get("providers"));

        Map<String, Object> refused = api.problem(409, () -> api.put("/api/auth/methods", Map.of("password", false)));
        assertTrue(String.valueOf(refused.get("detail")).contains("ingen administratör har loggat in med " + IdentityProvider.NAME + " eller Skriptad leverantör"),
                String.valueOf(refused.get("detail")));

        PROVIDER.nextPerson("gustav-" + UUID.randomUUID(), Map.of("groups", List.of("lagesbild-admins")));
        Visitor admin = new Visitor();
        admin.signIn();
        assertEquals(true, me(admin).get("admin"), "the group lagesbild-admins gives ADMIN");
        Api ssoAdmin = api.as(admin.session().orElseThrow());
        try {
            assertEquals(false, ssoAdmin.put("/api/auth/methods", Map.of("password", false)).get("password"));
            assertEquals(false, api.anonymous().get("/api/auth/methods").get("password"));
            Map<String, Object> closed = api.problem(403, () -> api.anonymous().post("/api/auth/login",
                    Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD)));
            assertTrue(String.valueOf(closed.get("detail")).contains("Logga in med " + IdentityProvider.NAME), String.valueOf(closed.get("detail")));
        } finally {
            ssoAdmin.put("/api/auth/methods", Map.of("password", true));
        }
        assertEquals(true, api.anonymous().get("/api/auth/methods").get("password"));
    }

    @Test
    void theProvidersLogoutReturnsToTheLoginPage() {
        Visitor visitor = new Visitor();
        HttpResponse<String> toProvider = visitor.get("/api/auth/oidc/" + IdentityProvider.ID + "/logout");
        assertEquals(303, toProvider.statusCode());
        String location = toProvider.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(PROVIDER.server().endSessionEndpointUrl(IdentityProvider.ISSUER_ID).toString()), location);
        assertEquals(server.getURL() + "/logga-in", query(location).get("post_logout_redirect_uri"));
        assertEquals(IdentityProvider.CLIENT_ID, query(location).get("client_id"));
    }
}
