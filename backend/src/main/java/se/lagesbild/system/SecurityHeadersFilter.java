package se.lagesbild.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser protections on every response, pages, files, API answers and errors alike: scripts only from our own
 * files (no inline scripts), no framing (clickjacking), no MIME sniffing, and no referrer leaving the site (an
 * invitation link carries its token in the path).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // Vue and Chart.js set style attributes from script; no inline <style> or style="" comes from us.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            // A page with its own stricter policy (the API docs viewer) keeps it
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
