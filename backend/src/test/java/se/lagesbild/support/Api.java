package se.lagesbild.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls the API as an outside client would, reading JSON into maps so tests assert on the wire format. Signed in
 * as a user through a bearer token ({@link #login}, {@link #as}); {@link #anonymous()} sends no token. Every
 * request goes through {@link #exchange}, the one place that adds the token.
 */
public record Api(BlockingHttpClient http, JsonMapper json, @Nullable String token) {

    /** The administrator every test application has (application-test.yml). */
    public static final String ADMIN_USERNAME = "admin@test.lagesbild.se";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The password of the users that tests create with {@link #userWithRole}. */
    public static final String USER_PASSWORD = "ett-bra-lösenord";

    /** Sends a request as this API's user: the one place requests leave. */
    public <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Class<T> type) {
        return http.exchange(prepare(request), type);
    }

    /** A request built by the caller (with its own headers, such as a participant's token or cookie), as text. */
    public HttpResponse<String> send(MutableHttpRequest<?> request) {
        return exchange(request, String.class);
    }

    /** What every request gets before it leaves: this API's user's token. Streams use it too. */
    public <T> MutableHttpRequest<T> prepare(MutableHttpRequest<T> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return request;
    }

    /** Reads a JSON object from a response body. */
    public Map<String, Object> json(HttpResponse<String> response) {
        return map(response);
    }

    public Api anonymous() {
        return new Api(http, json, null);
    }

    public Api as(String accessToken) {
        return new Api(http, json, accessToken);
    }

    /** Signs in and answers an API for that user. */
    public Api login(String username, String password) {
        Map<String, Object> signedIn = anonymous().post("/api/auth/login", Map.of("username", username, "password", password));
        return as((String) signedIn.get("accessToken"));
    }

    public Api asAdmin() {
        return login(ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** Creates (as this API's user, an administrator) a user with one role in one organisation, signed in. */
    public Api userWithRole(String role, long organisationId) {
        String username = role.toLowerCase(java.util.Locale.ROOT) + "-" + java.util.UUID.randomUUID() + "@test.lagesbild.se";
        post("/api/users", Map.of("username", username, "password", USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisationId, "role", role))));
        return login(username, USER_PASSWORD);
    }

    public Map<String, Object> get(String uri) {
        return map(exchange(HttpRequest.GET(uri), String.class));
    }

    /** A GET whose answer is not JSON (a document, a page), with its headers. */
    public HttpResponse<String> exchangeGet(String uri) {
        return exchange(HttpRequest.GET(uri), String.class);
    }

    public List<Map<String, Object>> getList(String uri) {
        return read(exchange(HttpRequest.GET(uri), String.class).body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    public Map<String, Object> post(String uri, Object body) {
        return map(exchange(HttpRequest.POST(uri, body), String.class));
    }

    public HttpResponse<String> exchangePost(String uri, Object body) {
        return exchange(HttpRequest.POST(uri, body), String.class);
    }

    /** Posts a multipart/form-data body, such as a file upload with its form fields. */
    public HttpResponse<String> exchangeMultipart(String uri, MultipartBody body) {
        return exchange(HttpRequest.POST(uri, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), String.class);
    }

    public Map<String, Object> postMultipart(String uri, MultipartBody body) {
        return map(exchangeMultipart(uri, body));
    }

    public Map<String, Object> put(String uri, Object body) {
        return map(exchange(HttpRequest.PUT(uri, body), String.class));
    }

    public long createOrganisation(String name) {
        return id(post("/api/organisations", Map.of("name", name)));
    }

    public long createRound(long organisationId, String instrumentCode, String label) {
        return id(post("/api/rounds", Map.of("organisationId", organisationId, "instrumentCode", instrumentCode, "label", label)));
    }

    public long startResponse(long roundId) {
        return id(post("/api/rounds/" + roundId + "/responses", Map.of()));
    }

    public Map<String, Object> answer(long responseId, String itemCode, Integer value, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("comment", comment);
        return put("/api/responses/" + responseId + "/answers/" + itemCode, body);
    }

    /** A checklist round with one submitted response that gives CS-01, CS-02, … these values in order (null: "Vet inte"). */
    public long checklistRound(long organisationId, String label, Integer... values) {
        long roundId = createRound(organisationId, "checklist-systematik", label);
        long responseId = startResponse(roundId);
        for (int i = 0; i < values.length; i++) {
            answer(responseId, String.format("CS-%02d", i + 1), values[i], null);
        }
        post("/api/responses/" + responseId + "/submit", Map.of());
        return roundId;
    }

    /** A Skatta läget round in which this many staff members (medarbetare) each gave SL-A1 a 3 and submitted. */
    public long skattaLagetRound(long organisationId, String label, int respondents) {
        long roundId = createRound(organisationId, "skatta-laget", label);
        for (int i = 0; i < respondents; i++) {
            long responseId = id(post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "medarbetare")));
            answer(responseId, "SL-A1", 3, null);
            post("/api/responses/" + responseId + "/submit", Map.of());
        }
        return roundId;
    }

    /** Skatta läget's twenty item codes, in the instrument's order. */
    public static final List<String> SKATTA_LAGET_ITEMS = List.of("SL-A1", "SL-A2", "SL-A3", "SL-A4", "SL-B1", "SL-B2",
            "SL-B3", "SL-C1", "SL-C2", "SL-C3", "SL-C4", "SL-D1", "SL-D2", "SL-D3", "SL-D4", "SL-D5", "SL-E1", "SL-E2",
            "SL-E3", "SL-E4");

    /**
     * A closed Skatta läget round imported from CSV: five respondents per role, each answering every item;
     * {@code shift} raises the answers by one step (up to 4), which between two rounds is a clear improvement.
     */
    public long importSkattaLagetRound(long organisationId, String label, int shift) {
        StringBuilder csv = new StringBuilder("respondentRole;" + String.join(";", SKATTA_LAGET_ITEMS) + "\n");
        int respondent = 0;
        for (String role : List.of("ledning", "stodfunktion", "medarbetare")) {
            for (int i = 0; i < 5; i++, respondent++) {
                csv.append(role);
                for (int item = 0; item < SKATTA_LAGET_ITEMS.size(); item++) {
                    csv.append(';').append(Math.min(4, 1 + (respondent + item) % 3 + shift));
                }
                csv.append('\n');
            }
        }
        MultipartBody form = MultipartBody.builder()
                .addPart("file", "skatta-laget-" + label + ".csv", MediaType.of("text/csv"),
                        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .addPart("instrumentCode", "skatta-laget").addPart("label", label).build();
        return id((Map<String, Object>) postMultipart("/api/organisations/" + organisationId + "/rounds/import", form).get("round"));
    }

    /** Runs a call that must fail; checks the status and the problem+json format, and returns the problem. */
    public Map<String, Object> problem(int status, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(status, e.getStatus().getCode(), () -> "body: " + e.getResponse().getBody(String.class).orElse(""));
        assertTrue(e.getResponse().getContentType().map(type -> type.toString().startsWith("application/problem+json")).orElse(false),
                () -> "content type was " + e.getResponse().getContentType());
        Map<String, Object> problem = read(e.getResponse().getBody(String.class).orElseThrow(), Argument.mapOf(String.class, Object.class));
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertTrue(problem.get("title") instanceof String);
        assertTrue(problem.get("detail") instanceof String detail && !detail.isBlank());
        return problem;
    }

    public static long id(Map<String, Object> resource) {
        return ((Number) resource.get("id")).longValue();
    }

    private Map<String, Object> map(HttpResponse<String> response) {
        return read(response.body(), Argument.mapOf(String.class, Object.class));
    }

    private <T> T read(String body, Argument<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
