import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workshop benchmark's two client programs in one single-file source (plain JDK, Java 17, plus the MySQL
 * JDBC driver on the class path for {@code raw}), each run as a process of its own next to the app by
 * bench/workshop-benchmark.sh:
 * <ul>
 * <li>{@code load}: a facilitator creates and opens a staircase workshop, then N participants (default
 *     1,000) join and answer, {@code --concurrency} at a time, through the public API; reports the wall time,
 *     the answer latency (p50/p95/p99/max), errors, and lost answers: the results must count every answer
 *     (revealed at the end, so the distribution is compared step by step). Then everyone changes their answer
 *     {@code --rounds} times (default 10, the last change back to their first step): the sustained answer rate
 *     and its latency.</li>
 * <li>{@code raw}: the ceiling under it: durable single-row upserts ({@code INSERT … ON DUPLICATE KEY UPDATE},
 *     autocommit) straight into the same database over JDBC, at the same concurrency.</li>
 * </ul>
 * {@code --warmup-seconds N} runs workshops the same way first, unmeasured, until N seconds have passed, as an app
 * that has served rooms before (the JIT has compiled their paths); 0, the default here, measures the first room
 * after a start.
 * Both stop by themselves: by count, or at {@code --max-seconds}.
 */
public class WorkshopBenchmark {

    /**
     * Signs in once as the administrator the script created (LAGESBILD_ADMIN_USERNAME / _PASSWORD) and answers
     * the value of the Authorization header every API call of the benchmark carries.
     */
    static synchronized String authorization(HttpClient http, URI base) {
        if (authorization == null) {
            String username = System.getenv().getOrDefault("LAGESBILD_ADMIN_USERNAME", "bench@lagesbild.local");
            String password = System.getenv().getOrDefault("LAGESBILD_ADMIN_PASSWORD", "bench-admin-password");
            String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
                if (response.statusCode() != 200 || !token.find()) {
                    throw new IllegalStateException("login as " + username + " answered " + response.statusCode() + ": " + response.body());
                }
                authorization = "Bearer " + token.group(1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return authorization;
    }

    private static String authorization;


    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        Map<String, String> options = options(rest);
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> new Load(options).run();
            case "raw" -> new RawUpserts(options).run();
            default -> {
                System.err.println("usage: java bench/WorkshopBenchmark.java load --base-url URL [--participants N] "
                        + "[--concurrency N] [--rounds N] [--warmup-seconds N] [--max-seconds N]\n"
                        + "       java -cp mysql-connector-j.jar bench/WorkshopBenchmark.java raw --jdbc-url URL "
                        + "[--user U] [--password P] [--operations N] [--rows N] [--concurrency N] [--max-seconds N]");
                System.exit(2);
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static int integer(Map<String, String> options, String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
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
            long[] sorted = Arrays.copyOf(values, Math.min(size.get(), values.length));
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]), sorted.length);
        }

        double p50Ms() {
            return percentileMs(50);
        }

        double p99Ms() {
            return percentileMs(99);
        }

        private double percentileMs(int p) {
            long[] sorted = Arrays.copyOf(values, Math.min(size.get(), values.length));
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : ms(percentile(sorted, p));
        }

        private static long percentile(long[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    /** 1,000 participants join and answer through the API; every answer must be in the results. */
    static final class Load {
        private static final Pattern TOKEN = Pattern.compile("\"participantToken\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9]+)\"");

        private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");

        private final URI base;
        private Latencies serverTimes;
        private final int participants;
        private final int concurrency;
        private final int maxSeconds;
        private final int rounds;
        private final int warmupSeconds;
        private final HttpClient http;

        Load(Map<String, String> options) {
            base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
            participants = integer(options, "participants", 1000);
            concurrency = integer(options, "concurrency", 32);
            maxSeconds = integer(options, "max-seconds", 60);
            rounds = integer(options, "rounds", 10);
            warmupSeconds = integer(options, "warmup-seconds", 0);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4)).build();
        }

        /**
         * Every facilitator call goes through here: once facilitators log in, their credentials are added in
         * this one place.
         */
        HttpResponse<String> facilitator(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", WorkshopBenchmark.authorization(http, base));
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }

        HttpResponse<String> participant(String method, String path, String token, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("X-Participant-Token", token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        void run() throws Exception {
            long warmupEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            int warmups = 0;
            while (System.nanoTime() < warmupEnds) {
                System.out.printf(Locale.ROOT, "-- Warm-up workshop %d (not measured: the JIT compiles the paths a room takes)%n", ++warmups);
                room(false);
            }
            if (warmups > 0) {
                System.out.println("-- Measured workshop");
            }
            room(true);
        }

        /** One workshop: everyone joins and answers (phase 1), then changes their answer (phase 2); checked, reported. */
        void room(boolean measured) throws Exception {
            String created = facilitator("POST", "/api/workshops",
                    "{\"title\":\"Benchmark\",\"instrumentCode\":\"jamstalldhetstrappan\"}").body();
            long id = Long.parseLong(match(ID, created));
            String code = match(CODE, created);
            facilitator("POST", "/api/workshops/" + id + "/open", null);
            System.out.printf(Locale.ROOT, "Workshop %d (code %s) open; %d participants join and answer, %d at a time%n",
                    id, code, participants, concurrency);

            Latencies joins = new Latencies(participants);
            Latencies answers = new Latencies(participants);
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger saved = new AtomicInteger();
            List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
            int[] expected = new int[5];
            for (int i = 0; i < participants; i++) {
                expected[stepOf(i, 0)]++;
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            String[] tokens = new String[participants];
            serverTimes = new Latencies(participants);

            // Phase 1, the room: every participant joins and answers once.
            long started = System.nanoTime();
            runAll(pool, participants, deadline, errors, errorSamples, i -> {
                long t0 = System.nanoTime();
                HttpResponse<String> joined = participant("POST", "/api/w/" + code + "/join", null, "{}");
                joins.add(System.nanoTime() - t0);
                if (joined.statusCode() != 200) {
                    throw new IllegalStateException("join " + joined.statusCode() + " " + joined.body());
                }
                tokens[i] = match(TOKEN, joined.body());
                answer(code, tokens[i], stepOf(i, 0), answers);
                saved.incrementAndGet();
            });
            double seconds = (System.nanoTime() - started) / 1e9;

            // Phase 2, the answer rate: everyone changes their answer `rounds` times, the last time back to
            // their first step, so that the final distribution is known.
            Latencies changes = new Latencies(participants * rounds);
            serverTimes = new Latencies(participants * rounds + participants);
            AtomicInteger changed = new AtomicInteger();
            long changesStarted = System.nanoTime();
            runAll(pool, participants * rounds, deadline, errors, errorSamples, n -> {
                int i = n % participants;
                int round = 1 + n / participants;
                if (tokens[i] == null) {
                    throw new IllegalStateException("participant " + i + " never joined");
                }
                answer(code, tokens[i], stepOf(i, round == rounds ? 0 : round), changes);
                changed.incrementAndGet();
            });
            double changeSeconds = (System.nanoTime() - changesStarted) / 1e9;
            pool.shutdown();

            String results = facilitator("GET", "/api/workshops/" + id + "/results", null).body();
            int counted = Integer.parseInt(match(Pattern.compile("\"answers\"\\s*:\\s*(\\d+)"), results));
            facilitator("POST", "/api/workshops/" + id + "/reveal", null);
            String revealed = facilitator("GET", "/api/workshops/" + id + "/results", null).body();
            int lostByStep = 0;
            for (int step = 1; step <= 4; step++) {
                Matcher count = Pattern.compile("\\{\"value\":" + step + ",\"count\":(\\d+)\\}").matcher(revealed);
                int got = count.find() ? Integer.parseInt(count.group(1)) : 0;
                lostByStep += Math.abs(expected[step] - got);
            }
            int lost = saved.get() - counted;
            System.out.printf(Locale.ROOT, "Phase 1: %d participants joined and answered in %.2f s%n", saved.get(), seconds);
            System.out.println("  join latency:   " + joins.describe());
            System.out.println("  answer latency: " + answers.describe());
            System.out.printf(Locale.ROOT, "Phase 2: %d answer changes in %.2f s = %.0f answers/s%n", changed.get(), changeSeconds,
                    changed.get() / changeSeconds);
            System.out.println("  answer latency: " + changes.describe());
            System.out.println("  server time (Server-Timing) of the answers: " + serverTimes.describe());
            System.out.printf(Locale.ROOT, "Errors: %d; lost answers: %d (answered %d, results count %d; distribution off by %d)%n",
                    errors.get(), Math.abs(lost) + lostByStep, saved.get(), counted, lostByStep);
            errorSamples.stream().limit(5).forEach(sample -> System.out.println("  error: " + sample));
            if (measured) {
                System.out.printf(Locale.ROOT, "RESULT phase1_s=%.2f api_answers_per_s=%.0f api_answer_p50_ms=%.1f api_answer_p99_ms=%.1f "
                        + "api_answer_server_p99_ms=%.1f errors=%d lost=%d%n",
                        seconds, changed.get() / changeSeconds, changes.p50Ms(), changes.p99Ms(), serverTimes.p99Ms(), errors.get(),
                        Math.abs(lost) + lostByStep);
                http.executor().ifPresent(executor -> ((ExecutorService) executor).shutdownNow());
            }
            if (errors.get() > 0 || lost != 0 || lostByStep != 0 || seconds > 10) {
                System.out.println(seconds > 10 ? "FAILED: more than 10 s" : "FAILED: errors or lost answers");
                System.exit(1);
            }
        }

        void answer(String code, String token, int step, Latencies latencies) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> answered = participant("PUT", "/api/w/" + code + "/answer", token, "{\"value\":" + step + "}");
            latencies.add(System.nanoTime() - t0);
            answered.headers().firstValue("Server-Timing").ifPresent(timing -> {
                Matcher duration = SERVER_TIME.matcher(timing);
                if (duration.find()) {
                    serverTimes.add((long) (Double.parseDouble(duration.group(1)) * 1_000_000));
                }
            });
            if (answered.statusCode() != 200) {
                throw new IllegalStateException("answer " + answered.statusCode() + " " + answered.body());
            }
        }

        /** Participant i's step in a round: round 0 is their own step (1–4 in turn), later rounds move it along. */
        static int stepOf(int participant, int round) {
            return 1 + (participant + round) % 4;
        }

        interface Task {
            void run(int index) throws Exception;
        }

        static void runAll(ExecutorService pool, int count, long deadline, AtomicInteger errors, List<String> errorSamples,
                           Task task) throws Exception {
            List<Future<?>> work = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                work.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        errors.incrementAndGet();
                        return;
                    }
                    try {
                        task.run(index);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        errorSamples.add(e.toString());
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }

        private static String match(Pattern pattern, String body) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + pattern + " in " + body);
            }
            return matcher.group(1);
        }
    }

    /** The ceiling: durable single-row upserts straight into the database, at the same concurrency. */
    static final class RawUpserts {
        private final String url;
        private final String user;
        private final String password;
        private final int operations;
        private final int rows;
        private final int concurrency;
        private final int maxSeconds;

        RawUpserts(Map<String, String> options) {
            url = options.get("jdbc-url");
            if (url == null) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            user = options.getOrDefault("user", "root");
            password = options.getOrDefault("password", "");
            operations = integer(options, "operations", 20_000);
            rows = integer(options, "rows", 1000);
            concurrency = integer(options, "concurrency", 32);
            maxSeconds = integer(options, "max-seconds", 60);
        }

        void run() throws Exception {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_raw_upserts");
                statement.execute("CREATE TABLE bench_raw_upserts (participant_id BIGINT NOT NULL, item_code VARCHAR(32) NOT NULL, "
                        + "value INT, updated_at DATETIME(3) NOT NULL, PRIMARY KEY (participant_id, item_code)) ENGINE=InnoDB");
            }
            Latencies latencies = new Latencies(operations);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < concurrency; w++) {
                Thread worker = new Thread(() -> {
                    try (Connection connection = DriverManager.getConnection(url, user, password);
                         PreparedStatement upsert = connection.prepareStatement(
                                 "INSERT INTO bench_raw_upserts (participant_id, item_code, value, updated_at) VALUES (?, 'JT', ?, NOW(3)) "
                                         + "ON DUPLICATE KEY UPDATE value = ?, updated_at = NOW(3)")) {
                        connection.setAutoCommit(true);
                        int i;
                        while ((i = next.getAndIncrement()) < operations && System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            upsert.setLong(1, i % rows);
                            upsert.setInt(2, 1 + i % 4);
                            upsert.setInt(3, 1 + i % 4);
                            upsert.executeUpdate();
                            latencies.add(System.nanoTime() - t0);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.out.println("  error: " + e);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int done = Math.min(next.get(), operations);
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_raw_upserts");
            }
            System.out.printf(Locale.ROOT, "Raw upserts: %d in %.2f s = %.0f/s at %d connections; %s; errors %d%n",
                    done, seconds, done / seconds, concurrency, latencies.describe(), errors.get());
            System.out.printf(Locale.ROOT, "RESULT raw_upserts_per_s=%.0f raw_p99_ms=%.1f%n", done / seconds, latencies.p99Ms());
        }
    }
}
