package se.lagesbild.account;

import se.lagesbild.system.Https;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The web app's session cookie: HttpOnly (scripts never see the token), SameSite=Lax (no cross-site POSTs carry
 * it), Secure when the request came over HTTPS. Also reads the token from it for Micronaut Security.
 */
@Singleton
public class SessionCookie implements TokenReader<HttpRequest<?>> {

    public static final String NAME = "lagesbild_session";

    private final Duration ttl;

    public SessionCookie(@Value("${lagesbild.session.ttl:12h}") Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(value -> !value.isBlank());
    }

    /** The answer to a successful sign-in (login, first-run set-up, accepted invitation): the body and the cookie. */
    public <T> MutableHttpResponse<T> signedIn(T body, String token, HttpRequest<?> request) {
        return HttpResponse.ok(body).cookie(base(token, request).maxAge(ttl));
    }

    /** The cookie of a session opened some other way than by an answer with a body (a provider's redirect back). */
    Cookie of(String token, HttpRequest<?> request) {
        return base(token, request).maxAge(ttl);
    }

    public Cookie cleared(HttpRequest<?> request) {
        return base("", request).maxAge(0);
    }

    private static Cookie base(String value, HttpRequest<?> request) {
        return Cookie.of(NAME, value).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(Https.of(request));
    }


    @Override
    public int getOrder() {
        return 0;
    }
}
