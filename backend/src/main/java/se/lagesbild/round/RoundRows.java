package se.lagesbild.round;

import se.lagesbild.system.JdbcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Rounds read with a shared lock on the answer path (every answer save, start and submit reads its round so),
 * in plain JDBC with the columns read by position: mapping the round as an entity by name cost more than the
 * statement itself (bench/README.md). The lock keeps the round from being closed until the transaction ends,
 * while answers to the same round do not wait for each other; LOCK IN SHARE MODE is understood by MySQL and
 * MariaDB alike. Runs on the caller's connection, inside its transaction.
 */
final class RoundRows {

    private static final String COLUMNS = "id, organisation_id, instrument_code, instrument_version, label, status, created_at, closed_at";

    private RoundRows() {
    }

    /** The rounds with these ids (those that exist), share-locked until the transaction on this connection ends. */
    static List<Round> lockForShare(Connection connection, Collection<Long> ids) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM rounds WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") LOCK IN SHARE MODE";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (long id : ids) {
                statement.setLong(index++, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Round> rounds = new ArrayList<>();
                while (rows.next()) {
                    rounds.add(new Round(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                            RoundStatus.valueOf(rows.getString(6)), JdbcTime.read(rows, 7), JdbcTime.read(rows, 8)));
                }
                return rounds;
            }
        }
    }
}
