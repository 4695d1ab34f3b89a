package se.lagesbild.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.DatabaseTest;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server without LAGESBILD_ADMIN_* (an empty schema of its own; the first-run page opened for it as on the
 * embedded default database): the first-run page creates the first administrator once, and then closes.
 */
@MicronautTest(transactional = false)
class FirstRunSetupApiTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Override
    protected String isolatedSchema() {
        return "first_run";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("lagesbild.admin.username", "");
        properties.put("lagesbild.admin.password", "");
        properties.put("lagesbild.setup.on-external-database", "true");
        return properties;
    }

    @Test
    void theFirstRunPageCreatesTheFirstAdministratorOnceAndThenCloses() {
        Api anonymous = new Api(client.toBlocking(), json, null);
        assertEquals(true, anonymous.get("/api/setup").get("needed"));
        anonymous.problem(401, () -> anonymous.get("/api/organisations"));

        anonymous.problem(400, () -> anonymous.post("/api/setup", Map.of("username", "chef@region.se", "password", "kort")));
        HttpResponse<String> created = anonymous.exchangePost("/api/setup", Map.of("username", "chef@region.se", "password", "ett-långt-lösenord"));
        assertEquals(201, created.code());
        assertTrue(created.getHeaders().get("Set-Cookie").toLowerCase().contains("httponly"));

        Api admin = anonymous.login("chef@region.se", "ett-långt-lösenord");
        assertEquals(true, admin.get("/api/auth/me").get("admin"));
        assertEquals(false, anonymous.get("/api/setup").get("needed"));
        Map<String, Object> problem = anonymous.problem(409, () -> anonymous.post("/api/setup",
                Map.of("username", "nummer-två@region.se", "password", "ett-långt-lösenord")));
        assertTrue(((String) problem.get("detail")).contains("redan en administratör"));
    }
}
