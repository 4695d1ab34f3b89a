package se.lagesbild.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import se.lagesbild.system.JdbcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Answers read and written on the answer path in plain JDBC, columns by position: for a batch of answer saves
 * ({@link ResponseService#saveAnswers}) the stored answers of several responses in one query and several answers
 * stored with one multi-row upsert; and one response's answers, which its form and its submit show. Mapping
 * these rows as entities through the repository was most of the app's CPU per answer save (bench/README.md).
 * The batch's statements run on the writer's connection, inside its transaction ({@link AnswerWriter}).
 */
@Singleton
class AnswerRows {

    private static final String COLUMNS = "response_id, item_code, value, comment, updated_at, answered_at, idempotency_key";
    private static final String OF_RESPONSE = "SELECT id, " + COLUMNS + " FROM answers WHERE response_id = ? ORDER BY item_code";
    private static final String UPSERT_HEAD = "INSERT INTO answers (" + COLUMNS + ") VALUES ";
    private static final String UPSERT_ROW = "(?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_TAIL = """
             ON DUPLICATE KEY UPDATE value = VALUES(value), comment = VALUES(comment), updated_at = VALUES(updated_at),
                answered_at = VALUES(answered_at), idempotency_key = VALUES(idempotency_key)""";

    private final JdbcOperations jdbc;

    AnswerRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored answers of these responses to these items (every pair of them: the caller picks the ones it
     * asked for). One query on the index (response_id, item_code).
     */
    List<Answer> of(Connection connection, Collection<Long> responseIds, Collection<String> itemCodes) throws SQLException {
        String sql = "SELECT id, " + COLUMNS + " FROM answers WHERE response_id IN (" + placeholders(responseIds.size())
                + ") AND item_code IN (" + placeholders(itemCodes.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (long responseId : responseIds) {
                statement.setLong(index++, responseId);
            }
            for (String itemCode : itemCodes) {
                statement.setString(index++, itemCode);
            }
            return read(statement);
        }
    }

    /** The response's answers, by item code: what the respondent's form shows. */
    List<Answer> ofResponse(long responseId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(OF_RESPONSE)) {
                statement.setLong(1, responseId);
                return read(statement);
            }
        });
    }

    private static List<Answer> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            List<Answer> answers = new ArrayList<>();
            while (rows.next()) {
                int value = rows.getInt(4);
                Integer valueOrNull = rows.wasNull() ? null : value;
                answers.add(new Answer(rows.getLong(1), rows.getLong(2), rows.getString(3), valueOrNull, rows.getString(5),
                        JdbcTime.read(rows, 6), JdbcTime.read(rows, 7), rows.getString(8)));
            }
            return answers;
        }
    }

    /** Stores the answers, each replacing the response's earlier answer to its item: one statement. */
    void upsert(Connection connection, List<Answer> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        String sql = UPSERT_HEAD + String.join(", ", Collections.nCopies(answers.size(), UPSERT_ROW)) + UPSERT_TAIL;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Answer answer : answers) {
                statement.setLong(index++, answer.responseId());
                statement.setString(index++, answer.itemCode());
                if (answer.value() == null) {
                    statement.setNull(index++, Types.INTEGER);
                } else {
                    statement.setInt(index++, answer.value());
                }
                statement.setString(index++, answer.comment());
                JdbcTime.bind(statement, index++, answer.updatedAt());
                JdbcTime.bind(statement, index++, answer.answeredAt());
                statement.setString(index++, answer.idempotencyKey());
            }
            statement.executeUpdate();
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
