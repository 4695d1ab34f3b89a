package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import se.lagesbild.system.JdbcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Participants, their answers and their texts, in plain JDBC: answers arrive from a whole room
 * at once, so the answers waiting together are one indexed lookup of their participants by token hash and one
 * multi-row upsert ({@link WorkshopAnswerWriter}), without loading entities; the live results are counted from
 * one index.
 */
@Singleton
class WorkshopStore {

    static final String FIND_PARTICIPANT = """
            SELECT p.id, p.group_name, w.id, w.status, w.instrument_code, w.instrument_version
            FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id
            WHERE p.token_hash = ? AND w.code = ?""";
    static final String PARTICIPANTS_BY_TOKEN = """
            SELECT p.token_hash, w.code, p.id, p.group_name, w.id, w.status, w.instrument_code, w.instrument_version
            FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id
            WHERE p.token_hash IN (""";
    static final String INSERT_PARTICIPANT =
            "INSERT INTO workshop_participants (workshop_id, token_hash, group_name, joined_at) VALUES (?, ?, ?, ?)";
    static final String UPDATE_GROUP = "UPDATE workshop_participants SET group_name = ? WHERE id = ?";
    static final String UPSERT_ANSWERS_HEAD = "INSERT INTO workshop_answers (workshop_id, participant_id, item_code, value, updated_at) VALUES ";
    static final String UPSERT_ANSWERS_ROW = "(?, ?, ?, ?, ?)";
    static final String UPSERT_ANSWERS_TAIL = " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)";
    static final String ANSWERS_OF_PARTICIPANT = "SELECT item_code, value FROM workshop_answers WHERE participant_id = ?";
    static final String PARTICIPANT_COUNT = "SELECT COUNT(*) FROM workshop_participants WHERE workshop_id = ?";
    static final String ANSWER_COUNTS = """
            SELECT item_code, value, COUNT(*) FROM workshop_answers WHERE workshop_id = ? GROUP BY item_code, value""";
    static final String ANSWERING_PARTICIPANTS = "SELECT COUNT(DISTINCT participant_id) FROM workshop_answers WHERE workshop_id = ?";
    static final String UPSERT_CONTRIBUTION = """
            INSERT INTO workshop_contributions (workshop_id, activity_id, participant_id, prompt_index, group_name, text, hidden, updated_at)
            SELECT w.id, ?, ?, ?, ?, ?, FALSE, ? FROM workshops w WHERE w.id = ? AND w.status <> 'CLOSED'
            ON DUPLICATE KEY UPDATE group_name = ?, text = ?, updated_at = ?""";
    static final String CONTRIBUTION_COLUMNS =
            "SELECT id, activity_id, prompt_index, group_name, text, hidden, updated_at FROM workshop_contributions ";
    static final String CONTRIBUTIONS = CONTRIBUTION_COLUMNS + "WHERE workshop_id = ? AND text <> '' ORDER BY group_name, id";
    static final String CONTRIBUTIONS_OF_ACTIVITY = CONTRIBUTION_COLUMNS
            + "WHERE workshop_id = ? AND activity_id = ? AND text <> '' ORDER BY group_name, id";
    static final String CONTRIBUTIONS_OF_PARTICIPANT = CONTRIBUTION_COLUMNS
            + "WHERE workshop_id = ? AND participant_id = ? ORDER BY id";
    static final String SET_HIDDEN = "UPDATE workshop_contributions SET hidden = ? WHERE id = ? AND workshop_id = ?";
    static final String ADOPT = """
            UPDATE workshop_contributions SET activity_id = ?
            WHERE workshop_id = ? AND activity_id IS NULL AND prompt_index = ?""";
    static final String JOINED_FROM = """
            INSERT IGNORE INTO workshop_join_addresses (workshop_id, address_hash, joined_at) VALUES (?, ?, ?)""";
    static final String HAS_JOINED_FROM = "SELECT 1 FROM workshop_join_addresses WHERE workshop_id = ? AND address_hash = ?";
    static final String FORGET_ADDRESSES = "DELETE FROM workshop_join_addresses WHERE workshop_id = ?";

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

    /**
     * One participant's text for one activity (an open question's answer or a group reflection).
     *
     * @param activityId null only for a group text carried over from before agendas, not yet adopted
     */
    record Contribution(long id, @Nullable Long activityId, @Nullable Integer promptIndex, @Nullable String group,
                        String text, boolean hidden, Instant updatedAt) {
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

    /** A participant found by token hash, and the code of their workshop. */
    record ParticipantByToken(String code, Participant participant) {
    }

    /** The participants with these token hashes (those that exist), by token hash, on this connection. */
    static Map<String, ParticipantByToken> participantsByToken(Connection connection, Collection<String> tokenHashes) throws SQLException {
        Map<String, ParticipantByToken> byToken = new HashMap<>();
        String sql = PARTICIPANTS_BY_TOKEN + String.join(", ", Collections.nCopies(tokenHashes.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (String tokenHash : tokenHashes) {
                statement.setString(index++, tokenHash);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byToken.put(rows.getString(1), new ParticipantByToken(rows.getString(2), new Participant(rows.getLong(3),
                            rows.getString(4), rows.getLong(5), WorkshopStatus.valueOf(rows.getString(6)), rows.getString(7), rows.getInt(8))));
                }
            }
        }
        return byToken;
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

    /** A participant's answer to an item, ordered as the answers' unique index (participant_id, item_code). */
    private record AnswerKey(long participantId, String itemCode) implements Comparable<AnswerKey> {
        @Override
        public int compareTo(AnswerKey other) {
            int byParticipant = Long.compare(participantId, other.participantId);
            return byParticipant != 0 ? byParticipant : itemCode.compareTo(other.itemCode);
        }
    }

    /** A participant's answer to an item, to save. */
    record AnswerToSave(long workshopId, long participantId, String itemCode, @Nullable Integer value, Instant at) {
    }

    /**
     * Saves the answers on the connection, in its transaction, with one multi-row upsert: each replaces the
     * participant's earlier answer to its item, and of two answers to the same item the later in the list wins,
     * as if they had been saved one after the other. Rows go in key order, so that two batches lock alike.
     */
    static void saveAnswers(Connection connection, List<AnswerToSave> answers) throws SQLException {
        Map<AnswerKey, AnswerToSave> lastByKey = new TreeMap<>();
        for (AnswerToSave answer : answers) {
            lastByKey.put(new AnswerKey(answer.participantId(), answer.itemCode()), answer);
        }
        String sql = UPSERT_ANSWERS_HEAD + String.join(", ", Collections.nCopies(lastByKey.size(), UPSERT_ANSWERS_ROW))
                + UPSERT_ANSWERS_TAIL;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (AnswerToSave answer : lastByKey.values()) {
                statement.setLong(index++, answer.workshopId());
                statement.setLong(index++, answer.participantId());
                statement.setString(index++, answer.itemCode());
                setValue(statement, index++, answer.value());
                JdbcTime.bind(statement, index++, answer.at());
            }
            statement.executeUpdate();
        }
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

    /**
     * Saves the participant's own text for an activity, replacing only their own earlier one; false when the
     * workshop is closed.
     */
    boolean saveContribution(long workshopId, long activityId, long participantId, @Nullable Integer promptIndex,
                             @Nullable String group, String text, Instant at) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_CONTRIBUTION)) {
                Timestamp time = Timestamp.from(at);
                statement.setLong(1, activityId);
                statement.setLong(2, participantId);
                setValue(statement, 3, promptIndex);
                statement.setString(4, group);
                statement.setString(5, text);
                statement.setTimestamp(6, time);
                statement.setLong(7, workshopId);
                statement.setString(8, group);
                statement.setString(9, text);
                statement.setTimestamp(10, time);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** Every non-empty contribution of the workshop, by group. */
    List<Contribution> contributions(long workshopId) {
        return contributions(CONTRIBUTIONS, workshopId, null);
    }

    List<Contribution> contributionsOfActivity(long workshopId, long activityId) {
        return contributions(CONTRIBUTIONS_OF_ACTIVITY, workshopId, activityId);
    }

    List<Contribution> contributionsOfParticipant(long workshopId, long participantId) {
        return contributions(CONTRIBUTIONS_OF_PARTICIPANT, workshopId, participantId);
    }

    /** Hides a contribution from the room (or shows it again); false when the workshop has no such contribution. */
    boolean setHidden(long workshopId, long contributionId, boolean hidden) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET_HIDDEN)) {
                statement.setBoolean(1, hidden);
                statement.setLong(2, contributionId);
                statement.setLong(3, workshopId);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** Ties the group texts written for a reflection prompt before agendas existed to the agenda's activity for it. */
    void adopt(long workshopId, int promptIndex, long activityId) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ADOPT)) {
                statement.setLong(1, activityId);
                statement.setLong(2, workshopId);
                statement.setInt(3, promptIndex);
                return statement.executeUpdate();
            }
        });
    }

    /** Notes that the workshop was joined from this address (its hash), so wrong codes from there never lock it out. */
    void joinedFrom(long workshopId, String addressHash, Instant at) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(JOINED_FROM)) {
                statement.setLong(1, workshopId);
                statement.setString(2, addressHash);
                statement.setTimestamp(3, Timestamp.from(at));
                return statement.executeUpdate();
            }
        });
    }

    boolean hasJoinedFrom(long workshopId, String addressHash) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HAS_JOINED_FROM)) {
                statement.setLong(1, workshopId);
                statement.setString(2, addressHash);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Forgets the addresses the workshop was joined from (at closing: joining is over). */
    void forgetAddresses(long workshopId) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FORGET_ADDRESSES)) {
                statement.setLong(1, workshopId);
                return statement.executeUpdate();
            }
        });
    }

    private List<Contribution> contributions(String query, long workshopId, @Nullable Long id) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setLong(1, workshopId);
                if (id != null) {
                    statement.setLong(2, id);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<Contribution> contributions = new ArrayList<>();
                    while (rows.next()) {
                        long activity = rows.getLong(2);
                        contributions.add(new Contribution(rows.getLong(1), rows.wasNull() ? null : activity,
                                value(rows, 3), rows.getString(4), rows.getString(5), rows.getBoolean(6),
                                rows.getTimestamp(7).toInstant()));
                    }
                    return contributions;
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
