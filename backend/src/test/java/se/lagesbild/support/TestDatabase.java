package se.lagesbild.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import se.lagesbild.system.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one database server of the whole test suite, started once on first use: the server named by
 * LAGESBILD_TEST_DB_URL (with _USERNAME and _PASSWORD) if set; else MySQL 8.4 in Testcontainers where
 * Docker runs; else the embedded MariaDB that the application itself uses without a configured database.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static Map<String, Object> properties;

    private TestDatabase() {
    }

    /** Datasource properties pointing at the shared test server. */
    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = start();
        }
        return properties;
    }

    private static Map<String, Object> start() {
        String url = System.getenv("LAGESBILD_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            LOG.info("Tests use the database server given by LAGESBILD_TEST_DB_URL: {}", url);
            return datasource(url, System.getenv().getOrDefault("LAGESBILD_TEST_DB_USERNAME", "root"),
                    System.getenv().getOrDefault("LAGESBILD_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withDatabaseName("lagesbild")
                    .withUsername("lagesbild").withPassword("lagesbild")
                    .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_swedish_ci");
            mysql.start();
            LOG.info("Tests use MySQL 8.4 in Testcontainers: {}", mysql.getJdbcUrl());
            return datasource(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
        }
        Path dataDir = Path.of("target", "test-database");
        deleteRecursively(dataDir);
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-database-stop"));
        LOG.info("No Docker here: tests use the embedded MariaDB on port {}", database.port());
        return datasource(database.jdbcUrl(), database.username(), database.password());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> datasource(String url, String username, String password) {
        return Map.of("datasources.default.url", url,
                "datasources.default.username", username,
                "datasources.default.password", password);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir, e);
        }
    }
}
