package se.lagesbild.access;

import se.lagesbild.system.JdbcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Audit entries written in plain JDBC with the columns bound by position: every submitted response writes one,
 * and saving it as an entity cost more than the statement (bench/README.md). Runs on the caller's connection,
 * inside its transaction. Reading the trail stays with {@link AuditEventRepository}.
 */
final class AuditRows {

    private static final String INSERT = """
            INSERT INTO audit_events (at, organisation_id, user_id, username, action, entity_type, entity_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Adds one to a counted entry (no user; its detail the count), if the day has one. */
    private static final String INCREMENT_COUNT = """
            UPDATE audit_events SET detail = CAST(CAST(detail AS UNSIGNED) + 1 AS CHAR)
            WHERE action = ? AND entity_type = ? AND entity_id = ? AND at = ? AND user_id IS NULL""";

    private AuditRows() {
    }

    static void insert(Connection connection, AuditEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            JdbcTime.bind(statement, 1, event.at());
            setLong(statement, 2, event.organisationId());
            setLong(statement, 3, event.userId());
            statement.setString(4, event.username());
            statement.setString(5, event.action());
            statement.setString(6, event.entityType());
            setLong(statement, 7, event.entityId());
            statement.setString(8, event.detail());
            statement.executeUpdate();
        }
    }

    /** Counts one more for the entry of this thing and day; false when the day has no entry yet. */
    static boolean incrementCount(Connection connection, String action, String entityType, long entityId, Instant day)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INCREMENT_COUNT)) {
            statement.setString(1, action);
            statement.setString(2, entityType);
            statement.setLong(3, entityId);
            JdbcTime.bind(statement, 4, day);
            return statement.executeUpdate() > 0;
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
