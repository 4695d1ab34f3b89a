package se.lagesbild.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * The address people reach the web app at, for links the app hands out (invitation links, a workshop's QR code):
 * {@code LAGESBILD_PUBLIC_URL} when set, otherwise the address the request came to (Micronaut's host resolver,
 * which reads the forwarding headers when configured behind a proxy, with https when {@link Https} says the request
 * came over HTTPS). Never ends with a slash.
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
        if (!configured.isBlank()) {
            return configured;
        }
        String resolved = hosts.resolve(request);
        // Behind a proxy that ends TLS the request reached us over HTTP; the address people use is HTTPS.
        return Https.of(request) && resolved.startsWith("http://") ? "https://" + resolved.substring("http://".length()) : resolved;
    }
}
