package se.lagesbild.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A group commit's connections ({@link GroupCommit}): a pool of their own (one per writer), configured like the
 * application's (same database, user, driver settings, timeouts, metrics) except that its connections are never
 * in autocommit. Made when the first batch needs it, so that the application's pool is configured by then (the
 * embedded database, say).
 */
final class WriterConnections {

    private final DataSource application;
    private final String poolName;
    private final int size;
    private volatile HikariDataSource pool;

    WriterConnections(DataSource application, String poolName, int size) {
        this.application = application;
        this.poolName = poolName;
        this.size = Math.max(1, size);
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
                    config.setPoolName(poolName);
                    config.setAutoCommit(false);
                    config.setMaximumPoolSize(size);
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

    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
