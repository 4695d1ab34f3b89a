package se.lagesbild.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lets one instance at a time start on a database: instances started together (two replicas, a rolling
 * upgrade) would otherwise race to create Liquibase's own tables on an empty schema, and the loser fails to
 * start. Before the migrations run (they run when the DataSource is created; this listener comes first) it
 * takes the database's named lock {@value #LOCK} on a connection of its own and keeps it until the
 * application has started; a crashed instance's lock goes with its connection.
 */
@Singleton
public class MigrationLock implements BeanCreatedEventListener<DataSource>, Ordered {

    static final String LOCK = "lagesbild_startup";
    private static final int WAIT_SECONDS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);

    private Connection holder;

    @Override
    public synchronized DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (holder != null) {
            return event.getBean();
        }
        try {
            Connection connection = event.getBean().getConnection();
            long started = System.nanoTime();
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, LOCK);
                lock.setInt(2, WAIT_SECONDS);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        connection.close();
                        throw new IllegalStateException("Another instance held the start-up lock " + LOCK + " for "
                                + WAIT_SECONDS + " s; is one hanging in its migrations?");
                    }
                }
            }
            long waited = (System.nanoTime() - started) / 1_000_000;
            if (waited > 1000) {
                LOG.info("Waited {} ms for another instance to finish starting on this database", waited);
            }
            holder = connection;
        } catch (SQLException e) {
            // No lock without a database; Liquibase reports the database problem itself right after.
            LOG.warn("Could not take the start-up lock: {}", e.getMessage());
        }
        return event.getBean();
    }

    @EventListener
    void started(StartupEvent event) {
        release();
    }

    @EventListener
    void stopping(ShutdownEvent event) {
        release();
    }

    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the start-up lock (it goes with the connection): {}", e.getMessage());
        } finally {
            holder = null;
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
