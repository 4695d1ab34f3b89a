package se.lagesbild.apidocs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import se.lagesbild.access.Roles;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URL;

/**
 * The API's OpenAPI document, which micronaut-openapi generates from the controllers at compile time
 * (META-INF/swagger/lagesbild.yml), and a viewer for it: Swagger UI from the app's own static files
 * (/api-docs/, copied there by the frontend build), started by an external script, so the page works
 * offline and under a Content-Security-Policy that allows no inline script.
 */
@SignInRequired
@ClientProblems
@Controller("/api")
@Tag(name = "Documentation")
@Secured(Roles.ADMIN)
public class ApiDocsController {

    static final String DOCUMENT = "classpath:META-INF/swagger/lagesbild.yml";
    private static final String VIEWER = "classpath:api-docs/index.html";
    private static final MediaType YAML = MediaType.of("application/yaml");
    /** The viewer needs nothing from elsewhere; inline styles and data: images are Swagger UI's own. */
    private static final String VIEWER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final ResourceResolver resources;

    public ApiDocsController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Operation(summary = "The OpenAPI document of this API (YAML), generated from the code")
    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<StreamedFile> document() {
        return HttpResponse.ok(new StreamedFile(resource(DOCUMENT))).contentType(YAML).header("Cache-Control", "no-cache");
    }

    @Operation(summary = "A viewer of the OpenAPI document (Swagger UI), for administrators")
    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    public HttpResponse<StreamedFile> viewer() {
        return HttpResponse.ok(new StreamedFile(resource(VIEWER))).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", VIEWER_POLICY).header("Cache-Control", "no-cache");
    }

    private URL resource(String path) {
        return resources.getResource(path).orElseThrow(() -> new IllegalStateException(
                path + " is missing from the classpath: the build generates it (micronaut-openapi, frontend build)"));
    }
}
