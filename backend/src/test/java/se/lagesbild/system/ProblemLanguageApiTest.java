package se.lagesbild.system;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A problem's detail and field messages come in the language the client asks for with Accept-Language:
 * Swedish without one, English when the client prefers it; the answer names its language.
 */
@MicronautTest(transactional = false)
class ProblemLanguageApiTest extends ApiTest {

    @Test
    void aServiceProblemIsInSwedishByDefaultAndInEnglishWhenAskedFor() {
        Supplier<MutableHttpRequest<?>> unknownRound = () -> HttpRequest.GET("/api/rounds/987654");
        assertEquals("Omgången med id 987654 finns inte.", detail(404, unknownRound.get(), "sv"));
        assertEquals("Omgången med id 987654 finns inte.", detail(404, unknownRound.get(), null));
        assertEquals("There is no round with id 987654.", detail(404, unknownRound.get(), "en"));
        assertEquals("There is no round with id 987654.", detail(404, unknownRound.get(), "de-DE,en-GB;q=0.8,sv;q=0.5"));
        assertEquals("Omgången med id 987654 finns inte.", detail(404, unknownRound.get(), "en;q=0.3,sv-SE"),
                "the q-values decide, not the order");
    }

    @Test
    void fieldErrorsOfBeanValidationAreInTheAskedForLanguage() {
        Map<String, Object> swedish = problem(400, HttpRequest.POST("/api/organisations", Map.of("name", " ")), "sv");
        Map<String, Object> english = problem(400, HttpRequest.POST("/api/organisations", Map.of("name", " ")), "en");
        assertEquals("Rätta uppgifterna och försök igen: Ange organisationens namn.", swedish.get("detail"));
        assertEquals(List.of(Map.of("field", "name", "message", "Ange organisationens namn.")), swedish.get("errors"));
        assertEquals("Correct the details and try again: Give the organisation's name.", english.get("detail"));
        assertEquals(List.of(Map.of("field", "name", "message", "Give the organisation's name.")), english.get("errors"));
    }

    @Test
    void theFrameworksOwnErrorsAreInBothLanguagesToo() {
        assertEquals("Adressen /api/ingenstans finns inte.", detail(404, HttpRequest.GET("/api/ingenstans"), "sv"));
        assertEquals("The address /api/ingenstans does not exist.", detail(404, HttpRequest.GET("/api/ingenstans"), "en"));
        assertEquals("Metoden DELETE går inte att använda på /api/organisations.",
                detail(405, HttpRequest.DELETE("/api/organisations"), "sv"));
        assertEquals("The method DELETE cannot be used on /api/organisations.",
                detail(405, HttpRequest.DELETE("/api/organisations"), "en"));
        assertTrue(detail(415, HttpRequest.POST("/api/organisations", "name").contentType(MediaType.TEXT_PLAIN), "sv")
                .startsWith("Skicka begäran som JSON"));
        assertTrue(detail(415, HttpRequest.POST("/api/organisations", "name").contentType(MediaType.TEXT_PLAIN), "en")
                .startsWith("Send the request as JSON"));
        String swedishJson = detail(400, HttpRequest.POST("/api/organisations", "{\"name\": ").contentType(MediaType.APPLICATION_JSON), "sv");
        String englishJson = detail(400, HttpRequest.POST("/api/organisations", "{\"name\": ").contentType(MediaType.APPLICATION_JSON), "en");
        assertTrue(swedishJson.startsWith("Begäran kunde inte tolkas: innehållet är inte JSON av rätt form"), swedishJson);
        assertTrue(englishJson.startsWith("The request could not be understood: the content is not JSON of the right shape"), englishJson);
        assertEquals("Logga in för att fortsätta (sessionscookie eller Authorization: Bearer <accessToken>).",
                anonymousDetail(401, HttpRequest.GET("/api/organisations"), "sv"));
        assertEquals("Sign in to continue (session cookie or Authorization: Bearer <accessToken>).",
                anonymousDetail(401, HttpRequest.GET("/api/organisations"), "en"));
    }

    private String detail(int status, MutableHttpRequest<?> request, String acceptLanguage) {
        return (String) problem(status, request, acceptLanguage).get("detail");
    }

    private String anonymousDetail(int status, MutableHttpRequest<?> request, String acceptLanguage) {
        return (String) problem(status, request, acceptLanguage, true).get("detail");
    }

    private Map<String, Object> problem(int status, MutableHttpRequest<?> request, String acceptLanguage) {
        return problem(status, request, acceptLanguage, false);
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem the request is answered with; its Content-Language is the language asked for (Swedish by default). */
    private Map<String, Object> problem(int status, MutableHttpRequest<?> request, String acceptLanguage, boolean anonymous) {
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> (anonymous ? api.anonymous() : api).send(request));
        HttpResponse<?> response = e.getResponse();
        assertEquals(status, response.getStatus().getCode(), () -> response.getBody(String.class).orElse(""));
        Map<String, Object> problem = read(response.getBody(String.class).orElseThrow());
        assertEquals(ProblemTexts.language(acceptLanguage).toLanguageTag(), response.getHeaders().get("Content-Language"),
                () -> "Content-Language of " + problem);
        return problem;
    }
}
