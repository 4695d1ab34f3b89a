package se.lagesbild.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import se.lagesbild.system.JdbcTime;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Responses locked until the transaction ends, for an answer save, a batch of them
 * ({@link ResponseService#saveAnswers}) or a submit, in plain JDBC with the columns read by position: mapping
 * each as an entity by name was a third of a batch's CPU (bench/README.md). Runs inside the caller's
 * transaction; a response is locked before its round ({@code RoundService#getOpenUntilCommit}).
 */
@Singleton
class ResponseRows {

    private static final String COLUMNS = "id, round_id, respondent_role, status, created_at, submitted_at, user_id, respondent_key";

    private final JdbcOperations jdbc;

    ResponseRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Response> lockById(long id) {
        return lockByIds(List.of(id)).stream().findFirst();
    }

    Optional<Response> lockByRespondentKey(String respondentKey) {
        return lockByRespondentKeys(List.of(respondentKey)).stream().findFirst();
    }

    /** The responses with these ids, locked until the transaction ends, in id order. */
    List<Response> lockByIds(Collection<Long> ids) {
        return lock("id", ids.size(), statement -> {
            int index = 1;
            for (long id : ids) {
                statement.setLong(index++, id);
            }
        });
    }

    /** The responses with these respondent keys, locked until the transaction ends, in id order. */
    List<Response> lockByRespondentKeys(Collection<String> respondentKeys) {
        return lock("respondent_key", respondentKeys.size(), statement -> {
            int index = 1;
            for (String key : respondentKeys) {
                statement.setString(index++, key);
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Response> lock(String column, int count, Binder binder) {
        String sql = "SELECT " + COLUMNS + " FROM responses WHERE " + column + " IN ("
                + String.join(", ", Collections.nCopies(count, "?")) + ") ORDER BY id FOR UPDATE";
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
        });
    }
}
