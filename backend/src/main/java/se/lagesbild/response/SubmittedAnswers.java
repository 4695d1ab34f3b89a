package se.lagesbild.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a round's submitted responses with their answers for scoring: one query, four columns, read by
 * position. Every score, comparison, timeline and regional view reads this, and with many respondents it
 * is most of their time: mapped as whole entities through the repository (timestamps, comments, keys, and
 * each column looked up by name) 2 × 1,000 answers took about three quarters of a comparison
 * (bench/README.md).
 */
@Singleton
public class SubmittedAnswers {

    /** A LEFT JOIN, so that a response submitted without any answer still counts as a respondent. */
    static final String QUERY = """
            SELECT r.id, r.respondent_role, a.item_code, a.value
            FROM responses r LEFT JOIN answers a ON a.response_id = r.id
            WHERE r.round_id = ? AND r.status = ?""";

    private final JdbcOperations jdbc;

    public SubmittedAnswers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every answer of the round's submitted responses, in no particular order. */
    public List<SubmittedAnswer> ofRound(long roundId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setLong(1, roundId);
                statement.setString(2, ResponseStatus.SUBMITTED.name());
                try (ResultSet rows = statement.executeQuery()) {
                    List<SubmittedAnswer> answers = new ArrayList<>();
                    while (rows.next()) {
                        int value = rows.getInt(4);
                        Integer valueOrNull = rows.wasNull() ? null : value; // right after reading it: "Vet inte" or no answer
                        answers.add(new SubmittedAnswer(rows.getLong(1), rows.getString(2), rows.getString(3), valueOrNull));
                    }
                    return answers;
                }
            }
        });
    }
}
