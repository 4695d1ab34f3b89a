package se.lagesbild.organisation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit trail a page at a time, newest first, and one kind of event at a time. */
@MicronautTest(transactional = false)
class AuditTrailApiTest extends ApiTest {

    @Test
    void theTrailComesInPagesNewestFirstAndFilteredByKind() {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        for (String label : List.of("2023", "2024", "2025")) {
            api.post("/api/rounds/" + api.createRound(lund, "checklist-systematik", label) + "/close", Map.of());
        }
        String trail = "/api/organisations/" + lund + "/audit";
        List<Map<String, Object>> all = api.getList(trail);
        assertEquals(7, all.size(), "organisation.created and three rounds created and closed: " + all);
        assertEquals(List.of("round.closed", "round.created"), api.getList(trail + "?limit=2&page=0").stream().map(e -> e.get("action")).toList());
        assertEquals("checklist-systematik 2024", api.getList(trail + "?limit=2&page=1").get(0).get("detail"));
        assertEquals(List.of("organisation.created"), api.getList(trail + "?limit=2&page=3").stream().map(e -> e.get("action")).toList());
        List<Map<String, Object>> rounds = api.getList(trail + "?kind=round");
        assertEquals(6, rounds.size());
        assertEquals(List.of(), api.getList(trail + "?kind=response"));
        api.problem(400, () -> api.get(trail + "?kind=rounds"));
    }
}
