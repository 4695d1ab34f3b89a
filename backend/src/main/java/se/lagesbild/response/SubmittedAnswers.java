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

    /**
     * What identifies a round's set of submitted responses: how many there are and the sum of their ids. A
     * submitted response is never changed or removed (answers to it are refused) and responses are only added,
     * so the set changes exactly when this does, on whichever instance the submit happened.
     */
    static final String FINGERPRINT = "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM responses WHERE round_id = ? AND status = ?";

    /** The set of a round's submitted responses, as {@link #FINGERPRINT} tells it. */
    record Fingerprint(long count, long idSum) {
    }

    private final JdbcOperations jdbc;

    public SubmittedAnswers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Fingerprint fingerprint(long roundId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FINGERPRINT)) {
                statement.setLong(1, roundId);
                statement.setString(2, ResponseStatus.SUBMITTED.name());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new Fingerprint(rows.getLong(1), rows.getLong(2));
                }
            }
        });
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
