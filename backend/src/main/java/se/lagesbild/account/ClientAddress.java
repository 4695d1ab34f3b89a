package se.lagesbild.account;

import io.micronaut.http.HttpRequest;

/** The address a request came from, for rate limits. Behind a reverse proxy Micronaut reads it from the configured header. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
