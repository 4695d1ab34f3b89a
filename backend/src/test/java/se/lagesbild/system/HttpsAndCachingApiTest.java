package se.lagesbild.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a proxy that terminates HTTPS the app sends HSTS and marks its cookies Secure; API answers are never
 * cached, fingerprinted files are cached for good, the page itself is revalidated.
 */
@MicronautTest(transactional = false)
class HttpsAndCachingApiTest extends ApiTest {

    @Test
    void behindAnHttpsProxyResponsesCarryHstsAndTheSessionCookieIsSecure() {
        for (String[] header : new String[][] {{"X-Forwarded-Proto", "https"}, {"Forwarded", "for=192.0.2.60;proto=https;by=203.0.113.43"}}) {
            HttpResponse<String> login = api.anonymous().exchange(HttpRequest.POST("/api/auth/login",
                    Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD)).header(header[0], header[1]), String.class);
            assertEquals("max-age=31536000", login.getHeaders().get("Strict-Transport-Security"), header[0]);
            String cookie = login.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("lagesbild_session=")).findFirst().orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
        }
        HttpResponse<String> plain = api.anonymous().exchange(HttpRequest.POST("/api/auth/login",
                Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD)), String.class);
        assertFalse(plain.getHeaders().contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
        String cookie = plain.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("lagesbild_session=")).findFirst().orElseThrow();
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void apiAnswersAreNeverCachedFingerprintedFilesAreCachedForGoodThePageIsRevalidated() throws IOException {
        assertEquals("no-store", api.exchangeGet("/api/auth/me").getHeaders().get("Cache-Control"));
        HttpResponse<String> page = api.anonymous().exchangeGet("/");
        assertEquals("no-cache", page.getHeaders().get("Cache-Control"));
        String index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("public/index.html")) {
            assertNotNull(in, "the built frontend");
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher asset = Pattern.compile("(/assets/[^\"]+\\.js)").matcher(index);
        assertTrue(asset.find(), index);
        assertEquals("public, max-age=31536000, immutable", api.anonymous().exchangeGet(asset.group(1)).getHeaders().get("Cache-Control"));
    }
}
