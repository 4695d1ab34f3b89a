package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Participants, their answers and the groups' reflections, in plain JDBC: answers arrive from a whole room
 * at once, so saving one is one indexed lookup of the participant by token hash and one upsert, without
 * loading entities; the live results are counted from one index.
 */
@Singleton
class WorkshopStore {

    static final String FIND_PARTICIPANT = """
            SELECT p.id, p.group_name, w.id, w.status, w.instrument_code, w.instrument_version
            FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id
            WHERE p.token_hash = ? AND w.code = ?""";
    static final String INSERT_PARTICIPANT =
            "INSERT INTO workshop_participants (workshop_id, token_hash, group_name, joined_at) VALUES (?, ?, ?, ?)";
    static final String UPDATE_GROUP = "UPDATE workshop_participants SET group_name = ? WHERE id = ?";
    static final String UPSERT_ANSWER = """
            INSERT INTO workshop_answers (workshop_id, participant_id, item_code, value, updated_at) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE value = ?, updated_at = ?""";
    static final String ANSWERS_OF_PARTICIPANT = "SELECT item_code, value FROM workshop_answers WHERE participant_id = ?";
    static final String PARTICIPANT_COUNT = "SELECT COUNT(*) FROM workshop_participants WHERE workshop_id = ?";
    static final String ANSWER_COUNTS = """
            SELECT item_code, value, COUNT(*) FROM workshop_answers WHERE workshop_id = ? GROUP BY item_code, value""";
    static final String ANSWERING_PARTICIPANTS = "SELECT COUNT(DISTINCT participant_id) FROM workshop_answers WHERE workshop_id = ?";
    static final String UPSERT_REFLECTION = """
            INSERT INTO workshop_reflections (workshop_id, group_name, prompt_index, text, updated_at)
            SELECT w.id, ?, ?, ?, ? FROM workshops w WHERE w.id = ? AND w.status <> 'CLOSED'
            ON DUPLICATE KEY UPDATE text = ?, updated_at = ?""";
    static final String REFLECTIONS = """
            SELECT group_name, prompt_index, text, updated_at FROM workshop_reflections
            WHERE workshop_id = ? ORDER BY group_name, prompt_index""";
    static final String REFLECTIONS_OF_GROUP = """
            SELECT group_name, prompt_index, text, updated_at FROM workshop_reflections
            WHERE workshop_id = ? AND group_name = ? ORDER BY prompt_index""";

    private final JdbcOperations jdbc;

    WorkshopStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant found by token in the workshop with this code, with what an answer needs of the workshop. */
    record Participant(long id, @Nullable String group, long workshopId, WorkshopStatus workshopStatus,
                       String instrumentCode, int instrumentVersion) {
    }

    record GivenAnswer(String itemCode, @Nullable Integer value) {
    }

    /** Counts of one value of one item. */
    record ValueCount(String itemCode, @Nullable Integer value, int count) {
    }

    record Counts(int participants, int answering, List<ValueCount> values) {
    }

    record Reflection(String group, int promptIndex, String text, Instant updatedAt) {
    }

    Optional<Participant> participant(String tokenHash, String code) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND_PARTICIPANT)) {
                statement.setString(1, tokenHash);
                statement.setString(2, code);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Participant(rows.getLong(1), rows.getString(2), rows.getLong(3),
                            WorkshopStatus.valueOf(rows.getString(4)), rows.getString(5), rows.getInt(6)));
                }
            }
        });
    }

    long addParticipant(long workshopId, String tokenHash, @Nullable String group, Instant at) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_PARTICIPANT, Statement.RETURN_GENERATED_KEYS)) {
                statement.setLong(1, workshopId);
                statement.setString(2, tokenHash);
                statement.setString(3, group);
                statement.setTimestamp(4, Timestamp.from(at));
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void setGroup(long participantId, @Nullable String group) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPDATE_GROUP)) {
                statement.setString(1, group);
                statement.setLong(2, participantId);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Saves the participant's answer to an item, replacing an earlier one. The caller has just read the
     * workshop open with the participant; an answer that was under way while the workshop closed is
     * counted as given before the close.
     */
    void saveAnswer(long workshopId, long participantId, String itemCode, @Nullable Integer value, Instant at) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_ANSWER)) {
                Timestamp time = Timestamp.from(at);
                statement.setLong(1, workshopId);
                statement.setLong(2, participantId);
                statement.setString(3, itemCode);
                setValue(statement, 4, value);
                statement.setTimestamp(5, time);
                setValue(statement, 6, value);
                statement.setTimestamp(7, time);
                return statement.executeUpdate();
            }
        });
    }

    List<GivenAnswer> answersOf(long participantId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ANSWERS_OF_PARTICIPANT)) {
                statement.setLong(1, participantId);
                try (ResultSet rows = statement.executeQuery()) {
                    List<GivenAnswer> answers = new ArrayList<>();
                    while (rows.next()) {
                        answers.add(new GivenAnswer(rows.getString(1), value(rows, 2)));
                    }
                    return answers;
                }
            }
        });
    }

    Counts counts(long workshopId) {
        return jdbc.execute(connection -> {
            int participants = single(connection.prepareStatement(PARTICIPANT_COUNT), workshopId);
            int answering = single(connection.prepareStatement(ANSWERING_PARTICIPANTS), workshopId);
            List<ValueCount> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(ANSWER_COUNTS)) {
                statement.setLong(1, workshopId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(new ValueCount(rows.getString(1), value(rows, 2), rows.getInt(3)));
                    }
                }
            }
            return new Counts(participants, answering, values);
        });
    }

    /** Saves a group's text for one reflection prompt, replacing the earlier one; false when the workshop is closed. */
    boolean saveReflection(long workshopId, String group, int promptIndex, String text, Instant at) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_REFLECTION)) {
                Timestamp time = Timestamp.from(at);
                statement.setString(1, group);
                statement.setInt(2, promptIndex);
                statement.setString(3, text);
                statement.setTimestamp(4, time);
                statement.setLong(5, workshopId);
                statement.setString(6, text);
                statement.setTimestamp(7, time);
                return statement.executeUpdate() > 0;
            }
        });
    }

    List<Reflection> reflections(long workshopId) {
        return reflections(REFLECTIONS, workshopId, null);
    }

    List<Reflection> reflectionsOfGroup(long workshopId, String group) {
        return reflections(REFLECTIONS_OF_GROUP, workshopId, group);
    }

    private List<Reflection> reflections(String query, long workshopId, @Nullable String group) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setLong(1, workshopId);
                if (group != null) {
                    statement.setString(2, group);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<Reflection> reflections = new ArrayList<>();
                    while (rows.next()) {
                        reflections.add(new Reflection(rows.getString(1), rows.getInt(2), rows.getString(3),
                                rows.getTimestamp(4).toInstant()));
                    }
                    return reflections;
                }
            }
        });
    }

    private static int single(PreparedStatement statement, long workshopId) throws SQLException {
        try (statement) {
            statement.setLong(1, workshopId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void setValue(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Integer value(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}
