package se.lagesbild.response;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The answer writers' connections: a pool of their own (one per writer), configured like the application's
 * (same database, user, driver settings, timeouts, metrics as pool {@code answer-writers}) except that its
 * connections are never in autocommit. Through the application's pool every transaction is framed by
 * {@code SET autocommit=0} and {@code SET autocommit=1} (Micronaut's transaction manager turns autocommit off and
 * on again, the pool's default being on): two of the seven statements of a batch, for nothing. Here a batch is
 * its statements and a {@code COMMIT} ({@link AnswerWriter}). Made when the first batch needs it, so that the
 * application's pool is configured by then (the embedded database, say).
 */
@Singleton
class AnswerConnections {

    private final DataSource application;
    private final int writers;
    private volatile HikariDataSource pool;

    AnswerConnections(DataSource application, @Value("${lagesbild.answers.writers:2}") int writers) {
        this.application = application;
        this.writers = Math.max(1, writers);
    }

    /** A connection in a transaction of its own, not in autocommit: the caller commits or rolls back, then closes it. */
    Connection get() throws SQLException {
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
                    config.setPoolName("answer-writers");
                    config.setAutoCommit(false);
                    config.setMaximumPoolSize(writers);
                    config.setMinimumIdle(0);
                    config.setRegisterMbeans(false);
                    config.setHealthCheckRegistry(null);
                    config.setInitializationFailTimeout(-1); // the database may be away now; a batch then fails and retries alone
                    current = new HikariDataSource(config);
                    pool = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
