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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>Plain JDK (Java 17), run as a single-file program: {@code java bench/SeedComparisonData.java --help}.
 */
public class SeedComparisonData {

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
                    System.err.println("usage: java bench/SeedComparisonData.java " + given.entrySet().stream()
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
        HttpRequest.Builder request = HttpRequest.newBuilder(options.baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " (expected " + expectedStatus + "): " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static long id(String json) {
        return ((Number) ((Map<String, Object>) Json.parse(json)).get("id")).longValue();
    }

    /** Just enough JSON to read the API's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
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
}
