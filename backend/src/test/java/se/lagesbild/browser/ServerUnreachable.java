package se.lagesbild.browser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A test fixture standing in for a cut connection on the server's side: while {@link #cut} is true every
 * request is answered 503, as a gateway answers when the application behind it is gone. DevTools' offline
 * emulation does not outlast a page reload, so the offline browser test keeps the server out of reach with this.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ServerUnreachable {

    static volatile boolean cut;

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseWhileCut(HttpRequest<?> request) {
        return cut ? HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE) : null;
    }
}
