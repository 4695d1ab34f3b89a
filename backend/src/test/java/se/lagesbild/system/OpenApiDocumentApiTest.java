package se.lagesbild.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.lagesbild.support.ApiTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document that micronaut-openapi generates from the controllers is served at /api/openapi.yml
 * and names every route under /api that the running application has (method and path template), so that
 * a new endpoint cannot be left out of it, with the credentials its @Secured rule asks for; the viewer at
 * /api/docs runs from the app's own files.
 */
@MicronautTest(transactional = false)
class OpenApiDocumentApiTest extends ApiTest {

    /** What a signed-in operation documents: the session cookie or the bearer token. */
    private static final List<Map<String, List<String>>> SIGNED_IN = List.of(Map.of("session", List.of()), Map.of("bearer", List.of()));
    /** What a joined workshop participant's operation documents: the participant token as cookie or header. */
    private static final List<Map<String, List<String>>> PARTICIPANT = List.of(Map.of("participantCookie", List.of()),
            Map.of("participantToken", List.of()));

    @Inject
    Router router;

    @Test
    void everyApiRouteOfTheApplicationIsInTheServedDocument() {
        HttpResponse<String> response = api.exchangeGet("/api/openapi.yml");
        assertTrue(response.getContentType().map(type -> type.toString().startsWith("application/yaml")).orElse(false),
                () -> "content type " + response.getContentType());
        Map<String, Object> document = new Yaml().load(response.body());
        assertEquals("Lägesbild API", ((Map<?, ?>) document.get("info")).get("title"));

        List<String> routes = apiRoutes();
        assertTrue(routes.size() >= 25, "the application's /api routes: " + routes);
        assertTrue(routes.contains("PUT /api/responses/{responseId}/answers/{itemCode}"), routes::toString);
        assertEquals(List.of(), undocumented(routes, document), "routes missing from the OpenAPI document");
    }

    @Test
    void eachOperationAsksForTheCredentialsThatItsSecuredRuleNeeds() {
        Map<String, Object> document = new Yaml().load(api.exchangeGet("/api/openapi.yml").body());
        assertEquals(List.of(Map.of()), document.get("security"), "by default no credentials are needed");
        Map<?, ?> paths = (Map<?, ?>) document.get("paths");
        List<String> wrong = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        router.uriRoutes().filter(route -> path(route).startsWith("/api/") && !route.getHttpMethodName().equals("HEAD")).forEach(route -> {
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            Map<?, ?> operation = (Map<?, ?>) ((Map<?, ?>) paths.get(path(route))).get(method);
            Object security = operation.get("security");
            String[] rule = route.getTargetMethod().getAnnotationMetadata().stringValues(Secured.class);
            boolean anyone = Arrays.equals(rule, new String[] {SecurityRule.IS_ANONYMOUS});
            boolean right = anyone
                    ? security == null || path(route).startsWith("/api/w/") && PARTICIPANT.equals(security)
                    : SIGNED_IN.equals(security);
            checked.add(route.getHttpMethodName() + " " + path(route));
            if (!right) {
                wrong.add(route.getHttpMethodName() + " " + path(route) + " @Secured" + Arrays.toString(rule) + " but security " + security);
            }
        });
        assertTrue(checked.size() >= 90, checked::toString);
        assertEquals(List.of(), wrong, "operations whose documented credentials differ from their @Secured rule");
    }

    @Test
    void aRouteThatTheDocumentLacksIsReported() {
        Map<String, Object> document = Map.of("paths", Map.of(
                "/api/rounds/{roundId}", Map.of("get", Map.of()),
                "/api/organisations", Map.of("get", Map.of(), "post", Map.of())));
        List<String> routes = List.of("GET /api/rounds/{roundId}", "HEAD /api/rounds/{roundId}", "POST /api/rounds/{roundId}",
                "POST /api/organisations", "GET /api/workshops", "HEAD /api/workshops");

        assertEquals(List.of("POST /api/rounds/{roundId}", "GET /api/workshops", "HEAD /api/workshops"),
                undocumented(routes, document));
    }

    @Test
    void theViewerLoadsOnlyTheAppsOwnScriptsUnderAStrictPolicy() {
        HttpResponse<String> page = api.exchangeGet("/api/docs");
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self';"), "only the app's own scripts: " + policy);
        assertTrue(page.body().contains("<script src=\"/api-docs/swagger-ui-bundle.js\"></script>"), page.body());
        assertTrue(!page.body().contains("<script>"), "no inline script: " + page.body());
        assertTrue(api.exchangeGet("/api-docs/swagger-ui-bundle.js").body().length() > 100_000, "Swagger UI is served by the app");
        assertTrue(api.exchangeGet("/api-docs/init.js").body().contains("/api/openapi.yml"));
    }

    /** Each route under /api as "METHOD /path/{variable}", without query variables, in the router's order. */
    private List<String> apiRoutes() {
        return router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + path(route))
                .filter(route -> route.contains(" /api/") || route.endsWith(" /api"))
                .distinct()
                .toList();
    }

    private static String path(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        int query = template.indexOf("{?");
        return query < 0 ? template : template.substring(0, query);
    }

    /**
     * The routes ("METHOD /path") that have no operation with that method under that path in the document.
     * Micronaut answers HEAD wherever it answers GET; such a HEAD is documented by its GET.
     */
    static List<String> undocumented(List<String> routes, Map<String, Object> document) {
        Map<?, ?> paths = (Map<?, ?>) document.getOrDefault("paths", Map.of());
        return routes.stream().filter(route -> {
            String[] parts = route.split(" ", 2);
            String method = parts[0].toLowerCase(Locale.ROOT);
            Object operations = paths.get(parts[1]);
            return !(operations instanceof Map<?, ?> map
                    && (map.containsKey(method) || method.equals("head") && map.containsKey("get")));
        }).toList();
    }
}
