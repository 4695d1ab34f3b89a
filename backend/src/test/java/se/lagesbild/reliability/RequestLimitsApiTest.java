package se.lagesbild.reliability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented limits: comments of at most 4000 characters, request bodies of at most 10 MB, and readable details. */
@MicronautTest(transactional = false)
class RequestLimitsApiTest extends ApiTest {

    @Test
    void aCommentOfAMillionCharactersIsRefusedWithTheLimit() {
        long responseId = api.startResponse(api.createRound(api.createOrganisation("Hörby kommun"), "checklist-systematik", "2025"));
        Map<String, Object> problem = api.problem(400, () -> api.answer(responseId, "CS-01", 2, "x".repeat(1_000_000)));
        assertTrue(problem.get("detail").toString().contains("Kommentaren får vara högst 4000 tecken."), problem.toString());
    }

    @Test
    void aBodyOverTenMegabytesIs413() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        Map<String, Object> problem = api.problem(413, () -> api.exchange(
                HttpRequest.POST("/api/organisations", body).contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals("Begäran är för stor för att tas emot.", problem.get("detail"));
    }

    @Test
    void aValueOfTheWrongTypeIsExplainedWithoutJavaInternals() {
        Map<String, Object> problem = api.problem(400, () -> api.post("/api/rounds",
                Map.of("organisationId", "tre", "instrumentCode", "checklist-systematik", "label", "2025")));
        String detail = problem.get("detail").toString();
        assertTrue(detail.startsWith("Begäran kunde inte tolkas: request: innehållet är inte JSON av rätt form (rad 1, tecken "), detail);
        assertTrue(!detail.contains("java.") && !detail.contains("Exception"), detail);
    }
}
