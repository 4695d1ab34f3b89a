package se.lagesbild.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Tells the client how long the server spent on an API request: {@code Server-Timing: app;dur=12.3}, in
 * milliseconds with one decimal (the W3C Server Timing header, shown by browsers' developer tools and read
 * by {@code bench/ComparisonLoad.java}). Measured from the moment the request enters the filter chain (first
 * of all filters) to the moment its response leaves it, errors included; encoding the body and writing it to
 * the socket come after and are not counted.
 */
@ServerFilter("/api/**")
public class ServerTimingFilter implements Ordered {

    public static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTimingFilter.class.getName() + ".started";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void stop(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started ->
                response.header(HEADER, value(System.nanoTime() - started)));
    }

    /** {@code app;dur=<ms>} with one decimal, whatever the server's locale (without String.format: every API response pays for it). */
    static String value(long nanos) {
        long tenths = Math.max(0, Math.round(nanos / 100_000.0));
        return "app;dur=" + tenths / 10 + "." + tenths % 10;
    }

    @Override
    public int getOrder() {
        // Outermost: the time includes every other filter.
        return HIGHEST_PRECEDENCE;
    }
}
