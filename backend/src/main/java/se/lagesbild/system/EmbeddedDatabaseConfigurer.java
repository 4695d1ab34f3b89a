package se.lagesbild.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Points the default datasource at an embedded MariaDB when no database URL is configured, so that the
 * run command works on a fresh machine with nothing installed. With DATASOURCES_DEFAULT_URL set (as
 * docker-compose does) it does nothing and no embedded server starts.
 *
 * <p>It listens to the datasource configuration's initialisation: that is before the pool and Liquibase
 * start, and before the configuration is rejected for lacking a URL.
 */
@Singleton
public class EmbeddedDatabaseConfigurer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfigurer.class);

    private final Path dataDir;
    private EmbeddedDatabase database;

    public EmbeddedDatabaseConfigurer(@Value("${lagesbild.data-dir}") String dataDir) {
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getConfiguredUrl();
        if (url != null && !url.isBlank()) {
            LOG.info("Using the configured database {}", url);
            return configuration;
        }
        if (database == null) {
            long started = System.nanoTime();
            database = EmbeddedDatabase.start(dataDir);
            LOG.info("No database configured (DATASOURCES_DEFAULT_URL): started the embedded MariaDB on port {} "
                            + "with its data in {} ({} ms)", database.port(), dataDir.toAbsolutePath().normalize(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        configuration.setUrl(database.jdbcUrl());
        configuration.setUsername(database.username());
        configuration.setPassword(database.password());
        return configuration;
    }

    /** Whether this app runs on the embedded default database (no database was configured). */
    public synchronized boolean embeddedInUse() {
        return database != null;
    }

    @PreDestroy
    synchronized void stopDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
