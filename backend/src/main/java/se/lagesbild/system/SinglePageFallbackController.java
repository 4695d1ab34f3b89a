package se.lagesbild.system;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.types.files.StreamedFile;

import java.net.URL;
import java.util.Optional;

/**
 * The frontend routes in the browser (vue-router history mode), so a reload of {@code /svar/12} reaches
 * the server: page navigations that match no route and no static file get the app's index.html. Anything
 * else that is not found (API calls, missing assets) gets a problem document.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class SinglePageFallbackController {

    private static final String INDEX = "classpath:public/index.html";

    private final ResourceResolver resources;
    private final ErrorResponseProcessor<?> errors;

    public SinglePageFallbackController(ResourceResolver resources, ErrorResponseProcessor<?> errors) {
        this.resources = resources;
        this.errors = errors;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        Optional<URL> index = resources.getResource(INDEX);
        if (isPageNavigation(request) && index.isPresent()) {
            return HttpResponse.ok(new StreamedFile(index.get())).contentType(MediaType.TEXT_HTML_TYPE)
                    .header("Cache-Control", "no-cache");
        }
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.notFound());
    }

    private static boolean isPageNavigation(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.GET
                && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/health")
                && !path.contains(".")
                && request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }
}
