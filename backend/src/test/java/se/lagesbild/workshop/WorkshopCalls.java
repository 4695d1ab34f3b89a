package se.lagesbild.workshop;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import se.lagesbild.support.Api;

import java.util.HashMap;
import java.util.Map;

/** The workshop API as a facilitator and as participants call it, every request through {@link Api}. */
record WorkshopCalls(Api api) {

    /** A participant as their phone knows them: the workshop's code and their token. */
    record Participant(String code, String token) {
    }

    Map<String, Object> create(String title, String instrumentCode, Long organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("instrumentCode", instrumentCode);
        body.put("organisationId", organisationId);
        return api.post("/api/workshops", body);
    }

    /** A new open staircase workshop: its id and code. */
    Map<String, Object> openStaircase(String title) {
        Map<String, Object> workshop = create(title, "jamstalldhetstrappan", null);
        open(Api.id(workshop));
        return workshop;
    }

    Map<String, Object> open(long id) {
        return api.post("/api/workshops/" + id + "/open", Map.of());
    }

    Map<String, Object> close(long id) {
        return api.post("/api/workshops/" + id + "/close", Map.of("confirm", true));
    }

    Map<String, Object> reveal(long id) {
        return api.post("/api/workshops/" + id + "/reveal", Map.of());
    }

    Map<String, Object> results(long id) {
        return api.get("/api/workshops/" + id + "/results");
    }

    HttpResponse<String> joinExchange(String code, String group) {
        Map<String, Object> body = new HashMap<>();
        body.put("group", group);
        return api.send(HttpRequest.POST("/api/w/" + code + "/join", body));
    }

    Participant join(String code, String group) {
        return new Participant(code, (String) api.json(joinExchange(code, group)).get("participantToken"));
    }

    HttpResponse<String> answer(Participant participant, Integer value) {
        return api.send(as(participant, HttpRequest.PUT("/api/w/" + participant.code() + "/answer", valueBody(value))));
    }

    HttpResponse<String> answer(Participant participant, String itemCode, Integer value) {
        return api.send(as(participant, HttpRequest.PUT("/api/w/" + participant.code() + "/answers/" + itemCode, valueBody(value))));
    }

    HttpResponse<String> reflect(Participant participant, int promptIndex, String text) {
        return api.send(as(participant, HttpRequest.PUT("/api/w/" + participant.code() + "/reflections/" + promptIndex,
                Map.of("text", text))));
    }

    Map<String, Object> participantPage(Participant participant) {
        return api.json(api.send(as(participant, HttpRequest.GET("/api/w/" + participant.code()))));
    }

    /** The status a call answered with, an error's as well as a success's. */
    static int statusOf(java.util.function.Supplier<HttpResponse<String>> call) {
        try {
            return call.get().code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static MutableHttpRequest<?> as(Participant participant, MutableHttpRequest<?> request) {
        return request.header("X-Participant-Token", participant.token());
    }

    private static Map<String, Object> valueBody(Integer value) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        return body;
    }
}
