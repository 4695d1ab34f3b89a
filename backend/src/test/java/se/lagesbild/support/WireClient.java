package se.lagesbild.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HTTP on the wire to an application by its base address, with bytes as they are (wrong content types,
 * invalid UTF-8, a killed server): used by the tests that talk to an application in its own process and by
 * the fuzz test. Every request goes through {@link #send}, the one place that would add credentials.
 * Connection failures are answered as status 0, as a browser's fetch sees them.
 */
public final class WireClient {

    public static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final String accessToken;

    public WireClient(URI base) {
        this(base, Duration.ofSeconds(20));
    }

    public WireClient(URI base, Duration timeout) {
        this(base, timeout, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build(), null);
    }

    private WireClient(URI base, Duration timeout, HttpClient http, String accessToken) {
        this.base = base;
        this.timeout = timeout;
        this.http = http;
        this.accessToken = accessToken;
    }

    /** The same client signed in as the test administrator (application-test.yml, or AppProcess's environment). */
    public WireClient signedInAsAdministrator() {
        Reply signedIn = postJson("/api/auth/login", Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD));
        if (signedIn.status() != 200) {
            throw new IllegalStateException("login as the test administrator answered " + signedIn);
        }
        return new WireClient(base, timeout, http, (String) signedIn.json().get("accessToken"));
    }

    public URI base() {
        return base;
    }

    /** A response, or status 0 with the failure as body when the server could not be reached. */
    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public Map<String, Object> json() {
            return WireClient.read(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    /** Sends one request as given: any method, content type (null: none) and body bytes (null: none). */
    public Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accessToken != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers().map());
        } catch (IOException e) {
            return new Reply(0, null, String.valueOf(e), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Reply postJson(String path, Object body) {
        return send("POST", path, JSON, write(body), Map.of());
    }

    public Reply putJson(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, JSON, write(body), headers);
    }

    /** The JSON body of a request that must succeed. */
    public Map<String, Object> ok(Reply reply) {
        if (!reply.ok()) {
            throw new AssertionError("expected a success from " + base + ", got " + reply);
        }
        return reply.json();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(String body) {
        try {
            return MAPPER.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + body, e);
        }
    }

    public static List<Object> readList(String body) {
        try {
            return MAPPER.readValue(body, Argument.listOf(Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array: " + body, e);
        }
    }
}
