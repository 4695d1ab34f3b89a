package se.lagesbild.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics at /prometheus and /metrics, and the request id every response and its log lines carry. */
@MicronautTest(transactional = false)
class ObservabilityApiTest extends ApiTest {

    @Test
    void prometheusCountsAnswersSavedProblemsAndRequestLatency() {
        long responseId = api.startResponse(api.createRound(api.createOrganisation("Lomma kommun"), "checklist-systematik", "2025"));
        api.answer(responseId, "CS-01", 3, null);
        api.problem(404, () -> api.get("/api/rounds/987654321"));
        String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
        assertTrue(scrape.contains("lagesbild_answers_saved_total{applied=\"true\""), scrape);
        assertTrue(scrape.contains("lagesbild_problems_total{status=\"404\",title=\"Not Found\""), scrape);
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{"), "latency histogram");
        assertTrue(scrape.contains("uri=\"/api/responses/{responseId}/answers/{itemCode}\""), "latency per route");

        Map<String, Object> names = api.get("/metrics");
        assertTrue(((List<?>) names.get("names")).contains("lagesbild.answers.saved"), names.toString());
    }

    @Test
    void aRequestIdIsMadeOrKeptAndReturned() {
        HttpResponse<String> made = api.exchange(HttpRequest.GET("/api/instruments"), String.class);
        assertNotNull(made.header(RequestIdFilter.HEADER));
        HttpResponse<String> kept = api.exchange(HttpRequest.GET("/api/instruments")
                .header(RequestIdFilter.HEADER, "nginx-4f2a9c"), String.class);
        assertEquals("nginx-4f2a9c", kept.header(RequestIdFilter.HEADER));
        HttpResponse<String> forged = api.exchange(HttpRequest.GET("/api/instruments")
                .header(RequestIdFilter.HEADER, "x\" level=ERROR msg=\"forged"), String.class);
        assertTrue(!forged.header(RequestIdFilter.HEADER).contains("forged"), "a header cannot forge log lines");
    }

    @Test
    void theLogLinesOfARequestCarryItsIdAndNoOther() {
        Logger audit = (Logger) LoggerFactory.getLogger(AuditTrail.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            for (String id : List.of("nginx-7c1e", "nginx-8d2f")) {
                api.exchange(HttpRequest.POST("/api/organisations", Map.of("name", "Kommunen " + id))
                        .header(RequestIdFilter.HEADER, id), String.class);
            }
            api.createOrganisation("Kommunen utan id");
        } finally {
            audit.detachAppender(lines);
        }
        List<String> ids = lines.list.stream().filter(line -> line.getFormattedMessage().contains("organisation.created"))
                .map(line -> line.getMDCPropertyMap().get(RequestIdFilter.MDC_KEY)).toList();
        assertEquals(3, ids.size(), ids.toString());
        assertEquals("nginx-7c1e", ids.get(0));
        assertEquals("nginx-8d2f", ids.get(1));
        assertNotNull(ids.get(2));
        assertTrue(!ids.get(2).startsWith("nginx-"), "a request without an id gets its own, not the previous one's: " + ids);
    }
}
