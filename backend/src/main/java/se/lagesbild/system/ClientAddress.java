package se.lagesbild.system;

import io.micronaut.http.HttpRequest;

/** The address a request came from, for rate limits. Behind a reverse proxy Micronaut reads it from the configured header. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
