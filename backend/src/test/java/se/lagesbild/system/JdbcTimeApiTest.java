package se.lagesbild.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.DatabaseTest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A moment written with {@link JdbcTime} reads back the same through the driver's {@code Timestamp} (what
 * Micronaut Data's entity mapping uses), and the other way round, on the application's own connections: the
 * hand-written answer statements and the repositories share the answers table.
 */
@MicronautTest(transactional = false)
class JdbcTimeApiTest extends DatabaseTest {

    @Inject
    JdbcOperations jdbc;

    private static final List<Instant> MOMENTS = List.of(
            Instant.parse("2025-03-30T01:30:00.123Z"), // the night Swedish clocks go forward
            Instant.parse("2025-10-26T01:30:00.999Z"), // the hour that happens twice in Sweden
            Instant.parse("2028-02-29T23:59:59.001Z"),
            Instant.parse("1999-12-31T23:00:00Z"));

    @Test
    void aMomentWrittenEitherWayReadsTheSameEitherWay() {
        jdbc.execute(connection -> {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TEMPORARY TABLE jdbc_time (id INT PRIMARY KEY, by_jdbc_time DATETIME(3), by_timestamp DATETIME(3))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_time VALUES (?, ?, ?)")) {
                for (int i = 0; i < MOMENTS.size(); i++) {
                    insert.setInt(1, i);
                    JdbcTime.bind(insert, 2, MOMENTS.get(i));
                    insert.setTimestamp(3, Timestamp.from(MOMENTS.get(i)));
                    insert.executeUpdate();
                }
                insert.setInt(1, 99);
                JdbcTime.bind(insert, 2, null);
                insert.setTimestamp(3, null);
                insert.executeUpdate();
            }
            List<Instant> byJdbcTimeRead = new ArrayList<>();
            List<Instant> byTimestampRead = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("SELECT by_jdbc_time, by_timestamp FROM jdbc_time WHERE id < 99 ORDER BY id")) {
                while (rows.next()) {
                    assertEquals(rows.getString(1), rows.getString(2), "the same column value written either way");
                    byJdbcTimeRead.add(JdbcTime.read(rows, 2));
                    byTimestampRead.add(rows.getTimestamp(1).toInstant());
                }
            }
            assertEquals(MOMENTS, byJdbcTimeRead);
            assertEquals(MOMENTS, byTimestampRead);
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("SELECT by_jdbc_time FROM jdbc_time WHERE id = 99")) {
                rows.next();
                assertNull(JdbcTime.read(rows, 1));
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP TEMPORARY TABLE jdbc_time");
            }
            return null;
        });
    }
}
