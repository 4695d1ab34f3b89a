package se.lagesbild.system;

import io.micronaut.http.HttpRequest;

import java.util.Locale;

/**
 * Whether a request reached us over HTTPS: directly, or through a reverse proxy that says so with
 * {@code X-Forwarded-Proto} or the standard {@code Forwarded} header (RFC 7239). Cookies are then marked
 * {@code Secure} and responses carry HSTS.
 */
public final class Https {

    private Https() {
    }

    public static boolean of(HttpRequest<?> request) {
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            return true;
        }
        String forwarded = request.getHeaders().get("Forwarded");
        return forwarded != null && forwarded.toLowerCase(Locale.ROOT).replace(" ", "").matches(".*(^|[;,])proto=\"?https\"?([;,].*|$)");
    }
}
