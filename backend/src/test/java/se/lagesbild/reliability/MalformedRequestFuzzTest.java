package se.lagesbild.reliability;

import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.DatabaseTest;
import se.lagesbild.support.TestDatabase;
import se.lagesbild.support.WireClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 10,000 malformed requests across every /api route, found through the Router (a new endpoint is
 * covered without touching this test): malformed, negative, enormous and non-numeric ids, invalid UTF-8,
 * bodies that are not JSON, of the wrong types, with missing and extra fields, 1 MB strings (comments),
 * nesting 100,000 deep, over the size limit, with the wrong content type, and query parameters that are
 * missing or wrong. Every answer must be a 4xx problem+json with a detail and no stack trace, and the
 * database (every table's checksum) must be the same afterwards.
 *
 * <p>The corpus is malformed by construction: each request carries at least one part the route must
 * refuse. Where all ids name existing rows the body is broken in a way no body type accepts; bodies that a
 * lenient endpoint could take (an empty or null body, extra fields) only go with ids that do not exist.
 */
@MicronautTest(transactional = false)
class MalformedRequestFuzzTest extends DatabaseTest {

    private static final int MINIMUM_REQUESTS = 10_000;
    private static final long SEED = 20261125L;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}?/]+)}");
    private static final String ONE_MB = "ä".repeat(512 * 1024);

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Override
    protected String isolatedSchema() {
        return "fuzz";
    }

    /** One request to send. */
    private record Case(String kind, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return kind + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path)
                    + " [" + contentType + ", " + (body == null ? "no body" : body.length + " bytes") + "]";
        }
    }

    @Test
    void malformedRequestsGetA4xxProblemAndChangeNothing() throws Exception {
        // Signed in as the administrator, so that the requests reach every endpoint's own checks, not the 401 of a missing login
        WireClient client = new WireClient(server.getURI()).signedInAsAdministrator();
        Map<String, String> existing = existingIds(client);
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api"))
                .filter(route -> !route.isErrorRoute())
                // HEAD mirrors GET without a body, so it cannot carry a problem document.
                .filter(route -> route.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                .<UriRouteInfo<?, ?>>map(route -> route)
                .sorted(java.util.Comparator.comparing(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate()))
                .toList();
        assertTrue(routes.size() >= 25, "the router lists the API routes: " + routes.size());

        Random random = new Random(SEED);
        List<Case> corpus = new ArrayList<>();
        boolean first = true;
        while (corpus.size() < MINIMUM_REQUESTS) {
            for (UriRouteInfo<?, ?> route : routes) {
                corpus.addAll(cases(route, existing, random, first));
            }
            first = false;
        }
        Map<String, Long> before = checksums();

        Map<Integer, Integer> histogram = new ConcurrentHashMap<>();
        Map<String, Integer> byKind = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (Case request : corpus) {
            sent.add(senders.submit(() -> {
                WireClient.Reply reply = client.send(request.method(), request.path(), request.contentType(), request.body(), Map.of());
                histogram.merge(reply.status(), 1, Integer::sum);
                byKind.merge(request.kind(), 1, Integer::sum);
                if (reply.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                // A sign-in through a provider is a browser's navigation: what is wrong leads to the error page, no session.
                String wrong = request.path().startsWith("/api/auth/oidc/") ? judgeSignInStep(reply) : judge(reply);
                if (wrong != null && failures.size() < 40) {
                    failures.add(request + " → " + wrong + ": " + reply);
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        senders.shutdown();
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        Map<String, Long> after = checksums();

        System.out.printf("Fuzz: %d malformed requests over %d API routes in %d s (seed %d); status histogram %s; "
                        + "by kind %s; 5xx: %d; tables unchanged: %s%n", corpus.size(), routes.size(), seconds, SEED,
                new TreeMap<>(histogram), new TreeMap<>(byKind), serverErrors.get(), before.equals(after));
        assertEquals(List.of(), failures);
        assertEquals(0, serverErrors.get());
        assertEquals(before, after, "rejected requests changed the database");
        assertTrue(corpus.size() >= MINIMUM_REQUESTS);
    }

    /** Null when a malformed step of a provider sign-in leads to the sign-in error page and opens no session. */
    private static String judgeSignInStep(WireClient.Reply reply) {
        String location = reply.header("Location");
        if (reply.status() != 303 || location == null || !location.startsWith("/inloggning-misslyckades?orsak=")) {
            return "not a 303 to the sign-in error page";
        }
        if (reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).anyMatch(cookie -> cookie.startsWith("lagesbild_session=") && !cookie.startsWith("lagesbild_session=;"))) {
            return "a session cookie";
        }
        return null;
    }

    /** Null when the reply is what a malformed request must get, else what is wrong with it. */
    private static String judge(WireClient.Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "not a 4xx";
        }
        if (!reply.isProblem()) {
            return "not problem+json";
        }
        Map<String, Object> problem;
        try {
            problem = reply.json();
        } catch (RuntimeException e) {
            return "not JSON";
        }
        if (!(problem.get("detail") instanceof String detail) || detail.isBlank()) {
            return "no detail";
        }
        if (!Integer.valueOf(reply.status()).equals(problem.get("status"))) {
            return "status in the body differs";
        }
        if (reply.body().contains("Exception") || reply.body().contains("\tat ") || reply.body().contains("java.")
                || reply.body().contains("io.micronaut") || reply.body().contains("com.fasterxml")) {
            return "internals in the body";
        }
        return null;
    }

    private List<Case> cases(UriRouteInfo<?, ?> route, Map<String, String> existing, Random random, boolean includeOversize) {
        String method = route.getHttpMethodName();
        String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        Map<String, Class<?>> queryValues = new LinkedHashMap<>();
        boolean someQueryValueRequired = false;
        Argument<?> bodyType = null;
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                queryValues.put(argument.getName(), argument.getType());
                someQueryValueRequired |= !argument.isNullable()
                        && argument.getAnnotationMetadata().stringValue(QueryValue.class, "defaultValue").isEmpty();
            }
        }
        bodyType = route.getBodyArgument().orElse(null);
        boolean readsBody = bodyType != null || route.getTargetMethod().getArguments().length > 0
                && java.util.Arrays.stream(route.getTargetMethod().getArguments())
                .anyMatch(argument -> argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Part.class));
        String validQuery = query(queryValues, name -> "1", random, false);
        List<Case> cases = new ArrayList<>();

        // A malformed, non-existent or overflowing value in one path variable; the rest name existing rows.
        for (String variable : variables) {
            for (String bad : badPathValues(random)) {
                String path = fill(template, existing, variable, bad) + validQuery;
                cases.add(new Case("path", method, path, readsBody ? WireClient.JSON : null,
                        readsBody ? WireClient.write(Map.of()) : null));
            }
        }
        // Wrong or missing query parameters.
        if (!queryValues.isEmpty()) {
            String path = fill(template, existing, null, null);
            if (someQueryValueRequired) {
                // Missing or empty is a valid request where every parameter is optional (a filter, a limit with a default)
                cases.add(new Case("query", method, path, null, null));
                cases.add(new Case("query", method, path + query(queryValues, name -> "", random, true), null, null));
            }
            cases.add(new Case("query", method, path + query(queryValues, name -> garbageEncoded(random), random, true), null, null));
            cases.add(new Case("query", method, path + query(queryValues, name -> "%FF%FE%C3%28", random, true), null, null));
            cases.add(new Case("query", method, path + query(queryValues, name -> "99999999999999999999999", random, true), null, null));
        }
        if (readsBody) {
            // Bodies no route accepts, sent to existing rows.
            String path = fill(template, existing, null, null) + validQuery;
            for (byte[] body : brokenBodies(bodyType, random)) {
                cases.add(new Case("body", method, path, WireClient.JSON, body));
            }
            byte[] wrongTypes = WireClient.write(wrongTypes(bodyType, random));
            cases.add(new Case("wrong types", method, path, WireClient.JSON, wrongTypes));
            cases.add(new Case("huge strings", method, path, WireClient.JSON, WireClient.write(hugeStrings(bodyType))));
            for (String contentType : List.of("application/xml", "application/x-www-form-urlencoded", "image/png",
                    "multipart/form-data", "application/json; charset=nonsense")) {
                cases.add(new Case("content type", method, path, contentType, wrongTypes));
            }
            cases.add(new Case("content type", method, path, null, wrongTypes));
            if (includeOversize) {
                byte[] oversize = new byte[11 * 1024 * 1024];
                java.util.Arrays.fill(oversize, (byte) 'a');
                cases.add(new Case("oversize", method, path, WireClient.JSON, oversize));
            }
            // Bodies a lenient route could take (empty, null, extra fields): only with ids that do not exist.
            String nowhere = variables.isEmpty() ? null : fill(template, existing, variables.get(random.nextInt(variables.size())),
                    String.valueOf(900_000_000L + random.nextInt(1000))) + validQuery;
            if (nowhere != null) {
                for (byte[] body : List.of("{}".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                        WireClient.write(Map.of("unexpected", garbage(random), "id", -1, "extra", List.of(1, 2))))) {
                    cases.add(new Case("missing or extra fields", method, nowhere, WireClient.JSON, body));
                }
            } else {
                cases.add(new Case("missing or extra fields", method, path, WireClient.JSON,
                        WireClient.write(Map.of("unexpected", garbage(random), "id", -1))));
                cases.add(new Case("missing or extra fields", method, path, WireClient.JSON, "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (variables.isEmpty() && queryValues.isEmpty() && !readsBody) {
            // Nothing to malform but the method.
            cases.add(new Case("method", "PATCH", template, WireClient.JSON, WireClient.write(Map.of("x", 1))));
        }
        return cases;
    }

    private static List<String> badPathValues(Random random) {
        return List.of("abc", "-1", "0", "-9223372036854775808", "99999999999999999999999",
                String.valueOf(Long.MAX_VALUE), "1.5", "%FF%FE", "%C3%28", "%00", "%20",
                garbageEncoded(random), "x".repeat(2000 + random.nextInt(2000)),
                String.valueOf(900_000_000L + random.nextInt(1_000_000)));
    }

    private static List<byte[]> brokenBodies(Argument<?> bodyType, Random random) {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("{", "{\"value\":}", "[1,2", "nul", "{\"a\" 1}", "\"unterminated", "{'single':'quotes'}",
                "{\"value\": 1,}", "<xml/>")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] noise = new byte[1 + random.nextInt(300)];
        random.nextBytes(noise);
        noise[0] = (byte) 0xFF;
        bodies.add(noise);
        // Invalid UTF-8 inside every string field.
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes("{".getBytes(StandardCharsets.UTF_8));
        List<String> names = stringProperties(bodyType);
        if (names.isEmpty()) {
            names = List.of("text");
        }
        for (int i = 0; i < names.size(); i++) {
            invalid.writeBytes(((i == 0 ? "" : ",") + "\"" + names.get(i) + "\":\"a").getBytes(StandardCharsets.UTF_8));
            invalid.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xFE});
            invalid.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
        }
        invalid.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        bodies.add(invalid.toByteArray());
        int depth = 100_000;
        bodies.add(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    /** Every property of the body type with a value of another type (a string's an array, a number's a word). */
    private static Map<String, Object> wrongTypes(Argument<?> bodyType, Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (BeanProperty<?, ?> property : properties(bodyType)) {
            Class<?> type = property.getType();
            Object wrong;
            if (CharSequence.class.isAssignableFrom(type)) {
                // Not a one-element array: the JSON reader takes ["text"] as "text" (lenient by design).
                wrong = random.nextBoolean() ? Map.of("text", garbage(random)) : List.of(garbage(random), 2);
            } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                wrong = random.nextBoolean() ? "tre" : Map.of("n", 1);
            } else if (Temporal.class.isAssignableFrom(type)) {
                wrong = random.nextBoolean() ? "igår" : "2026-13-45T25:61:00Z";
            } else {
                wrong = List.of(List.of());
            }
            body.put(property.getName(), wrong);
        }
        if (body.isEmpty()) {
            body.put("text", List.of(1));
        }
        return body;
    }

    /** Every string property 1 MB long (such as a comment of a million characters). */
    private static Map<String, Object> hugeStrings(Argument<?> bodyType) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : stringProperties(bodyType)) {
            body.put(name, ONE_MB);
        }
        if (body.isEmpty()) {
            body.put("text", ONE_MB);
        }
        return body;
    }

    private static List<String> stringProperties(Argument<?> bodyType) {
        return properties(bodyType).stream().filter(p -> CharSequence.class.isAssignableFrom(p.getType()))
                .map(BeanProperty::getName).toList();
    }

    private static List<BeanProperty<?, ?>> properties(Argument<?> bodyType) {
        if (bodyType == null || bodyType.getType() == String.class) {
            return List.of();
        }
        return io.micronaut.core.beans.BeanIntrospector.SHARED.findIntrospection(bodyType.getType())
                .map(introspection -> List.<BeanProperty<?, ?>>copyOf(introspection.getBeanProperties()))
                .orElse(List.of());
    }

    private static String fill(String template, Map<String, String> existing, String replaced, String value) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String filled = name.equals(replaced) ? value : existing.getOrDefault(name, "1");
            matcher.appendReplacement(path, Matcher.quoteReplacement(filled));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String query(Map<String, Class<?>> values, java.util.function.Function<String, String> value,
                                Random random, boolean broken) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (Map.Entry<String, Class<?>> entry : values.entrySet()) {
            String text = broken ? value.apply(entry.getKey())
                    : entry.getValue() == String.class ? "checklist-systematik" : String.valueOf(900_000_000L + random.nextInt(1000));
            query.append(query.length() > 1 ? "&" : "").append(entry.getKey()).append('=').append(text);
        }
        return query.toString();
    }

    private static String garbage(Random random) {
        String alphabet = "abcåäö<>\"'\\{}[]$%;|&#\u0000\u202e\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String garbageEncoded(Random random) {
        return java.net.URLEncoder.encode(garbage(random), StandardCharsets.UTF_8);
    }

    /** Rows that malformed requests address where a route needs an existing one. */
    private static Map<String, String> existingIds(WireClient client) {
        long organisationId = ((Number) client.ok(client.postJson("/api/organisations", Map.of("name", "Sjöbo kommun"))).get("id")).longValue();
        long roundId = ((Number) client.ok(client.postJson("/api/rounds", Map.of("organisationId", organisationId,
                "instrumentCode", "checklist-systematik", "label", "2025"))).get("id")).longValue();
        long responseId = ((Number) client.ok(client.postJson("/api/rounds/" + roundId + "/responses", Map.of())).get("id")).longValue();
        client.ok(client.putJson("/api/responses/" + responseId + "/answers/CS-01", Map.of("value", 3, "comment", "Finns"), Map.of()));
        long actionId = ((Number) client.ok(client.postJson("/api/rounds/" + roundId + "/actions",
                Map.of("itemCode", "CS-01", "what", "Ta fram en plan"))).get("id")).longValue();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("id", String.valueOf(organisationId));
        ids.put("organisationId", String.valueOf(organisationId));
        ids.put("roundId", String.valueOf(roundId));
        ids.put("responseId", String.valueOf(responseId));
        ids.put("actionId", String.valueOf(actionId));
        ids.put("itemCode", "CS-01");
        ids.put("code", "checklist-systematik");
        ids.put("version", "1");
        ids.put("format", "csv");
        return ids;
    }

    /** CHECKSUM TABLE of every table in the test's schema. */
    private Map<String, Long> checksums() throws SQLException {
        Map<String, Object> database = TestDatabase.isolatedProperties(isolatedSchema());
        Map<String, Long> sums = new TreeMap<>();
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            // Rejected attempts are what rate limits count (wrong workshop codes): that table is meant to change
            tables.remove("rate_limits");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE `" + table + "` EXTENDED")) {
                    rows.next();
                    sums.put(table, rows.getLong(2));
                }
            }
        }
        return sums;
    }
}
