import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the comparison endpoint: {@code GET /api/comparisons?from=<2025>&to=<2028>}, cycling over the round
 * pairs that {@code SeedComparisonData} wrote. First a warm-up (default 200 requests, not counted), then a
 * measured phase of {@code --requests} (default 2,000) or {@code --max-seconds} (default 60), whichever comes
 * first, with {@code --concurrency} (default 4) threads each sending one request at a time.
 *
 * <p>Every answer must be 200 with {@code --items} (default 20) items and the asked round ids; anything else
 * is a failure and makes the exit status 1. Reports throughput, the client's latency and the server's own
 * time (its {@code Server-Timing: app;dur=…} header) as p50/p95/p99/max in milliseconds.
 *
 * <p>Plain JDK (Java 17), run as a single-file program: {@code java bench/ComparisonLoad.java --help}.
 */
public class ComparisonLoad {

    private static final Pattern APP_DURATION = Pattern.compile("(?:^|,)\\s*app;dur=([0-9.]+)");

    record Options(URI baseUrl, Path pairs, int warmup, int requests, long maxSeconds, int concurrency, int items) {
        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("--base-url", "http://127.0.0.1:8080");
            given.put("--pairs", "target/bench-rounds.txt");
            given.put("--warmup", "200");
            given.put("--requests", "2000");
            given.put("--max-seconds", "60");
            given.put("--concurrency", "4");
            given.put("--items", "20");
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || !given.containsKey(args[i]) || i + 1 == args.length) {
                    System.err.println("usage: java bench/ComparisonLoad.java " + given.entrySet().stream()
                            .map(e -> "[" + e.getKey() + " " + e.getValue() + "]").reduce((a, b) -> a + " " + b).orElse(""));
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
                given.put(args[i], args[++i]);
            }
            return new Options(URI.create(given.get("--base-url").replaceAll("/+$", "")), Path.of(given.get("--pairs")),
                    Integer.parseInt(given.get("--warmup")), Integer.parseInt(given.get("--requests")),
                    Long.parseLong(given.get("--max-seconds")), Integer.parseInt(given.get("--concurrency")),
                    Integer.parseInt(given.get("--items")));
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

    ComparisonLoad(Options options, List<Pair> pairs) {
        this.options = options;
        this.pairs = pairs;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
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

        Phase warmup = load.run(options.warmup(), options.maxSeconds(), 0);
        System.out.printf(Locale.ROOT, "Warm-up: %d requests in %.1f s, %d failed%n", warmup.completed.get(),
                warmup.wallNanos / 1e9, warmup.failed.get());
        Phase measured = load.run(options.requests(), options.maxSeconds(), options.warmup());
        report(measured);
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
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve("/api/comparisons?from=" + pair.from()
                        + "&to=" + pair.to()))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        long started = System.nanoTime();
        String problem;
        double serverMillis = Double.NaN;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - started;
            serverMillis = response.headers().firstValue("Server-Timing").map(ComparisonLoad::appDuration).orElse(Double.NaN);
            problem = check(response, pair);
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

    /** Just enough JSON to check the comparison: objects, arrays, strings, numbers, booleans, null. */
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
