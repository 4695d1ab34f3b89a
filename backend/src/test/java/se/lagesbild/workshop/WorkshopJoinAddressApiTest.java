package se.lagesbild.workshop;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;
import se.lagesbild.system.SecretToken;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The addresses a workshop was joined from are kept (so a room behind one address is never locked out) but never
 * so that a database reader could pair a participant with an address: no exact time beside them that matches a
 * participant's join, and not a plain hash that could be reversed by trying every IPv4 address.
 */
@MicronautTest(transactional = false)
class WorkshopJoinAddressApiTest extends ApiTest {

    @Inject
    JdbcOperations jdbc;

    @Test
    void aJoiningAddressIsKeptAsAKeyedHashWithTheDayOnly() {
        WorkshopCalls calls = new WorkshopCalls(api);
        java.util.Map<String, Object> workshop = calls.openStaircase("Förvaltningsdagen");
        Object id = workshop.get("id");
        calls.joinExchange((String) workshop.get("code"), "Bord 1");

        Object[] row = jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("SELECT address_hash, joined_at FROM workshop_join_addresses WHERE workshop_id = ?")) {
                statement.setLong(1, ((Number) id).longValue());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new Object[] {rows.getString(1).strip(), rows.getTimestamp(2)};
                }
            }
        });
        assertNotEquals(SecretToken.hash("127.0.0.1"), row[0], "a plain SHA-256 of an address is reversible");
        LocalTime time = ((Timestamp) row[1]).toInstant().atZone(ZoneId.of("Europe/Stockholm")).toLocalTime();
        assertEquals(LocalTime.MIDNIGHT, time, "the day only, nothing to match with a participant's join");
    }
}
