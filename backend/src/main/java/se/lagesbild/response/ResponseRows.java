package se.lagesbild.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import se.lagesbild.system.JdbcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Responses on the answer path, in plain JDBC with the columns read by position: started, read for the form,
 * locked until the transaction ends for an answer save, a batch of them ({@link ResponseService#saveAnswers}) or
 * a submit, and marked submitted. Mapping each row as an entity by name through the repository was a third of a
 * batch's CPU and most of a start's and a submit's (bench/README.md). Runs on the caller's connection, inside its
 * transaction ({@code Transactions}), except the plain read of one response; a response is locked before its
 * round ({@code RoundService#getOpenUntilCommit}).
 */
@Singleton
class ResponseRows {

    private static final String COLUMNS = "id, round_id, respondent_role, status, created_at, submitted_at, user_id, respondent_key";
    private static final String INSERT = "INSERT INTO responses (round_id, respondent_role, status, created_at, submitted_at, user_id, "
            + "respondent_key) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String MARK_SUBMITTED = "UPDATE responses SET status = ?, submitted_at = ? WHERE id = ?";

    private final JdbcOperations jdbc;

    ResponseRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new response, created now, on this connection; answers it with its id and creation time. */
    static Response insert(Connection connection, Response draft) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement statement = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            statement.setLong(1, draft.roundId());
            statement.setString(2, draft.respondentRole());
            statement.setString(3, draft.status().name());
            JdbcTime.bind(statement, 4, now);
            JdbcTime.bind(statement, 5, draft.submittedAt());
            if (draft.userId() == null) {
                statement.setNull(6, Types.BIGINT);
            } else {
                statement.setLong(6, draft.userId());
            }
            statement.setString(7, draft.respondentKey());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return new Response(keys.getLong(1), draft.roundId(), draft.respondentRole(), draft.status(), now,
                        draft.submittedAt(), draft.userId(), draft.respondentKey());
            }
        }
    }

    /** The response, without locking it (a read of its own). */
    Optional<Response> find(long id) {
        return jdbc.execute(connection -> select(connection, "WHERE id = ?", statement -> statement.setLong(1, id))).stream().findFirst();
    }

    /** The response started with this respondent key, if any, without locking it (a read of its own). */
    Optional<Response> findByRespondentKey(String respondentKey) {
        return jdbc.execute(connection -> findByRespondentKey(connection, respondentKey));
    }

    /** The response started with this respondent key, if any, on this connection, without locking it. */
    static Optional<Response> findByRespondentKey(Connection connection, String respondentKey) throws SQLException {
        return select(connection, "WHERE respondent_key = ?", statement -> statement.setString(1, respondentKey)).stream().findFirst();
    }

    /** Marks the (locked) response submitted at that moment; answers it so. */
    static Response markSubmitted(Connection connection, Response response, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_SUBMITTED)) {
            statement.setString(1, ResponseStatus.SUBMITTED.name());
            JdbcTime.bind(statement, 2, at);
            statement.setLong(3, response.id());
            statement.executeUpdate();
        }
        return response.submitted(at);
    }

    /** The responses with these ids, locked until the transaction on this connection ends, in id order. */
    static List<Response> lockByIds(Connection connection, Collection<Long> ids) throws SQLException {
        return lock(connection, "id", ids);
    }

    /** The responses with these respondent keys, locked until the transaction on this connection ends, in id order. */
    static List<Response> lockByRespondentKeys(Connection connection, Collection<String> respondentKeys) throws SQLException {
        return lock(connection, "respondent_key", respondentKeys);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The responses whose column holds one of the values (ids or respondent keys), locked, in id order. */
    private static List<Response> lock(Connection connection, String column, Collection<?> values) throws SQLException {
        return select(connection, "WHERE " + column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ") ORDER BY id FOR UPDATE",
                statement -> {
                    int index = 1;
                    for (Object value : values) {
                        statement.setObject(index++, value);
                    }
                });
    }

    private static List<Response> select(Connection connection, String condition, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM responses " + condition)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<Response> responses = new ArrayList<>();
                while (rows.next()) {
                    long userId = rows.getLong(7);
                    Long userIdOrNull = rows.wasNull() ? null : userId;
                    responses.add(new Response(rows.getLong(1), rows.getLong(2), rows.getString(3),
                            ResponseStatus.valueOf(rows.getString(4)), JdbcTime.read(rows, 5), JdbcTime.read(rows, 6),
                            userIdOrNull, rows.getString(8)));
                }
                return responses;
            }
        }
    }
}
