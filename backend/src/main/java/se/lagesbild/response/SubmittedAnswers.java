package se.lagesbild.response;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import se.lagesbild.system.JdbcTime;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads a round's submitted responses with their answers for scoring: one query, four columns, read by
 * position. Every score, comparison, timeline and regional view reads this, and with many respondents it
 * is most of their time: mapped as whole entities through the repository (timestamps, comments, keys, and
 * each column looked up by name) 2 × 1,000 answers took about three quarters of a comparison
 * (bench/README.md). So that a round's scores can follow its submits without reading it all again
 * ({@link RoundResults}), it also reads which responses a round has, answered from the index
 * {@code ix_responses_round_status_submitted} alone, and the answers of chosen responses.
 */
@Singleton
public class SubmittedAnswers {

    /** A LEFT JOIN, so that a response submitted without any answer still counts as a respondent. */
    static final String QUERY = """
            SELECT r.id, r.respondent_role, a.item_code, a.value
            FROM responses r LEFT JOIN answers a ON a.response_id = r.id
            WHERE r.round_id = ? AND r.status = ?""";

    /** {@link #QUERY} for chosen responses, those that are submitted. */
    private static final String OF_RESPONSES = """
            SELECT r.id, r.respondent_role, a.item_code, a.value
            FROM responses r LEFT JOIN answers a ON a.response_id = r.id
            WHERE r.status = ? AND r.id IN (%s)""";

    /** Responses asked for in one {@link #OF_RESPONSES} statement at most. */
    private static final int RESPONSES_PER_STATEMENT = 500;

    /**
     * What identifies a round's set of submitted responses: how many there are and the sum of their ids. A
     * submitted response is never changed (answers to it are refused) and responses are only added, so the set
     * changes exactly when this does, on whichever instance the submit happened. (Were one removed, by hand or by
     * a restored backup, the count and the sum would both have to come out as before for this to miss it.)
     */
    static final String FINGERPRINT = "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM responses WHERE round_id = ? AND status = ?";

    /*
     * Both in the index's order, sorted here: with ORDER BY id the server sorts them itself, or on a small table scans
     * the primary key instead of the index (EXPLAIN).
     */
    private static final String IDS = "SELECT id FROM responses WHERE round_id = ? AND status = ?";

    private static final String IDS_SUBMITTED_SINCE = "SELECT id FROM responses WHERE round_id = ? AND status = ? AND submitted_at >= ?";

    /** The set of a round's submitted responses, as {@link #FINGERPRINT} tells it. */
    record Fingerprint(long count, long idSum) {

        /** The fingerprint of the set of these responses (distinct ids). */
        static Fingerprint of(long[] ids) {
            return new Fingerprint(ids.length, Arrays.stream(ids).sum());
        }
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

    /** The ids of the round's submitted responses, ascending. */
    long[] ids(long roundId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(IDS)) {
                statement.setLong(1, roundId);
                statement.setString(2, ResponseStatus.SUBMITTED.name());
                return readIds(statement);
            }
        });
    }

    /**
     * The ids of the round's responses submitted at or after the moment, ascending, by their {@code submitted_at}
     * (the clock of the instance that took the submit; a caller allows for clocks that differ, and for a submit
     * whose transaction commits a while after it read its clock).
     */
    long[] idsSubmittedSince(long roundId, Instant since) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(IDS_SUBMITTED_SINCE)) {
                statement.setLong(1, roundId);
                statement.setString(2, ResponseStatus.SUBMITTED.name());
                JdbcTime.bind(statement, 3, since);
                return readIds(statement);
            }
        });
    }

    private static long[] readIds(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            long[] ids = new long[64];
            int count = 0;
            while (rows.next()) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = rows.getLong(1);
            }
            long[] read = Arrays.copyOf(ids, count);
            Arrays.sort(read);
            return read;
        }
    }

    /** Every answer of the round's submitted responses, in no particular order. */
    public List<SubmittedAnswer> ofRound(long roundId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setLong(1, roundId);
                statement.setString(2, ResponseStatus.SUBMITTED.name());
                return read(statement);
            }
        });
    }

    /** Every answer of those of the responses that are submitted, in no particular order. */
    List<SubmittedAnswer> ofResponses(long[] responseIds) {
        if (responseIds.length == 0) {
            return List.of();
        }
        List<SubmittedAnswer> answers = new ArrayList<>();
        for (int from = 0; from < responseIds.length; from += RESPONSES_PER_STATEMENT) {
            long[] chunk = Arrays.copyOfRange(responseIds, from, Math.min(responseIds.length, from + RESPONSES_PER_STATEMENT));
            String sql = OF_RESPONSES.formatted(String.join(", ", Collections.nCopies(chunk.length, "?")));
            answers.addAll(jdbc.execute(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, ResponseStatus.SUBMITTED.name());
                    for (int i = 0; i < chunk.length; i++) {
                        statement.setLong(i + 2, chunk[i]);
                    }
                    return read(statement);
                }
            }));
        }
        return answers;
    }

    private static List<SubmittedAnswer> read(PreparedStatement statement) throws SQLException {
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
}
