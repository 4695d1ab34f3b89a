package se.lagesbild.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * The address people reach the web app at, for links the app hands out (invitation links, a workshop's QR code):
 * {@code LAGESBILD_PUBLIC_URL} when set, otherwise the address the request came to (Micronaut's host resolver,
 * which reads the forwarding headers when configured behind a proxy). Never ends with a slash.
 */
@Singleton
public class PublicAddress {

    private final HttpHostResolver hosts;
    private final String configured;

    public PublicAddress(HttpHostResolver hosts, @Value("${lagesbild.public-url:}") String configured) {
        this.hosts = hosts;
        this.configured = configured.replaceAll("/+$", "");
    }

    public String of(HttpRequest<?> request) {
        return configured.isBlank() ? hosts.resolve(request) : configured;
    }
}
