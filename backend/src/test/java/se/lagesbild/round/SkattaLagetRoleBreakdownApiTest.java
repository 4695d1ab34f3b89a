package se.lagesbild.round;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the anonymity threshold configured to 2, the same six respondents show their role breakdown. */
@MicronautTest(transactional = false)
@Property(name = "lagesbild.anonymity-threshold", value = "2")
class SkattaLagetRoleBreakdownApiTest extends ApiTest {

    @Test
    void rolesShowTheirOwnMeansComputedByHand() {
        long roundId = SkattaLagetRound.sixRespondentsInThreeRoles(api);
        Map<String, Object> scores = api.get("/api/rounds/" + roundId + "/scores");
        SkattaLagetRound.assertRoundFigures(scores);

        List<Map<String, Object>> roles = (List<Map<String, Object>>) scores.get("roles");
        assertEquals(List.of("Ledning", "Stödfunktion", "Medarbetare"), roles.stream().map(r -> r.get("label")).toList());
        assertEquals(List.of(false, false, false), roles.stream().map(r -> r.get("suppressed")).toList());
        assertEquals(List.of(3.5, 2.17, 1.67), roles.stream().map(r -> ((Map<String, Object>) r.get("total")).get("mean")).toList());
        assertEquals(List.of(3.5, 2.0, 1.0), roles.stream().map(r -> SkattaLagetRound.item(r, "SL-A1").get("mean")).toList());
        assertEquals(List.of(3.0, 1.5, 2.0), roles.stream().map(r -> SkattaLagetRound.item(r, "SL-A2").get("mean")).toList());
        assertEquals(List.of(1, 2, 2), roles.stream().map(r -> SkattaLagetRound.item(r, "SL-B1").get("n")).toList());
        // Area A per role: (3.5 + 3.0)/2 = 3.25; (2.0 + 1.5)/2 = 1.75; (1.0 + 2.0)/2 = 1.5
        assertEquals(List.of(3.25, 1.75, 1.5), roles.stream()
                .map(r -> ((List<Map<String, Object>>) r.get("parts")).get(0).get("mean")).toList());
    }
}
