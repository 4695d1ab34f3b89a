package se.lagesbild.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Transactions for the hand-written statements of the answer path (starting, saving alone and submitting a
 * response): inside the caller's Micronaut transaction when there is one (an invitation accepted, a survey link
 * submitted: their own statements and the response's commit together), otherwise in a transaction of its own on
 * a connection that is never in autocommit ({@link TransactionConnections}, pool {@code transactions}, {@code
 * lagesbild.transactions.connections} connections, 4 by default): no {@code SET autocommit} before and after,
 * which Micronaut's transaction manager sends around every transaction on the application's pool. The work must
 * use the connection it is given, and only that, for everything it reads and writes.
 */
@Singleton
public class Transactions {

    private final TransactionOperations<Connection> micronaut;
    private final TransactionConnections own;

    public Transactions(DataSource application, TransactionOperations<Connection> micronaut,
                        @Value("${lagesbild.transactions.connections:4}") int connections) {
        this.micronaut = micronaut;
        this.own = new TransactionConnections(application, "transactions", connections);
    }

    /**
     * Runs the work in the caller's transaction if there is one (which then commits or rolls back with the
     * caller), otherwise in one of its own, committed when the work returns and rolled back when it throws. A
     * database failure is thrown as a {@link DataAccessException} (503), a refusal ({@link ProblemException}) as it is.
     */
    public <T> T required(TransactionConnections.Work<T> work) {
        Optional<? extends TransactionStatus<?>> current = micronaut.findTransactionStatus();
        if (current.isEmpty()) {
            return own.inTransaction(work);
        }
        try {
            return work.run((Connection) current.get().getConnection());
        } catch (SQLException failure) {
            throw new DataAccessException("The transaction failed: " + failure.getMessage(), failure);
        }
    }

    @PreDestroy
    void close() {
        own.close();
    }
}
