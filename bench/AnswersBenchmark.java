import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers benchmark's load generator (plain JDK, Java 17, plus the MySQL JDBC driver on the class path for
 * the raw ceiling), run as a process of its own next to the app by bench/answers-benchmark.sh. In order:
 * <ol>
 * <li><b>Checklist responses</b>: {@code --clients} browsers, each signed in once, fill in the ten-point checklist
 *     as the web app does, 13 requests a response: start ({@code POST /api/rounds/{id}/responses}), read the
 *     instrument version and the response, ten answer saves (each with an Idempotency-Key and answeredAt),
 *     submit. A warm-up, then a measured stretch: responses/s, latency per response and per answer save
 *     (client and {@code Server-Timing}), and the server's CPU per response: utime + stime of the app and of
 *     its MariaDB from /proc, before and after.</li>
 * <li><b>Answer saves</b>: {@code --save-concurrency} clients (32) each change answers of a draft response of
 *     their own, one request after the other: the sustained rate of single answer saves through the API.</li>
 * <li><b>GET /api/instruments</b>, one client: the server time of a trivial authenticated read.</li>
 * <li><b>Raw upserts</b>: durable single-row {@code INSERT … ON DUPLICATE KEY UPDATE}, autocommit, over
 *     {@code --save-concurrency} JDBC connections straight into the same MariaDB: the ceiling of phase 2.</li>
 * </ol>
 * Every request must succeed; a failure is counted and makes the exit status 1. Each phase stops by time.
 */
public class AnswersBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");
    private static final String INSTRUMENT = "checklist-systematik";
    private static final int ITEMS = 10;

    private final URI base;
    private final String jdbcUrl;
    private final long appPid;
    private final long dbPid;
    private final int clockTicks;
    private final int clients;
    private final int warmupSeconds;
    private final int seconds;
    private final int saveConcurrency;
    private final int saveSeconds;
    private final int instrumentRequests;
    private final int rawOperations;
    private final boolean plainSaves;
    private final HttpClient http;
    private final AtomicInteger errors = new AtomicInteger();
    private final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> results = new LinkedHashMap<>();

    AnswersBenchmark(Map<String, String> options) {
        base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
        jdbcUrl = options.get("jdbc-url");
        appPid = Long.parseLong(options.getOrDefault("app-pid", "0"));
        dbPid = Long.parseLong(options.getOrDefault("db-pid", "0"));
        clockTicks = integer(options, "clock-ticks", 100);
        clients = integer(options, "clients", 8);
        warmupSeconds = integer(options, "warmup-seconds", 60);
        seconds = integer(options, "seconds", 30);
        saveConcurrency = integer(options, "save-concurrency", 32);
        saveSeconds = integer(options, "save-seconds", 20);
        instrumentRequests = integer(options, "instrument-requests", 2000);
        rawOperations = integer(options, "raw-operations", 20_000);
        plainSaves = !"jdk".equals(options.getOrDefault("save-client", "plain"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.err.println("usage: java -cp mysql-connector-j.jar bench/AnswersBenchmark.java --base-url URL --jdbc-url URL "
                    + "[--app-pid N --db-pid N --clock-ticks N] [--clients 8] [--warmup-seconds 60] [--seconds 30] "
                    + "[--save-concurrency 32] [--save-seconds 20] [--save-client plain|jdk] [--instrument-requests 2000] [--raw-operations 20000]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        AnswersBenchmark benchmark = new AnswersBenchmark(options);
        int status = benchmark.run();
        System.exit(status);
    }

    static int integer(Map<String, String> options, String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
    }

    int run() throws Exception {
        String admin = signIn();
        long organisationId = id(send("POST", "/api/organisations", admin, "{\"name\":\"Benchmarkkommunen\"}").body());
        long roundId = id(send("POST", "/api/rounds", admin,
                "{\"organisationId\":" + organisationId + ",\"instrumentCode\":\"" + INSTRUMENT + "\",\"label\":\"2026\"}").body());
        System.out.printf(Locale.ROOT, "Round %d of %s open; %d clients, each signed in once%n", roundId, INSTRUMENT, clients);

        checklistResponses(roundId);
        answerSaves(roundId, admin);
        instruments(admin);
        if (jdbcUrl != null) {
            rawUpserts();
        }

        System.out.printf(Locale.ROOT, "Errors: %d%n", errors.get());
        errorSamples.stream().limit(5).forEach(sample -> System.out.println("  error: " + sample));
        StringBuilder line = new StringBuilder("RESULT");
        results.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        System.out.println(line.append(" errors=").append(errors.get()));
        http.executor().ifPresent(executor -> ((ExecutorService) executor).shutdownNow());
        return errors.get() == 0 ? 0 : 1;
    }

    // Phase 1 --------------------------------------------------------------------------------------------------

    /** What one stretch of complete responses measured. */
    private final class Responses {
        final Latencies perResponse = new Latencies(100_000);
        final Latencies perSave = new Latencies(1_000_000);
        final Latencies saveServer = new Latencies(1_000_000);
        final Latencies allServer = new Latencies(1_300_000);
        final AtomicInteger completed = new AtomicInteger();
    }

    void checklistResponses(long roundId) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(signIn());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);

        Responses warmup = new Responses();
        long warmupStarted = System.nanoTime();
        respondUntil(pool, tokens, roundId, warmupStarted + TimeUnit.SECONDS.toNanos(warmupSeconds), warmup);
        System.out.printf(Locale.ROOT, "Warm-up: %d responses in %.1f s%n", warmup.completed.get(), (System.nanoTime() - warmupStarted) / 1e9);

        Responses measured = new Responses();
        Map<String, Long> statementsBefore = statements();
        Cpu before = Cpu.now(appPid, dbPid, clockTicks);
        long started = System.nanoTime();
        respondUntil(pool, tokens, roundId, started + TimeUnit.SECONDS.toNanos(seconds), measured);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Cpu used = Cpu.now(appPid, dbPid, clockTicks).minus(before);
        Map<String, Long> statementsAfter = statements();
        pool.shutdown();

        int done = measured.completed.get();
        System.out.printf(Locale.ROOT, "Checklist responses (13 requests each), %d clients: %d in %.1f s = %.1f responses/s (%.0f requests/s)%n",
                clients, done, elapsed, done / elapsed, 13 * done / elapsed);
        System.out.println("  per response, client:     " + measured.perResponse.describe());
        System.out.println("  per answer save, client:  " + measured.perSave.describe());
        System.out.println("  per answer save, server:  " + measured.saveServer.describe());
        System.out.println("  per request, server:      " + measured.allServer.describe());
        System.out.printf(Locale.ROOT, "  server CPU per response: %.2f ms (app %.2f ms + database %.2f ms); CPU used: app %.1f s, database %.1f s over %.1f s%n",
                1000 * used.total() / done, 1000 * used.app() / done, 1000 * used.db() / done, used.app(), used.db(), elapsed);
        System.out.printf(Locale.ROOT, "  of the app's: JIT compiler %.2f ms, GC and VM thread %.2f ms; without the JIT: %.2f ms per response (app %.2f + database %.2f)%n",
                1000 * used.jit() / done, 1000 * used.gc() / done, 1000 * (used.appWithoutJit() + used.db()) / done,
                1000 * used.appWithoutJit() / done, 1000 * used.db() / done);
        if (!statementsAfter.isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            statementsAfter.forEach((name, count) -> {
                double perResponse = (count - statementsBefore.getOrDefault(name, 0L)) / (double) done;
                if (perResponse >= 0.5 && !name.equals("Questions")) {
                    kinds.append(String.format(Locale.ROOT, " %s %.1f", name.substring(4), perResponse));
                }
            });
            System.out.printf(Locale.ROOT, "  database statements per response: %.1f (%s)%n",
                    (statementsAfter.get("Questions") - statementsBefore.get("Questions")) / (double) done, kinds.toString().strip());
        }
        results.put("responses_per_s", format(done / elapsed));
        results.put("response_p50_ms", format(measured.perResponse.percentileMs(50)));
        results.put("response_p99_ms", format(measured.perResponse.percentileMs(99)));
        results.put("cpu_ms_per_response", format(1000 * used.total() / done));
        results.put("app_cpu_ms_per_response", format(1000 * used.app() / done));
        results.put("db_cpu_ms_per_response", format(1000 * used.db() / done));
        results.put("jit_cpu_ms_per_response", format(1000 * used.jit() / done));
        results.put("cpu_ms_per_response_without_jit", format(1000 * (used.appWithoutJit() + used.db()) / done));
    }

    private void respondUntil(ExecutorService pool, List<String> tokens, long roundId, long deadline, Responses into) throws Exception {
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (String token : tokens) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        respond(token, roundId, into);
                        into.completed.incrementAndGet();
                    } catch (Exception e) {
                        failed(e);
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> future : work) {
            future.get();
        }
    }

    /** One complete checklist response, the browser's way. */
    private void respond(String token, long roundId, Responses into) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> started = timed(send("POST", "/api/rounds/" + roundId + "/responses", token, "{}"), into.allServer);
        long responseId = id(started.body());
        timed(send("GET", "/api/instruments/" + INSTRUMENT + "/versions/1", token, null), into.allServer);
        timed(send("GET", "/api/responses/" + responseId, token, null), into.allServer);
        for (int item = 1; item <= ITEMS; item++) {
            long s0 = System.nanoTime();
            HttpResponse<String> saved = send("PUT", "/api/responses/" + responseId + "/answers/" + itemCode(item), token,
                    answer(1 + (int) ((responseId + item) % 4)), "Idempotency-Key", UUID.randomUUID().toString());
            into.perSave.add(System.nanoTime() - s0);
            timed(saved, into.allServer);
            timed(saved, into.saveServer);
        }
        HttpResponse<String> submitted = timed(send("POST", "/api/responses/" + responseId + "/submit", token, null), into.allServer);
        if (!submitted.body().contains("\"submitted\"")) {
            throw new IllegalStateException("submit answered " + submitted.body());
        }
        into.perResponse.add(System.nanoTime() - t0);
    }

    /** The database's statement counters (Questions and Com_*), when the benchmark can reach it over JDBC. */
    private Map<String, Long> statements() {
        Map<String, Long> counters = new java.util.TreeMap<>();
        if (jdbcUrl == null) {
            return counters;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' OR Variable_name LIKE 'Com\\_%'")) {
            while (rows.next()) {
                counters.put(rows.getString(1), rows.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counters;
    }

    // Phase 2 --------------------------------------------------------------------------------------------------

    void answerSaves(long roundId, String admin) throws Exception {
        long[] responseIds = new long[saveConcurrency];
        for (int i = 0; i < saveConcurrency; i++) {
            responseIds[i] = id(send("POST", "/api/rounds/" + roundId + "/responses", admin, "{}").body());
        }
        ExecutorService pool = Executors.newFixedThreadPool(saveConcurrency);
        Latencies client = new Latencies(1_000_000);
        Latencies server = new Latencies(1_000_000);
        AtomicLong saved = new AtomicLong();
        // A short warm-up of the same requests, then the measured stretch.
        saveUntil(pool, admin, responseIds, System.nanoTime() + TimeUnit.SECONDS.toNanos(3), new Latencies(1), new Latencies(1), new AtomicLong());
        Cpu before = Cpu.now(appPid, dbPid, clockTicks);
        double generatorBefore = generatorCpuSeconds();
        long started = System.nanoTime();
        saveUntil(pool, admin, responseIds, started + TimeUnit.SECONDS.toNanos(saveSeconds), client, server, saved);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Cpu used = Cpu.now(appPid, dbPid, clockTicks).minus(before);
        double generatorUsed = generatorCpuSeconds() - generatorBefore;
        pool.shutdown();
        double rate = saved.get() / elapsed;
        System.out.printf(Locale.ROOT, "Answer saves, %d in flight: %d in %.1f s = %.0f saves/s%n", saveConcurrency, saved.get(), elapsed, rate);
        System.out.println("  client: " + client.describe());
        System.out.println("  server: " + server.describe());
        System.out.printf(Locale.ROOT, "  server CPU per save: %.3f ms (app %.3f ms + database %.3f ms; of the app's, JIT compiler %.3f ms)%n",
                1000 * used.total() / saved.get(), 1000 * used.app() / saved.get(), 1000 * used.db() / saved.get(), 1000 * used.jit() / saved.get());
        System.out.printf(Locale.ROOT, "  load generator CPU per save: %.3f ms (this process, on the same %d cores)%n",
                1000 * generatorUsed / saved.get(), Runtime.getRuntime().availableProcessors());
        results.put("api_saves_per_s", format(rate));
        results.put("generator_cpu_ms_per_save", format(1000 * generatorUsed / saved.get()));
        results.put("api_save_p50_ms", format(client.percentileMs(50)));
        results.put("api_save_p99_ms", format(client.percentileMs(99)));
        results.put("api_save_server_p99_ms", format(server.percentileMs(99)));
    }

    private void saveUntil(ExecutorService pool, String token, long[] responseIds, long deadline, Latencies client, Latencies server,
                           AtomicLong saved) throws Exception {
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (long responseId : responseIds) {
            work.add(pool.submit(() -> {
                int n = 0;
                try (PlainHttp plain = plainSaves ? new PlainHttp(base) : null) {
                    while (System.nanoTime() < deadline) {
                        n++;
                        try {
                            String path = "/api/responses/" + responseId + "/answers/" + itemCode(1 + n % ITEMS);
                            String idempotencyKey = UUID.randomUUID().toString();
                            long t0 = System.nanoTime();
                            String serverTiming;
                            if (plain != null) {
                                serverTiming = plain.put(path, token, answer(1 + n % 4), idempotencyKey);
                            } else {
                                serverTiming = send("PUT", path, token, answer(1 + n % 4), "Idempotency-Key", idempotencyKey)
                                        .headers().firstValue("Server-Timing").orElse(null);
                            }
                            client.add(System.nanoTime() - t0);
                            serverTime(serverTiming, server);
                            saved.incrementAndGet();
                        } catch (Exception e) {
                            failed(e);
                        }
                    }
                } catch (IOException e) {
                    failed(e);
                }
            }));
        }
        for (java.util.concurrent.Future<?> future : work) {
            future.get();
        }
    }

    /** This process's CPU time so far: the load generator's own share of the machine. */
    static double generatorCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    // Phase 3 --------------------------------------------------------------------------------------------------

    void instruments(String admin) throws Exception {
        Latencies client = new Latencies(instrumentRequests);
        Latencies server = new Latencies(instrumentRequests);
        for (int i = 0; i < instrumentRequests / 4; i++) {
            send("GET", "/api/instruments", admin, null);
        }
        for (int i = 0; i < instrumentRequests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send("GET", "/api/instruments", admin, null);
            client.add(System.nanoTime() - t0);
            timed(response, server);
        }
        System.out.printf(Locale.ROOT, "GET /api/instruments, one client, %d requests%n", instrumentRequests);
        System.out.println("  client: " + client.describe());
        System.out.println("  server: " + server.describe());
        results.put("instruments_server_p50_ms", format(server.percentileMs(50)));
        results.put("instruments_server_p99_ms", format(server.percentileMs(99)));
    }

    // Phase 4 --------------------------------------------------------------------------------------------------

    /** The ceiling: durable single-row upserts straight into the database, at the same concurrency as phase 2. */
    void rawUpserts() throws Exception {
        String user = "root";
        String password = "";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_upserts");
            statement.execute("CREATE TABLE bench_raw_upserts (response_id BIGINT NOT NULL, item_code VARCHAR(32) NOT NULL, "
                    + "value INT, updated_at DATETIME(3) NOT NULL, PRIMARY KEY (response_id, item_code)) ENGINE=InnoDB");
        }
        Latencies latencies = new Latencies(rawOperations);
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(saveSeconds, 30));
        List<Thread> workers = new ArrayList<>();
        Cpu before = Cpu.now(appPid, dbPid, clockTicks);
        double generatorBefore = generatorCpuSeconds();
        long started = System.nanoTime();
        for (int w = 0; w < saveConcurrency; w++) {
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement upsert = connection.prepareStatement(
                             "INSERT INTO bench_raw_upserts (response_id, item_code, value, updated_at) VALUES (?, ?, ?, NOW(3)) "
                                     + "ON DUPLICATE KEY UPDATE value = ?, updated_at = NOW(3)")) {
                    connection.setAutoCommit(true);
                    int i;
                    while ((i = next.getAndIncrement()) < rawOperations && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        upsert.setLong(1, i % 1000);
                        upsert.setString(2, itemCode(1 + i % ITEMS));
                        upsert.setInt(3, 1 + i % 4);
                        upsert.setInt(4, 1 + i % 4);
                        upsert.executeUpdate();
                        latencies.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    failed(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Cpu used = Cpu.now(appPid, dbPid, clockTicks).minus(before);
        double generatorUsed = generatorCpuSeconds() - generatorBefore;
        int done = Math.min(next.get(), rawOperations);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_raw_upserts");
        }
        double rate = done / elapsed;
        System.out.printf(Locale.ROOT, "Raw upserts over JDBC, %d connections: %d in %.2f s = %.0f/s; %s; database CPU per upsert %.3f ms; "
                        + "load generator CPU per upsert %.3f ms%n",
                saveConcurrency, done, elapsed, rate, latencies.describe(), 1000 * used.db() / done, 1000 * generatorUsed / done);
        results.put("raw_upserts_per_s", format(rate));
        results.put("raw_p99_ms", format(latencies.percentileMs(99)));
        double api = Double.parseDouble(results.get("api_saves_per_s"));
        System.out.printf(Locale.ROOT, "Answer saves through the API over raw upserts: %.0f/s over %.0f/s = %.0f %% (aim: 40 %% or more)%n",
                api, rate, 100 * api / rate);
        results.put("api_over_raw_percent", format(100 * api / rate));
    }

    // HTTP -----------------------------------------------------------------------------------------------------

    /** Signs in as the administrator the script created and answers the Authorization header value. */
    private String signIn() throws Exception {
        String username = System.getenv().getOrDefault("LAGESBILD_ADMIN_USERNAME", "bench@lagesbild.local");
        String password = System.getenv().getOrDefault("LAGESBILD_ADMIN_PASSWORD", "bench-admin-password");
        HttpResponse<String> response = send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("login as " + username + " answered " + response.body());
        }
        return "Bearer " + token.group(1);
    }

    /** Sends one request; anything but 2xx is an exception. */
    private HttpResponse<String> send(String method, String path, String authorization, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> timed(HttpResponse<String> response, Latencies server) {
        serverTime(response.headers().firstValue("Server-Timing").orElse(null), server);
        return response;
    }

    private static void serverTime(String serverTiming, Latencies server) {
        if (serverTiming != null) {
            Matcher duration = SERVER_TIME.matcher(serverTiming);
            if (duration.find()) {
                server.add((long) (Double.parseDouble(duration.group(1)) * 1_000_000));
            }
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection on a plain socket, for the answer saves: the JDK's HttpClient spends about
     * 0.08 ms of CPU per request (its selector thread and executor hops), a third of what the server spends on the
     * save, and on 2 cores that CPU is taken from the server under test. This sends the same request and reads the
     * status, the Server-Timing header and the body (Content-Length or chunked).
     */
    static final class PlainHttp implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;
        private final String host;

        PlainHttp(URI base) throws IOException {
            socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 2048);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
            host = base.getHost() + ":" + base.getPort();
        }

        /** Sends the PUT and answers the response's Server-Timing header; fails on a status of 300 or more. */
        String put(String path, String authorization, String json, String idempotencyKey) throws IOException {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "PUT " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            String serverTiming = null;
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Server-Timing")) {
                    serverTiming = value;
                }
            }
            String responseBody = chunked ? chunkedBody() : new String(in.readNBytes(Math.max(0, length)), java.nio.charset.StandardCharsets.UTF_8);
            if (code >= 300) {
                throw new IllegalStateException("PUT " + path + " answered " + code + ": " + responseBody);
            }
            return serverTiming;
        }

        private String chunkedBody() throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String answer(int value) {
        return "{\"value\":" + value + ",\"comment\":null,\"answeredAt\":\"" + Instant.now() + "\"}";
    }

    private static String itemCode(int item) {
        return String.format(Locale.ROOT, "CS-%02d", item);
    }

    private static long id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    private void failed(Exception e) {
        errors.incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(e.toString());
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * CPU seconds (user + system) the app and its database have used, from /proc/<pid>/stat, and of the app's
     * the part its JIT compiler threads and its garbage collector threads used (from /proc/<pid>/task/<tid>/stat,
     * threads alive at the end: a compiler thread that ended meanwhile is not counted), since on a busy machine a
     * JIT still compiling after the warm-up inflates the app's figure.
     */
    record Cpu(double app, double db, double jit, double gc, Map<Long, double[]> threads) {

        static Cpu now(long appPid, long dbPid, int clockTicks) {
            Map<Long, double[]> threads = threads(appPid, clockTicks);
            double jit = 0;
            double gc = 0;
            for (double[] thread : threads.values()) {
                jit += thread[0] == 1 ? thread[2] : 0;
                gc += thread[0] == 2 ? thread[2] : 0;
            }
            return new Cpu(seconds(appPid, clockTicks), seconds(dbPid, clockTicks), jit, gc, threads);
        }

        Cpu minus(Cpu earlier) {
            double jitUsed = 0;
            double gcUsed = 0;
            for (Map.Entry<Long, double[]> thread : threads.entrySet()) {
                double[] before = earlier.threads.get(thread.getKey());
                double used = thread.getValue()[2] - (before == null ? 0 : before[2]);
                jitUsed += thread.getValue()[0] == 1 ? used : 0;
                gcUsed += thread.getValue()[0] == 2 ? used : 0;
            }
            return new Cpu(app - earlier.app, db - earlier.db, jitUsed, gcUsed, Map.of());
        }

        double total() {
            return app + db;
        }

        /** The app's CPU without its JIT compiler threads. */
        double appWithoutJit() {
            return app - jit;
        }

        private static double seconds(long pid, int clockTicks) {
            if (pid <= 0) {
                return 0;
            }
            try {
                return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / (double) clockTicks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long ticks(String stat) {
            // After the command name in parentheses: state is field 3, utime 14 and stime 15 (1-based).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** Per thread of the process: {kind (1 JIT compiler, 2 garbage collector, 0 other), 0, CPU seconds}. */
        private static Map<Long, double[]> threads(long pid, int clockTicks) {
            Map<Long, double[]> threads = new HashMap<>();
            if (pid <= 0) {
                return threads;
            }
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        int kind = name.contains("CompilerThre") ? 1
                                : name.startsWith("G1 ") || name.startsWith("GC Thread") || name.startsWith("VM Thread") ? 2 : 0;
                        threads.put(Long.parseLong(task.getFileName().toString()), new double[] {kind, 0, ticks(stat) / (double) clockTicks});
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended while listing
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return threads;
        }
    }

    /** Latencies in nanoseconds; percentiles in milliseconds. */
    static final class Latencies {
        private final long[] values;
        private final AtomicInteger size = new AtomicInteger();

        Latencies(int capacity) {
            values = new long[capacity];
        }

        void add(long nanos) {
            int index = size.getAndIncrement();
            if (index < values.length) {
                values[index] = nanos;
            }
        }

        String describe() {
            long[] sorted = sorted();
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms (%d samples)",
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]), sorted.length);
        }

        double percentileMs(int p) {
            long[] sorted = sorted();
            return sorted.length == 0 ? Double.NaN : ms(percentile(sorted, p));
        }

        private long[] sorted() {
            long[] sorted = Arrays.copyOf(values, Math.min(size.get(), values.length));
            Arrays.sort(sorted);
            return sorted;
        }

        private static long percentile(long[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
