package se.lagesbild.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start, as a person installing the app sees it: the built jar on a fresh data folder, with nothing
 * configured. Its log must read as a success: a few lines saying the embedded database started, where to open
 * the app and that the first-run page waits; no stack trace, no ERROR, no WARN, no logback or Log4j status noise.
 * Runs after packaging (failsafe), because it starts the jar itself.
 */
class FirstStartLogIT {

    private static final Pattern ALARMING = Pattern.compile("Exception|ERROR|WARN|Log4j|\\|-INFO|\\|-WARN|UPDATE SUMMARY|Running Changeset");

    @Test
    void theFirstStartOfTheJarLogsAFewReadableLinesAndNothingAlarming() throws Exception {
        Path jar = Path.of("target", "lagesbild.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the jar is built before this test runs: " + jar);
        Path folder = Files.createTempDirectory("lagesbild-first-start");
        Path log = folder.resolve("start.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", jar.toString()).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("LAGESBILD_"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("LAGESBILD_DATA_DIR", folder.resolve("data").toString());
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String setup = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (setup == null && System.nanoTime() < deadline && app.isAlive()) {
                try {
                    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/setup"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() == 200) {
                        setup = reply.body();
                    }
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertEquals("{\"needed\":true}", setup, () -> "the app did not come up:\n" + read(log));
            Thread.sleep(1000);
            List<String> lines = Files.readAllLines(log);
            List<String> alarming = lines.stream().filter(line -> ALARMING.matcher(line).find()).toList();
            assertEquals(List.of(), alarming, () -> "the first start's log:\n" + String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(line -> line.contains("embedded MariaDB")), () -> String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(line -> line.contains("forsta-start")), () -> String.join("\n", lines));
            assertTrue(lines.size() < 40, () -> "a few lines, not " + lines.size() + ":\n" + String.join("\n", lines));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
