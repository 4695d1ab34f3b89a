import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison benchmark's two client programs in one single-file source (plain JDK, Java 17), each run as
 * a process of its own next to the app by bench/comparison-benchmark.sh:
 * {@code java bench/ComparisonBenchmark.java seed --help} fills a running app with data through its API;
 * {@code java bench/ComparisonBenchmark.java load --help} measures GET /api/comparisons against it.
 */
public class ComparisonBenchmark {

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

    /**
     * One signed-in request as the web app sends it; answers the body, or fails naming the request and its status
     * (the body cut at {@code bodyShown} characters).
     */
    static String send(HttpClient http, URI base, String method, String path, String json, int expectedStatus, Duration timeout,
                       int bodyShown) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json")
                .header("Authorization", authorization(http, base));
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                String body = response.body();
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " (expected " + expectedStatus + "): " + (body.length() <= bodyShown ? body : body.substring(0, bodyShown) + "…"));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static String authorization;


    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "seed" -> SeedComparisonData.main(rest);
            case "load" -> ComparisonLoad.main(rest);
            default -> {
                System.err.println("usage: java bench/ComparisonBenchmark.java seed|load [--help]");
                System.exit(2);
            }
        }
    }
}

/**
 * Seeds a running Lägesbild with Skatta läget data for the comparison benchmark, through the public HTTP API
 * only: per organisation a round "2025" (closed afterwards) and a round "2028", each with N respondents who
 * answer all 20 items and submit. Default scale: 100 organisations × 2 rounds × 50 respondents × 20 items
 * = 200,000 answers. Values come from a fixed-seed java.util.Random, drawn in a fixed order before any
 * request is sent, so every run stores the same answers whatever the timing.
 *
 * <p>Concurrency is bounded: {@code --concurrency} worker threads (default 12), each filling in one
 * respondent at a time with blocking requests, so at most that many requests are in flight. Progress is
 * printed every 10 % of the answers. The round pairs go to {@code --out} as lines
 * {@code organisationId fromRoundId toRoundId}. Stops by itself: when done, at the first failed request, or
 * at {@code --max-seconds}; exits non-zero unless everything was stored.
 *
 * <p>Plain JDK (Java 17), run as a single-file program: {@code java bench/ComparisonBenchmark.java seed --help}.
 */
final class SeedComparisonData {

    static final String INSTRUMENT = "skatta-laget";
    static final String FROM_LABEL = "2025";
    static final String TO_LABEL = "2028";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new SeedComparisonData(options).run();
    }

    record Options(URI baseUrl, int organisations, int respondents, int concurrency, long seed, Path out, long maxSeconds) {
        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("--base-url", "http://127.0.0.1:8080");
            given.put("--organisations", "100");
            given.put("--respondents", "50");
            given.put("--concurrency", "12");
            given.put("--seed", "20250101");
            given.put("--out", "target/bench-rounds.txt");
            given.put("--max-seconds", "1800");
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || !given.containsKey(args[i]) || i + 1 == args.length) {
                    System.err.println("usage: java bench/ComparisonBenchmark.java seed " + given.entrySet().stream()
                            .map(e -> "[" + e.getKey() + " " + e.getValue() + "]").reduce((a, b) -> a + " " + b).orElse(""));
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
                given.put(args[i], args[++i]);
            }
            return new Options(URI.create(given.get("--base-url").replaceAll("/+$", "")),
                    positive(given, "--organisations"), positive(given, "--respondents"), positive(given, "--concurrency"),
                    Long.parseLong(given.get("--seed")), Path.of(given.get("--out")), positive(given, "--max-seconds"));
        }

        private static int positive(Map<String, String> given, String name) {
            int value = Integer.parseInt(given.get(name));
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }
    }

    /** One respondent to fill in: the round, the role, and one value per item (null is "Vet inte"). */
    record Respondent(long roundId, String role, Integer[] values) {
    }

    record RoundPair(long organisationId, long fromRoundId, long toRoundId) {
    }

    private final Options options;
    private final HttpClient http;
    private final long deadline;
    private final AtomicLong requests = new AtomicLong();

    SeedComparisonData(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.maxSeconds());
    }

    void run() throws Exception {
        long started = System.nanoTime();
        List<String> items = itemCodes();
        long answersTotal = (long) options.organisations() * 2 * options.respondents() * items.size();
        System.out.printf(Locale.ROOT, "Seeding %s: %d organisations × 2 rounds (%s, %s) × %d respondents × %d items = %,d answers, "
                        + "%d requests in flight at most, seed %d%n", options.baseUrl(), options.organisations(), FROM_LABEL,
                TO_LABEL, options.respondents(), items.size(), answersTotal, options.concurrency(), options.seed());

        List<RoundPair> pairs = new ArrayList<>();
        for (int o = 1; o <= options.organisations(); o++) {
            long organisationId = id(send("POST", "/api/organisations",
                    "{\"name\":\"Benchmark kommun " + String.format(Locale.ROOT, "%03d", o) + "\"}", 201));
            pairs.add(new RoundPair(organisationId, startRound(organisationId, FROM_LABEL), startRound(organisationId, TO_LABEL)));
        }

        // Every value is drawn here, in one fixed order, before any answer is sent.
        Random random = new Random(options.seed());
        List<Respondent> respondents = new ArrayList<>();
        for (RoundPair pair : pairs) {
            for (long roundId : new long[]{pair.fromRoundId(), pair.toRoundId()}) {
                boolean later = roundId == pair.toRoundId();
                for (int r = 0; r < options.respondents(); r++) {
                    Integer[] values = new Integer[items.size()];
                    for (int i = 0; i < values.length; i++) {
                        int value = 1 + random.nextInt(4);
                        // The later round leans a little upwards, so the comparison has something to show.
                        if (later && value < 4 && random.nextInt(3) == 0) {
                            value++;
                        }
                        values[i] = random.nextInt(25) == 0 ? null : value;
                    }
                    respondents.add(new Respondent(roundId, role(r), values));
                }
            }
        }

        AtomicLong answered = new AtomicLong();
        AtomicInteger reportedTenths = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long answersStarted = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        for (Respondent respondent : respondents) {
            workers.execute(() -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    fillIn(respondent, items);
                    long done = answered.addAndGet(items.size());
                    int tenths = (int) (done * 10 / answersTotal);
                    int before = reportedTenths.get();
                    if (tenths > before && reportedTenths.compareAndSet(before, tenths)) {
                        double seconds = (System.nanoTime() - answersStarted) / 1e9;
                        System.out.printf(Locale.ROOT, "  %3d %%  %,9d answers  %6.1f s  %,7.0f answers/s%n",
                                tenths * 10, done, seconds, done / seconds);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        workers.shutdown();
        while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
            if (failure.get() != null || System.nanoTime() > deadline) {
                failure.compareAndSet(null, new IllegalStateException("seeding took longer than --max-seconds "
                        + options.maxSeconds() + " s"));
                workers.shutdownNow();
            }
        }
        if (failure.get() != null) {
            System.err.println("Seeding FAILED after " + answered.get() + " answers: " + failure.get());
            System.exit(1);
        }

        for (RoundPair pair : pairs) {
            send("POST", "/api/rounds/" + pair.fromRoundId() + "/close", "{}", 200);
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.write(options.out(), pairs.stream()
                .map(pair -> pair.organisationId() + " " + pair.fromRoundId() + " " + pair.toRoundId()).toList());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Seeded %,d answers in %,d responses with %,d requests in %.1f s (%,.0f requests/s); "
                        + "round pairs in %s%n", answered.get(), respondents.size(), requests.get(), seconds,
                requests.get() / seconds, options.out());
    }

    /** The item codes of the instrument's newest version, in order. */
    @SuppressWarnings("unchecked")
    private List<String> itemCodes() {
        Map<String, Object> instrument = (Map<String, Object>) Json.parse(send("GET", "/api/instruments/" + INSTRUMENT, null, 200));
        List<String> codes = new ArrayList<>();
        for (Object part : (List<Object>) instrument.get("parts")) {
            for (Object item : (List<Object>) ((Map<String, Object>) part).get("items")) {
                codes.add((String) ((Map<String, Object>) item).get("code"));
            }
        }
        return codes;
    }

    private long startRound(long organisationId, String label) {
        return id(send("POST", "/api/rounds", "{\"organisationId\":" + organisationId + ",\"instrumentCode\":\""
                + INSTRUMENT + "\",\"label\":\"" + label + "\"}", 201));
    }

    /** Skatta läget's three roles in the proportions 1 : 2 : 7. */
    private static String role(int respondent) {
        int tenth = respondent % 10;
        return tenth == 0 ? "ledning" : tenth <= 2 ? "stodfunktion" : "medarbetare";
    }

    private void fillIn(Respondent respondent, List<String> items) {
        long responseId = id(send("POST", "/api/rounds/" + respondent.roundId() + "/responses",
                "{\"respondentRole\":\"" + respondent.role() + "\"}", 201));
        for (int i = 0; i < items.size(); i++) {
            send("PUT", "/api/responses/" + responseId + "/answers/" + items.get(i),
                    "{\"value\":" + respondent.values()[i] + "}", 200);
        }
        send("POST", "/api/responses/" + responseId + "/submit", "{}", 200);
    }

    private String send(String method, String path, String json, int expectedStatus) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("seeding took longer than --max-seconds " + options.maxSeconds() + " s");
        }
        String body = ComparisonBenchmark.send(http, options.baseUrl(), method, path, json, expectedStatus, Duration.ofSeconds(60), Integer.MAX_VALUE);
        requests.incrementAndGet();
        return body;
    }

    @SuppressWarnings("unchecked")
    private static long id(String json) {
        return ((Number) ((Map<String, Object>) Json.parse(json)).get("id")).longValue();
    }
}

/**
 * Load for the comparison endpoint: {@code GET /api/comparisons?from=<2025>&to=<2028>}, cycling over the round
 * pairs that {@code SeedComparisonData} wrote. First a warm-up (default 200 requests, not counted), then a
 * measured phase of {@code --requests} (default 2,000) or {@code --max-seconds} (default 60), whichever comes
 * first, with {@code --concurrency} (default 4) threads each sending one request at a time.
 *
 * <p>With {@code --submit-first true}, each comparison is the first after a submit: before it, one new respondent
 * fills in the later round (still open) as a browser does (start, 20 answer saves, submit; not timed), so the
 * server must bring that round's scores up to date within the measured request.
 *
 * <p>Every answer must be 200 with {@code --items} (default 20) items and the asked round ids (and, after a
 * submit, at least one respondent more in the later round than any earlier answer for the pair showed); anything
 * else is a failure and makes the exit status 1. Reports throughput, the client's latency and the server's own
 * time (its {@code Server-Timing: app;dur=…} header) as p50/p95/p99/max in milliseconds.
 *
 * <p>Plain JDK (Java 17), run as a single-file program: {@code java bench/ComparisonBenchmark.java load --help}.
 */
final class ComparisonLoad {

    private static final Pattern APP_DURATION = Pattern.compile("(?:^|,)\\s*app;dur=([0-9.]+)");

    record Options(URI baseUrl, Path pairs, int warmup, int requests, long maxSeconds, int concurrency, int items,
                   boolean submitFirst) {
        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("--base-url", "http://127.0.0.1:8080");
            given.put("--pairs", "target/bench-rounds.txt");
            given.put("--warmup", "200");
            given.put("--requests", "2000");
            given.put("--max-seconds", "60");
            given.put("--concurrency", "4");
            given.put("--items", "20");
            given.put("--submit-first", "false");
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || !given.containsKey(args[i]) || i + 1 == args.length) {
                    System.err.println("usage: java bench/ComparisonBenchmark.java load " + given.entrySet().stream()
                            .map(e -> "[" + e.getKey() + " " + e.getValue() + "]").reduce((a, b) -> a + " " + b).orElse(""));
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
                given.put(args[i], args[++i]);
            }
            return new Options(URI.create(given.get("--base-url").replaceAll("/+$", "")), Path.of(given.get("--pairs")),
                    Integer.parseInt(given.get("--warmup")), Integer.parseInt(given.get("--requests")),
                    Long.parseLong(given.get("--max-seconds")), Integer.parseInt(given.get("--concurrency")),
                    Integer.parseInt(given.get("--items")), Boolean.parseBoolean(given.get("--submit-first")));
        }
    }

    record Pair(long from, long to) {
    }

    /** What one phase measured; latencies in nanoseconds, server times in milliseconds (NaN when absent). */
    static final class Phase {
        final long[] clientNanos;
        final double[] serverMillis;
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long wallNanos;

        Phase(int requests) {
            clientNanos = new long[requests];
            serverMillis = new double[requests];
        }
    }

    private final Options options;
    private final List<Pair> pairs;
    private final HttpClient http;
    /** With --submit-first: the instrument's item codes, and per later round the most respondents an answer showed. */
    private final List<String> itemCodes;
    private final Map<Long, AtomicInteger> respondentsSeen = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();

    ComparisonLoad(Options options, List<Pair> pairs) {
        this.options = options;
        this.pairs = pairs;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.itemCodes = options.submitFirst() ? itemCodes() : List.of();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(options.pairs())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3) {
                pairs.add(new Pair(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            }
        }
        if (pairs.isEmpty()) {
            System.err.println("No round pairs in " + options.pairs() + "; run bench/SeedComparisonData.java first.");
            System.exit(2);
        }
        ComparisonLoad load = new ComparisonLoad(options, pairs);
        System.out.printf(Locale.ROOT, "Comparison load on %s: %d round pairs, concurrency %d, warm-up %d requests, "
                        + "then %d requests or %d s, whichever comes first%n", options.baseUrl(), pairs.size(),
                options.concurrency(), options.warmup(), options.requests(), options.maxSeconds());
        if (options.submitFirst()) {
            System.out.println("Each comparison first after a submit: before it (not timed) one new respondent answers all "
                    + load.itemCodes.size() + " items of the later round and submits, through the API");
        }

        Phase warmup = load.run(options.warmup(), options.maxSeconds(), 0);
        System.out.printf(Locale.ROOT, "Warm-up: %d requests in %.1f s, %d failed%n", warmup.completed.get(),
                warmup.wallNanos / 1e9, warmup.failed.get());
        Phase measured = load.run(options.requests(), options.maxSeconds(), options.warmup());
        report(measured);
        if (options.submitFirst()) {
            System.out.printf(Locale.ROOT, "Responses submitted before comparisons: %d (warm-up and measured)%n", load.submitted.get());
        }
        int failed = warmup.failed.get() + measured.failed.get();
        if (failed > 0) {
            System.out.println("FAILED: " + failed + " requests failed; first ones:");
            warmup.failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
            measured.failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
            System.exit(1);
        }
    }

    /** Sends up to {@code requests} requests within {@code maxSeconds}; request i asks for pair (offset + i) mod n. */
    Phase run(int requests, long maxSeconds, int offset) throws InterruptedException {
        Phase phase = new Phase(requests);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
        CountDownLatch done = new CountDownLatch(options.concurrency());
        for (int t = 0; t < options.concurrency(); t++) {
            Thread worker = new Thread(() -> {
                try {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests) {
                        call(phase, pairs.get((offset + i) % pairs.size()));
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        // The deadline bounds each worker's loop; a request in flight is bounded by its own timeout (30 s).
        if (!done.await(maxSeconds + 60, TimeUnit.SECONDS)) {
            phase.failures.add("workers did not stop in time");
            phase.failed.incrementAndGet();
        }
        phase.wallNanos = System.nanoTime() - started;
        return phase;
    }

    private void call(Phase phase, Pair pair) {
        int respondentsBefore = 0;
        if (options.submitFirst()) {
            AtomicInteger seen = respondentsSeen.computeIfAbsent(pair.to(), round -> new AtomicInteger());
            respondentsBefore = seen.get();
            try {
                submitOne(pair.to());
            } catch (RuntimeException e) {
                phase.failed.incrementAndGet();
                if (phase.failures.size() < 20) {
                    phase.failures.add("submit to round " + pair.to() + ": " + e);
                }
                return;
            }
        }
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve("/api/comparisons?from=" + pair.from()
                        + "&to=" + pair.to()))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", ComparisonBenchmark.authorization(http, options.baseUrl())).GET().build();
        long started = System.nanoTime();
        String problem;
        double serverMillis = Double.NaN;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - started;
            serverMillis = response.headers().firstValue("Server-Timing").map(ComparisonLoad::appDuration).orElse(Double.NaN);
            problem = check(response, pair);
            if (problem == null && options.submitFirst()) {
                problem = checkCounted(response, pair, respondentsBefore);
            }
            if (problem == null) {
                int slot = phase.completed.getAndIncrement();
                phase.clientNanos[slot] = elapsed;
                phase.serverMillis[slot] = serverMillis;
                phase.bytes.addAndGet(response.body().length());
                return;
            }
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        phase.failed.incrementAndGet();
        if (phase.failures.size() < 20) {
            phase.failures.add("from=" + pair.from() + " to=" + pair.to() + ": " + problem);
        }
    }

    /** Null when the answer is right; else what is wrong. */
    @SuppressWarnings("unchecked")
    private String check(HttpResponse<String> response, Pair pair) {
        if (response.statusCode() != 200) {
            return "status " + response.statusCode() + ": " + abbreviate(response.body());
        }
        if (response.headers().firstValue("Server-Timing").isEmpty()) {
            return "no Server-Timing header";
        }
        Map<String, Object> comparison = (Map<String, Object>) Json.parse(response.body());
        List<Object> items = (List<Object>) comparison.get("items");
        if (items == null || items.size() != options.items()) {
            return (items == null ? "no" : items.size()) + " items, expected " + options.items();
        }
        if (((Number) comparison.get("from")).longValue() != pair.from() || ((Number) comparison.get("to")).longValue() != pair.to()) {
            return "answer for other rounds: " + abbreviate(response.body());
        }
        return null;
    }

    /** Null when the later round counts the response just submitted; else what is wrong. */
    @SuppressWarnings("unchecked")
    private String checkCounted(HttpResponse<String> response, Pair pair, int respondentsBefore) {
        Map<String, Object> comparison = (Map<String, Object>) Json.parse(response.body());
        int respondents = ((Number) ((Map<String, Object>) comparison.get("toRound")).get("respondents")).intValue();
        respondentsSeen.get(pair.to()).accumulateAndGet(respondents, Math::max);
        if (respondentsBefore > 0 && respondents <= respondentsBefore) {
            return "round " + pair.to() + " shows " + respondents + " respondents after a submit, as many as before";
        }
        return null;
    }

    /** One respondent fills in the round as a browser does: starts a response, saves every item's answer, submits. */
    private void submitOne(long roundId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String role = List.of("ledning", "stodfunktion", "medarbetare").get(random.nextInt(3));
        long responseId = ((Number) ((Map<?, ?>) Json.parse(send("POST", "/api/rounds/" + roundId + "/responses",
                "{\"respondentRole\":\"" + role + "\"}", 201))).get("id")).longValue();
        for (String item : itemCodes) {
            send("PUT", "/api/responses/" + responseId + "/answers/" + item,
                    "{\"value\":" + (random.nextInt(25) == 0 ? null : 1 + random.nextInt(4)) + "}", 200);
        }
        send("POST", "/api/responses/" + responseId + "/submit", "{}", 200);
        submitted.incrementAndGet();
    }

    /** The item codes of the instrument's newest version, in order. */
    @SuppressWarnings("unchecked")
    private List<String> itemCodes() {
        Map<String, Object> instrument = (Map<String, Object>) Json.parse(send("GET", "/api/instruments/" + SeedComparisonData.INSTRUMENT, null, 200));
        List<String> codes = new ArrayList<>();
        for (Object part : (List<Object>) instrument.get("parts")) {
            for (Object item : (List<Object>) ((Map<String, Object>) part).get("items")) {
                codes.add((String) ((Map<String, Object>) item).get("code"));
            }
        }
        return codes;
    }

    private String send(String method, String path, String json, int expectedStatus) {
        return ComparisonBenchmark.send(http, options.baseUrl(), method, path, json, expectedStatus, Duration.ofSeconds(30), 300);
    }

    static double appDuration(String header) {
        Matcher matcher = APP_DURATION.matcher(header);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static void report(Phase phase) {
        int n = phase.completed.get();
        double seconds = phase.wallNanos / 1e9;
        System.out.printf(Locale.ROOT, "Measured: %d requests OK, %d failed, in %.1f s: %.1f requests/s "
                        + "(mean answer %,d bytes)%n", n, phase.failed.get(), seconds, n / seconds,
                n == 0 ? 0 : phase.bytes.get() / n);
        if (n == 0) {
            return;
        }
        double[] client = Arrays.stream(phase.clientNanos, 0, n).mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
        double[] server = Arrays.stream(phase.serverMillis, 0, n).filter(ms -> !Double.isNaN(ms)).sorted().toArray();
        System.out.println("                        p50       p95       p99       max   (ms)");
        line("client latency", client);
        line("server time", server);
    }

    private static void line(String name, double[] sorted) {
        if (sorted.length == 0) {
            System.out.printf(Locale.ROOT, "  %-16s (none)%n", name);
            return;
        }
        System.out.printf(Locale.ROOT, "  %-16s %8.1f  %8.1f  %8.1f  %8.1f%n", name, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}

/** Just enough JSON to read the API's answers: objects, arrays, strings, numbers, booleans, null. */
final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.space();
        if (json.at != text.length()) {
            throw json.error("trailing characters");
        }
        return value;
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{': {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            case '[': {
                at++;
                List<Object> array = new ArrayList<>();
                space();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return array;
            }
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private Number number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (number.isEmpty()) {
            throw error("unexpected character");
        }
        return number.matches("-?\\d+") ? (Number) Long.parseLong(number) : (Number) Double.parseDouble(number);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character");
        }
        at += word.length();
        return value;
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("JSON: " + message + " at " + at + " in "
                + text.substring(0, Math.min(text.length(), 200)));
    }
}
