package se.lagesbild.system;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instants in the API's JSON go through {@link InstantSerde}, and read and write as before. */
@MicronautTest(transactional = false)
class InstantSerdeApiTest extends ApiTest {

    @Inject
    SerdeRegistry registry;

    @Inject
    ObjectMapper mapper;

    @Serdeable
    record Moment(Instant at) {
    }

    @Test
    void theApplicationsSerdeWritesAndReadsEveryInstant() throws IOException {
        assertInstanceOf(InstantSerde.class, registry.findSerializer(Argument.of(Instant.class)));
        assertInstanceOf(InstantSerde.class, registry.findDeserializer(Argument.of(Instant.class)));

        assertEquals("{\"at\":\"2026-11-29T08:00:00.120Z\"}", mapper.writeValueAsString(new Moment(Instant.parse("2026-11-29T08:00:00.12Z"))));
        assertEquals(Instant.parse("2026-11-29T08:00:00.5Z"), mapper.readValue("{\"at\":\"2026-11-29T08:00:00.5Z\"}", Moment.class).at());
        assertEquals(Instant.parse("2026-11-29T08:00:00Z"), mapper.readValue("{\"at\":\"2026-11-29T09:00:00+01:00\"}", Moment.class).at());
        assertEquals(Instant.ofEpochMilli(1_764_403_200_123L), mapper.readValue("{\"at\":1764403200123}", Moment.class).at());
        assertEquals(null, mapper.readValue("{\"at\":null}", Moment.class).at());
        assertThrows(IOException.class, () -> mapper.readValue("{\"at\":\"i morgon\"}", Moment.class));
    }

    @Test
    void anAnswerTimeOffTheFormIsA400ThatSaysWhy() {
        long organisationId = api.createOrganisation("Vimmerby kommun");
        long roundId = api.createRound(organisationId, "checklist-systematik", "2025");
        long responseId = api.startResponse(roundId);
        Map<String, Object> saved = api.put("/api/responses/" + responseId + "/answers/CS-01",
                Map.of("value", 3, "answeredAt", "2026-11-29T08:00:00.25Z"));
        assertEquals("2026-11-29T08:00:00.250Z", saved.get("answeredAt"));
        assertTrue(((String) saved.get("updatedAt")).endsWith("Z"), saved.toString());

        Map<String, Object> problem = api.problem(400, () -> api.put("/api/responses/" + responseId + "/answers/CS-02",
                Map.of("value", 3, "answeredAt", "igår")));
        assertTrue(((String) problem.get("detail")).contains("2025-03-04T14:05:12Z"), "the detail shows a time as it should be: " + problem);
    }
}
