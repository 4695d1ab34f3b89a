package se.lagesbild.reliability;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentFileParser;
import se.lagesbild.support.TestDatabase;
import se.lagesbild.support.WireClient;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migrations on databases that are not empty: one left at the first release's schema (changesets
 * 001–004) with its data is brought to the current schema by the application's start with the data intact,
 * and running the migrations again (a second start, and Liquibase run once more by hand) changes nothing.
 */
class MigrationTest {

    private static final String MASTER = "db/changelog/db.changelog-master.yaml";
    private static final String FIRST_RELEASE = "db/changelog/first-release.yaml";

    @Test
    void aDatabaseAtTheFirstReleaseIsMigratedWithItsDataAndMigratingAgainChangesNothing() throws Exception {
        Map<String, Object> database = TestDatabase.isolatedProperties("first_release");
        update(database, FIRST_RELEASE);
        int firstReleaseChangesets = changesets(database);
        long responseId = seedAtFirstRelease(database);

        int current;
        try (EmbeddedServer app = start(database)) {
            // A response from before accounts belongs to nobody: the administrator reads it
            WireClient client = new WireClient(app.getURI()).signedInAsAdministrator();
            Map<String, Object> response = client.ok(client.get("/api/responses/" + responseId));
            List<Map<String, Object>> answers = (List<Map<String, Object>>) response.get("answers");
            assertEquals(List.of("CS-01", "CS-02", "CS-03"), answers.stream().map(a -> a.get("itemCode")).toList());
            assertEquals(List.of(4, 3, 2), answers.stream().map(a -> a.get("value")).toList());
            assertEquals("Jämställdhetsstrategin är antagen", answers.get(0).get("comment"));
            Map<String, Object> scores = client.ok(client.get("/api/rounds/" + response.get("roundId") + "/scores"));
            assertEquals(1, scores.get("respondents"));
            current = changesets(database);
        }
        Map<String, Object> fingerprint = schemaFingerprint(database);
        try (EmbeddedServer again = start(database)) {
            assertEquals(200, new WireClient(again.getURI()).get("/health").status());
        }
        update(database, MASTER);
        System.out.printf("Migrations: first release %d changesets, migrated on start to %d; a second start and a "
                + "second Liquibase run added %d changesets and changed the schema: %s%n", firstReleaseChangesets, current,
                changesets(database) - current, !fingerprint.equals(schemaFingerprint(database)));
        assertEquals(current, changesets(database), "running the migrations again adds nothing");
        assertEquals(fingerprint, schemaFingerprint(database));
    }

    private static EmbeddedServer start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>();
        database.forEach((key, value) -> {
            if (key.startsWith("datasources.")) {
                properties.put(key, value);
            }
        });
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static void update(Map<String, Object> properties, String changelog) throws Exception {
        try (Connection connection = TestDatabase.connect(properties)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update();
        }
    }

    private static int changesets(Map<String, Object> properties) throws SQLException {
        try (Connection connection = TestDatabase.connect(properties); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Every column and index of the schema. */
    private static Map<String, Object> schemaFingerprint(Map<String, Object> properties) throws SQLException {
        Map<String, Object> fingerprint = new HashMap<>();
        try (Connection connection = TestDatabase.connect(properties); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name, column_type, is_nullable "
                    + "FROM information_schema.columns WHERE table_schema = DATABASE()")) {
                while (rows.next()) {
                    fingerprint.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3) + " " + rows.getString(4));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT table_name, index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index) "
                    + "FROM information_schema.statistics WHERE table_schema = DATABASE() GROUP BY table_name, index_name")) {
                while (rows.next()) {
                    fingerprint.put(rows.getString(1) + " index " + rows.getString(2), rows.getString(3));
                }
            }
        }
        return fingerprint;
    }

    /** A submitted checklist response with three answers, written as the first release wrote them. */
    private static long seedAtFirstRelease(Map<String, Object> properties) throws Exception {
        String definitionJson;
        try (InputStream in = MigrationTest.class.getResourceAsStream("/instruments/checklist-systematik/v1.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            definitionJson = JsonMapper.createDefault().writeValueAsString(
                    InstrumentFileParser.parse("instruments/checklist-systematik/v1.yaml", text));
        }
        try (Connection connection = TestDatabase.connect(properties); Statement statement = connection.createStatement()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO instrument_versions "
                    + "(code, version, title, kind, definition_json, checksum, source, loaded_at) "
                    + "VALUES ('checklist-systematik', 1, 'Checklista för systematik', 'checklist', ?, ?, "
                    + "'instruments/checklist-systematik/v1.yaml', NOW(3))")) {
                insert.setString(1, definitionJson);
                insert.setString(2, "0".repeat(64));
                insert.executeUpdate();
            }
            statement.executeUpdate("INSERT INTO organisations (id, name, created_at) VALUES (1, 'Höörs kommun', NOW(3))");
            statement.executeUpdate("INSERT INTO rounds (id, organisation_id, instrument_code, instrument_version, label, status, created_at) "
                    + "VALUES (1, 1, 'checklist-systematik', 1, '2024', 'OPEN', NOW(3))");
            statement.executeUpdate("INSERT INTO responses (id, round_id, status, created_at, submitted_at) "
                    + "VALUES (7, 1, 'SUBMITTED', NOW(3), NOW(3))");
            statement.executeUpdate("INSERT INTO answers (response_id, item_code, value, comment, updated_at, answered_at, idempotency_key) VALUES "
                    + "(7, 'CS-01', 4, 'Jämställdhetsstrategin är antagen', NOW(3), NOW(3), 'k1'), "
                    + "(7, 'CS-02', 3, NULL, NOW(3), NOW(3), 'k2'), (7, 'CS-03', 2, NULL, NOW(3), NULL, NULL)");
        }
        return 7;
    }
}
