package se.lagesbild.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.data.exceptions.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections for the hand-written transactions of the answer path ({@link GroupCommit}'s batches, starting and
 * submitting a response): a pool of their own, configured like the application's (same database, user, driver
 * settings, timeouts, metrics) except that its connections are never in autocommit. Through the application's
 * pool every transaction is framed by {@code SET autocommit=0} and {@code SET autocommit=1} (Micronaut's
 * transaction manager turns autocommit off and on again, the pool's default being on): two statements for
 * nothing. Here a transaction is its statements and a {@code COMMIT}. The pool is made when the first
 * transaction needs it, so that the application's pool is configured by then (the embedded database, say).
 */
public final class TransactionConnections {

    /** Work inside one transaction on one connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource application;
    private final String poolName;
    private final int size;
    private volatile HikariDataSource pool;

    /**
     * @param poolName the pool's name, in its metrics and log lines
     * @param size     its most connections: transactions beyond wait for one
     */
    public TransactionConnections(DataSource application, String poolName, int size) {
        this.application = application;
        this.poolName = poolName;
        this.size = Math.max(1, size);
    }

    /**
     * Runs the work in a transaction of its own: committed when the work returns, rolled back when it throws,
     * and the failure thrown again; a database's as a {@link DataAccessException}, like the repositories' (a
     * connection failure answers 503), a refusal ({@link ProblemException}) as it is.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = get()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            }
        } catch (SQLException failure) {
            throw new DataAccessException("The transaction failed: " + failure.getMessage(), failure);
        }
    }

    /** A connection in a transaction of its own, not in autocommit: the caller commits or rolls back, then closes it. */
    public Connection get() throws SQLException {
        return pool().getConnection();
    }

    private HikariDataSource pool() throws SQLException {
        HikariDataSource current = pool;
        if (current == null) {
            synchronized (this) {
                current = pool;
                if (current == null) {
                    HikariConfig config = new HikariConfig();
                    application.unwrap(HikariDataSource.class).copyStateTo(config);
                    config.setPoolName(poolName);
                    config.setAutoCommit(false);
                    config.setMaximumPoolSize(size);
                    config.setMinimumIdle(0);
                    config.setRegisterMbeans(false);
                    config.setHealthCheckRegistry(null);
                    config.setInitializationFailTimeout(-1); // the database may be away now; the transaction then fails
                    current = new HikariDataSource(config);
                    pool = current;
                }
            }
        }
        return current;
    }

    /** Closes the pool (at shutdown). */
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
