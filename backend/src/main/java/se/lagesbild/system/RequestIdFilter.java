package se.lagesbild.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its log lines carry ({@code requestId} in the MDC, printed by logback.xml)
 * and that its response returns in {@code X-Request-Id}, so that a person reporting a problem, the reverse
 * proxy's access log and the application's log can be matched. An id the client or a proxy sends is kept
 * when it is a plausible id (letters, digits and {@code . _ : -}, at most 64), else a new one is made: a
 * header must not be able to forge log lines.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && PLAUSIBLE.matcher(given).matches() ? given : newId();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new RequestIdInLog(id));
    }

    /**
     * The request id in the MDC of whichever thread works on the request, and only that key: Micronaut's
     * {@code MdcPropagationContext} copies the whole MDC map in and out at every hop between threads and
     * reactive stages, which was 4 % of the app's CPU per request (bench/README.md); this puts one key and puts
     * back what was there.
     */
    record RequestIdInLog(String id) implements ThreadPropagatedContextElement<String> {

        @Override
        public String updateThreadContext() {
            String previous = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, id);
            return previous;
        }

        @Override
        public void restoreThreadContext(String previous) {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /**
     * A UUID-shaped random id. An id names a request in the logs and guards nothing, so it comes from a fast
     * random source rather than {@link UUID#randomUUID()}'s SecureRandom, which every request would queue for.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    @Override
    public int getOrder() {
        // Right after ServerTimingFilter: everything that logs runs inside it.
        return HIGHEST_PRECEDENCE + 1;
    }
}
