package se.lagesbild.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Transactions#required}: the caller's transaction when there is one, otherwise one of its own, never in autocommit. */
@MicronautTest(transactional = false)
class TransactionsApiTest extends ApiTest {

    @Inject
    Transactions transactions;

    @Inject
    TransactionOperations<Connection> micronaut;

    @Inject
    JdbcOperations jdbc;

    @BeforeEach
    void table() {
        execute("CREATE TABLE IF NOT EXISTS transactions_test (id INT PRIMARY KEY)");
    }

    @AfterEach
    void dropTable() {
        execute("DROP TABLE IF EXISTS transactions_test");
    }

    private void execute(String sql) {
        jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute(sql);
            }
        });
    }

    @Test
    void withoutACallersTransactionItCommitsOrRollsBackItsOwn() {
        transactions.required(connection -> {
            assertFalse(connection.getAutoCommit(), "its own connection is not in autocommit");
            return insert(connection, 1);
        });
        ProblemException refused = assertThrows(ProblemException.class, () -> transactions.required(connection -> {
            insert(connection, 2);
            throw ProblemException.conflict(Text.of("round.closed", "2025"));
        }));
        assertEquals(409, refused.problem(ProblemTexts.SWEDISH).status());

        assertTrue(stored(1), "committed");
        assertFalse(stored(2), "rolled back with the refusal");
    }

    @Test
    void insideACallersTransactionItJoinsItAndEndsWithIt() {
        micronaut.executeWrite(status -> {
            transactions.required(connection -> {
                assertSame(status.getConnection(), connection, "the caller's own connection");
                return insert(connection, 3);
            });
            return null;
        });
        assertThrows(IllegalStateException.class, () -> micronaut.executeWrite(status -> {
            transactions.required(connection -> insert(connection, 4));
            throw new IllegalStateException("the caller fails after the work");
        }));

        assertTrue(stored(3), "committed with the caller");
        assertFalse(stored(4), "rolled back with the caller");
    }

    private static int insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO transactions_test (id) VALUES (?)")) {
            statement.setInt(1, id);
            return statement.executeUpdate();
        }
    }

    private boolean stored(int id) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM transactions_test WHERE id = ?")) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) == 1;
                }
            }
        });
    }
}
