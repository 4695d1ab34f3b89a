package se.lagesbild.account;

import se.lagesbild.system.Https;
import se.lagesbild.system.PublicAddress;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;

/**
 * Signing in through an identity provider (OpenID Connect): the login page's "Logga in med …" button leads to
 * {@code login}, the provider sends the person back to {@code callback}, which opens the platform's own session
 * (the same cookie as a password sign-in) or, when anything is wrong, leads to the web app's error page with the
 * reason and no session. {@code logout} leads on to the provider's own logout.
 */
@Controller("/api/auth/oidc")
@Tag(name = "Accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class OidcController {

    private static final Logger LOG = LoggerFactory.getLogger(OidcController.class);
    /** Holds the state in the browser that began the sign-in, so that only that browser can finish it. */
    static final String STATE_COOKIE = "lagesbild_oidc";
    private static final String PATH = "/api/auth/oidc";
    static final String ERROR_PAGE = "/inloggning-misslyckades";

    private final OidcSignIns signIns;
    private final SessionCookie sessionCookie;
    private final PublicAddress publicAddress;
    private final Duration validity;

    public OidcController(OidcSignIns signIns, SessionCookie sessionCookie, PublicAddress publicAddress,
                          @Value("${lagesbild.oidc.sign-in-validity:10m}") Duration validity) {
        this.signIns = signIns;
        this.sessionCookie = sessionCookie;
        this.publicAddress = publicAddress;
        this.validity = validity;
    }

    /**
     * Begins a sign-in through the provider: 303 to its authorization endpoint (a browser navigation, never a
     * problem document: a failure is a 303 to the sign-in error page).
     */
    @Get("/{provider}/login")
    @ApiResponse(responseCode = "303", description = "To the provider's sign-in, or to the error page /inloggning-misslyckades")
    public MutableHttpResponse<?> login(String provider, @Nullable @QueryValue String redirect, HttpRequest<?> request) {
        try {
            OidcSignIns.Started started = signIns.start(provider, callback(request, provider), redirect);
            return HttpResponse.seeOther(URI.create(started.authorizationUrl()))
                    .cookie(stateCookie(started.state(), request).maxAge(validity));
        } catch (OidcFailure failure) {
            return failed(provider, failure, request);
        }
    }

    /** The provider sends the person back here: 303 into the app with the platform's session, or to the error page. */
    @Get("/{provider}/callback")
    @ApiResponse(responseCode = "303", description = "Into the app signed in, or to the error page /inloggning-misslyckades")
    public MutableHttpResponse<?> callback(String provider, @Nullable @QueryValue String code, @Nullable @QueryValue String state,
                                           @Nullable @QueryValue String error, @Nullable @CookieValue(STATE_COOKIE) String browserState,
                                           HttpRequest<?> request) {
        try {
            OidcSignIns.Finished finished = signIns.finish(provider, code, state, browserState, error, callback(request, provider));
            LOG.info("User {} signed in through {}", finished.user().id(), provider);
            return HttpResponse.seeOther(URI.create(finished.returnTo() == null ? "/" : finished.returnTo()))
                    .cookie(sessionCookie.of(finished.token(), request))
                    .cookie(stateCookie("", request).maxAge(0));
        } catch (OidcFailure failure) {
            return failed(provider, failure, request);
        }
    }

    /** Leads on to the provider's own logout (its end-session endpoint), or back to the login page. */
    @Get("/{provider}/logout")
    @ApiResponse(responseCode = "303", description = "To the provider's end-session endpoint or the login page")
    public MutableHttpResponse<?> logout(String provider, HttpRequest<?> request) {
        String signedOut = publicAddress.of(request) + "/logga-in";
        try {
            String endSession = signIns.endSessionUrl(provider, signedOut);
            return HttpResponse.seeOther(URI.create(endSession == null ? "/logga-in" : endSession));
        } catch (OidcFailure failure) {
            return failed(provider, failure, request);
        }
    }

    private MutableHttpResponse<?> failed(String provider, OidcFailure failure, HttpRequest<?> request) {
        LOG.warn("Sign-in through provider {} failed ({}): {}", provider.replaceAll("[^A-Za-z0-9-]", "?"), failure.reason().code,
                failure.getMessage());
        return HttpResponse.seeOther(URI.create(ERROR_PAGE + "?orsak=" + failure.reason().code))
                .cookie(stateCookie("", request).maxAge(0));
    }

    private String callback(HttpRequest<?> request, String provider) {
        return publicAddress.of(request) + PATH + "/" + provider + "/callback";
    }

    private static Cookie stateCookie(String value, HttpRequest<?> request) {
        // Lax: the provider sends the person back with a top-level GET, which carries Lax cookies.
        return Cookie.of(STATE_COOKIE, value).httpOnly(true).sameSite(SameSite.Lax).path(PATH).secure(Https.of(request));
    }
}
