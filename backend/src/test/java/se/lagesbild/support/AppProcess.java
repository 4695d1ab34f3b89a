package se.lagesbild.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application in a process of its own, started from the test JVM's classpath with the same java
 * binary, as the jar would run it in production (configured through the environment only): start, wait
 * until /health says UP, kill -9, restart on the same port. Its output goes to
 * {@code target/app-processes/<name>.log}.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    private AppProcess(String name, Map<String, String> environment, int port, Path log) {
        this.name = name;
        this.environment = environment;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an instance on the database these datasource properties name (see {@link TestDatabase}) and
     * waits until it is UP.
     */
    public static AppProcess start(String name, Map<String, Object> database) {
        return start(name, (String) database.get("datasources.default.url"), database);
    }

    /** {@link #start(String, Map)} with more settings in its environment (say LAGESBILD_SESSION_CACHE_TTL). */
    public static AppProcess start(String name, Map<String, Object> database, Map<String, String> settings) {
        return start(name, (String) database.get("datasources.default.url"), database, settings);
    }

    /** Starts an instance on the given JDBC URL with the credentials of these datasource properties. */
    public static AppProcess start(String name, String jdbcUrl, Map<String, Object> database) {
        return start(name, jdbcUrl, database, Map.of());
    }

    private static AppProcess start(String name, String jdbcUrl, Map<String, Object> database, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        environment.put("DATASOURCES_DEFAULT_USERNAME", String.valueOf(database.get("datasources.default.username")));
        environment.put("DATASOURCES_DEFAULT_PASSWORD", String.valueOf(database.get("datasources.default.password")));
        int port = freePort();
        environment.put("PORT", String.valueOf(port));
        // The administrator the tests sign in as, created by the app when its schema has none yet
        environment.put("LAGESBILD_ADMIN_USERNAME", Api.ADMIN_USERNAME);
        environment.put("LAGESBILD_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        // Never used with a configured database; set so that a mistake cannot write to ./data.
        environment.put("LAGESBILD_DATA_DIR", Path.of("target", "app-processes", name + "-data").toAbsolutePath().toString());
        Path log = Path.of("target", "app-processes", name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppProcess app = new AppProcess(name, environment, port, log);
        app.launch();
        return app;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A client signed in as the test administrator. */
    public WireClient client() {
        return new WireClient(uri()).signedInAsAdministrator();
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: the process gets no chance to finish requests, flush or close its pool. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the process again on the same port and database, and waits until it is UP. */
    public void restart() {
        if (process.isAlive()) {
            kill();
        }
        launch();
    }

    /** The health document as the instance answers it now (status 0 when it cannot be reached). */
    public WireClient.Reply health() {
        return new WireClient(uri(), Duration.ofSeconds(15)).get("/health");
    }

    private void launch() {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dlagesbild.test.process=" + name, "-cp", System.getProperty("java.class.path"), "se.lagesbild.Application"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitUp();
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        WireClient health = new WireClient(uri(), Duration.ofSeconds(5));
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            WireClient.Reply reply = health.get("/health");
            if (reply.status() == 200 && reply.body().contains("UP")) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " was not UP within " + START_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    /** The last lines of the instance's output, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
