package se.lagesbild.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
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

/** Calls the API as an outside client would, reading JSON into maps so tests assert on the wire format. */
public record Api(BlockingHttpClient http, JsonMapper json) {

    /**
     * Sends a request built by the caller (with its own headers, such as a participant's token or cookie):
     * the one place where requests that are not plain JSON calls leave, so that credentials can be added here.
     */
    public HttpResponse<String> send(MutableHttpRequest<?> request) {
        return http.exchange(prepare(request), String.class);
    }

    /** What every request gets before it leaves (nothing yet; credentials once accounts exist). Streams use it too. */
    public <T> MutableHttpRequest<T> prepare(MutableHttpRequest<T> request) {
        return request;
    }

    /** Reads a JSON object from a response body. */
    public Map<String, Object> json(HttpResponse<String> response) {
        return map(response);
    }

    public Map<String, Object> get(String uri) {
        return map(send(HttpRequest.GET(uri)));
    }

    public List<Map<String, Object>> getList(String uri) {
        return read(send(HttpRequest.GET(uri)).body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    public Map<String, Object> post(String uri, Object body) {
        return map(send(HttpRequest.POST(uri, body)));
    }

    public HttpResponse<String> exchangePost(String uri, Object body) {
        return send(HttpRequest.POST(uri, body));
    }

    /** Posts a multipart/form-data body, such as a file upload with its form fields. */
    public HttpResponse<String> exchangeMultipart(String uri, MultipartBody body) {
        return send(HttpRequest.POST(uri, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    public Map<String, Object> postMultipart(String uri, MultipartBody body) {
        return map(exchangeMultipart(uri, body));
    }

    public Map<String, Object> put(String uri, Object body) {
        return map(send(HttpRequest.PUT(uri, body)));
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
