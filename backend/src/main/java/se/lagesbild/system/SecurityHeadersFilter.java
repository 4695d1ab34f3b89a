package se.lagesbild.system;

import io.micronaut.http.HttpRequest;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser protections on every response, pages, files, API answers and errors alike: scripts only from our own
 * files (no inline scripts), no framing (clickjacking), no MIME sniffing, and no referrer leaving the site (an
 * invitation link carries its token in the path). Over HTTPS (directly or behind a proxy that says so) HSTS; caching
 * that fits each kind of answer: never for the API, for good for fingerprinted files, revalidated for the rest.
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

    /** Vite's fingerprinted files (assets/name-hash.js): a new build gets new names, so they never change. */
    private static final java.util.regex.Pattern FINGERPRINTED = java.util.regex.Pattern.compile("^/assets/.+-[A-Za-z0-9_-]{8,}\\.(js|css|woff2?|svg|png)$");

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (Https.of(request)) {
            response.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (!response.getHeaders().contains("Cache-Control")) {
            String path = request.getPath();
            if (path.startsWith("/api/")) {
                // Answers may be one organisation's or one person's: never kept by a browser or a proxy.
                response.header("Cache-Control", "no-store");
            } else if (FINGERPRINTED.matcher(path).matches()) {
                response.header("Cache-Control", "public, max-age=31536000, immutable");
            } else {
                response.header("Cache-Control", "no-cache");
            }
        }
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
