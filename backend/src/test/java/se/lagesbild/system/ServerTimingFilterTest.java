package se.lagesbild.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every API response says how long the server took: {@code Server-Timing: app;dur=<ms with one decimal>}. */
@MicronautTest(transactional = false)
class ServerTimingFilterTest extends ApiTest {

    private static final Pattern APP_DURATION = Pattern.compile("app;dur=(\\d+\\.\\d)");

    @Test
    void anApiResponseCarriesTheServerTime() {
        HttpResponse<String> response = api.exchange(HttpRequest.GET("/api/instruments"), String.class);
        assertEquals(200, response.code());
        assertDuration(response.header(ServerTimingFilter.HEADER));
    }

    @Test
    void soDoesAnApiError() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> api.exchange(HttpRequest.GET("/api/rounds/999999999"), String.class));
        assertEquals(404, e.getStatus().getCode());
        assertDuration(e.getResponse().header(ServerTimingFilter.HEADER));
    }

    @Test
    void theValueHasOneDecimalInAnyLocale() {
        assertEquals("app;dur=12.3", ServerTimingFilter.value(12_345_678));
        assertEquals("app;dur=0.0", ServerTimingFilter.value(0));
    }

    private static void assertDuration(String header) {
        assertNotNull(header, "no Server-Timing header");
        Matcher matcher = APP_DURATION.matcher(header);
        assertTrue(matcher.matches(), () -> "Server-Timing was " + header);
        double milliseconds = Double.parseDouble(matcher.group(1));
        assertTrue(milliseconds >= 0 && milliseconds < 60_000, () -> "implausible duration " + header);
    }
}
