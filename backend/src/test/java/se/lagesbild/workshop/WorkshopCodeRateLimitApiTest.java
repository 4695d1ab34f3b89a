package se.lagesbild.workshop;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing join codes: wrong codes from one address are counted in the database, and past the limit every
 * code lookup from that address is refused, right codes included. A schema of its own, so that the test's
 * wrong codes do not limit the other tests (all of which come from 127.0.0.1).
 */
@MicronautTest(transactional = false)
class WorkshopCodeRateLimitApiTest extends ApiTest {

    @Override
    protected String isolatedSchema() {
        return "workshop_rate_limit";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("lagesbild.workshops.wrong-code-limit", "5");
        properties.put("lagesbild.workshops.wrong-code-window", "10m");
        return properties;
    }

    @Test
    void wrongCodesAreRateLimitedButAWorkshopJoinedFromTheAddressStillLetsItsRoomIn() {
        WorkshopCalls calls = new WorkshopCalls(api);
        Map<String, Object> workshop = calls.openStaircase("Gissa koden");
        String code = (String) workshop.get("code");
        WorkshopCalls.Participant participant = calls.join(code, null);
        String neverJoinedHere = (String) calls.openStaircase("Annan workshop").get("code");

        api.problem(404, () -> calls.join("not-a-code", null));
        for (String guess : new String[] {"AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"}) {
            api.problem(404, () -> calls.join(guess, null));
        }
        Map<String, Object> problem = api.problem(429, () -> calls.join("FFFFFF", null));
        assertTrue(((String) problem.get("detail")).contains("För många felaktiga workshopkoder"), problem.toString());
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> calls.join(neverJoinedHere, null));
        assertEquals(429, refused.getStatus().getCode(), "past the limit a code never joined from here is refused like a wrong one");
        long retryAfter = Long.parseLong(refused.getResponse().getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);

        assertEquals(200, calls.joinExchange(code, "Bord 3").code(), "the room's own workshop still takes newcomers from its address");
        assertEquals(200, calls.answer(participant, 3).code(), "a participant who joined holds the code already");
    }
}
