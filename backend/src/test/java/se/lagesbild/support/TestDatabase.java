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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one database server of the whole test suite, started once on first use: the server named by
 * LAGESBILD_TEST_DB_URL (with _USERNAME and _PASSWORD) if set; else MySQL 8.4 in Testcontainers where
 * Docker runs; else the embedded MariaDB that the application itself uses without a configured database.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final Pattern SERVER_IN_URL = Pattern.compile("^(jdbc:mysql://)([^:/]+)(?::(\\d+))?(/.*)$");
    private static final Pattern SCHEMA_IN_URL = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$");
    private static Map<String, Object> properties;
    private static final Set<String> isolatedSchemas = new HashSet<>();

    private TestDatabase() {
    }

    /** Datasource properties pointing at the shared test server's shared schema. */
    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = start();
        }
        return properties;
    }

    /**
     * A schema of its own on the same server, for a test that changes what every test sees (such as loading
     * a new instrument version); created empty once per run, migrated by the application.
     */
    public static synchronized Map<String, Object> isolatedProperties(String name) {
        Map<String, Object> shared = properties();
        String url = (String) shared.get("datasources.default.url");
        Matcher parts = SCHEMA_IN_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("Cannot place a schema in " + url);
        }
        String schema = "lagesbild_" + name;
        if (isolatedSchemas.add(schema)) {
            try (Connection connection = DriverManager.getConnection(parts.group(1) + parts.group(3),
                    (String) shared.get("admin.username"), (String) shared.get("admin.password"));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + schema);
                statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci");
                if (!shared.get("admin.username").equals(shared.get("datasources.default.username"))) {
                    statement.execute("GRANT ALL ON " + schema + ".* TO '" + shared.get("datasources.default.username") + "'@'%'");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test schema " + schema
                        + " (the test database user needs CREATE and GRANT rights)", e);
            }
        }
        Map<String, Object> isolated = new HashMap<>(shared);
        isolated.put("datasources.default.url", parts.group(1) + schema + parts.group(3));
        return isolated;
    }

    /** A connection as the application's user to the schema these properties name. */
    public static Connection connect(Map<String, Object> properties) throws SQLException {
        return DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"), (String) properties.get("datasources.default.password"));
    }

    /** The host and port of the server in a JDBC URL such as jdbc:mysql://127.0.0.1:3306/lagesbild?… */
    public static java.net.InetSocketAddress address(String url) {
        Matcher parts = SERVER_IN_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("No server address in " + url);
        }
        return java.net.InetSocketAddress.createUnresolved(parts.group(2), parts.group(3) == null ? 3306 : Integer.parseInt(parts.group(3)));
    }

    /** The same JDBC URL pointing at another server address (a proxy in front of the server). */
    public static String withAddress(String url, String host, int port) {
        Matcher parts = SERVER_IN_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("No server address in " + url);
        }
        return parts.group(1) + host + ":" + port + parts.group(4);
    }

    private static Map<String, Object> start() {
        String url = System.getenv("LAGESBILD_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            LOG.info("Tests use the database server given by LAGESBILD_TEST_DB_URL: {}", url);
            String username = System.getenv().getOrDefault("LAGESBILD_TEST_DB_USERNAME", "root");
            String password = System.getenv().getOrDefault("LAGESBILD_TEST_DB_PASSWORD", "");
            return datasource(url, username, password, username, password);
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withDatabaseName("lagesbild")
                    .withUsername("lagesbild").withPassword("lagesbild")
                    .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_swedish_ci");
            mysql.start();
            LOG.info("Tests use MySQL 8.4 in Testcontainers: {}", mysql.getJdbcUrl());
            // The container's root has the same password as its user.
            return datasource(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword(), "root", mysql.getPassword());
        }
        Path dataDir = Path.of("target", "test-database");
        deleteRecursively(dataDir);
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-database-stop"));
        LOG.info("No Docker here: tests use the embedded MariaDB on port {}", database.port());
        return datasource(database.jdbcUrl(), database.username(), database.password(), database.username(), database.password());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The application's datasource, and an account that may create schemas (not passed to the application). */
    private static Map<String, Object> datasource(String url, String username, String password,
                                                  String adminUsername, String adminPassword) {
        return Map.of("datasources.default.url", url,
                "datasources.default.username", username,
                "datasources.default.password", password,
                "admin.username", adminUsername,
                "admin.password", adminPassword);
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
