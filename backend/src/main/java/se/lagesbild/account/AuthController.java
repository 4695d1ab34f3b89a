package se.lagesbild.account;

import se.lagesbild.system.ClientAddress;
import se.lagesbild.access.Caller;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.RateLimited;
import se.lagesbild.apidocs.SignInRequired;
import se.lagesbild.apidocs.WrongCredentials;

/** Signing in and out, and who is signed in. */
@Tag(name = "Accounts")
@ClientProblems
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final TokenResolver<HttpRequest<?>> tokens;

    public AuthController(Accounts accounts, Sessions sessions, SessionCookie cookie, TokenResolver<HttpRequest<?>> tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.tokens = tokens;
    }

    /** Signs in with username and password: the session cookie, and an accessToken for API clients. */
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited
    @WrongCredentials
    public HttpResponse<SignedInView> login(@Valid @Body Credentials credentials, HttpRequest<?> request) {
        Accounts.SignedIn signedIn = accounts.login(credentials.username(), credentials.password(), ClientAddress.of(request));
        return cookie.signedIn(new SignedInView(signedIn.token(), accounts.view(signedIn.caller())), signedIn.token(), request);
    }

    /** Signs out: ends the session and clears its cookie. */
    @Post("/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Void> logout(HttpRequest<?> request) {
        tokens.resolveToken(request).ifPresent(sessions::close);
        return HttpResponse.<Void>noContent().cookie(cookie.cleared(request));
    }

    /** The signed-in user with their roles per organisation. */
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SignInRequired
    public Accounts.UserView me(Caller caller) {
        return accounts.view(caller);
    }

    @Serdeable
    public record Credentials(
            @NotBlank(message = "validation.username-needed-to-sign-in") @Size(max = 254, message = "validation.username-too-long") String username,
            @NotBlank(message = "validation.password-needed-to-sign-in") @Size(max = Passwords.MAX_LENGTH, message = "validation.password-too-long") String password) {
    }

    @Serdeable
    public record SignedInView(String accessToken, Accounts.UserView user) {
    }
}
