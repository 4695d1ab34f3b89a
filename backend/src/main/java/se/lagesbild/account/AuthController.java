package se.lagesbild.account;

import se.lagesbild.system.ClientAddress;
import se.lagesbild.access.Caller;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.validation.constraints.NotNull;
import se.lagesbild.access.Roles;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
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
    private final SignInOptions options;
    private final OidcProviders providers;

    public AuthController(Accounts accounts, Sessions sessions, SessionCookie cookie, TokenResolver<HttpRequest<?>> tokens,
                          SignInOptions options, OidcProviders providers) {
        this.accounts = accounts;
        this.options = options;
        this.providers = providers;
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
        if (!options.passwordAllowed()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, Text.of("login.password-closed",
                    Text.joined("list.or", options.view().providers().stream().map(SignInOptions.ProviderView::name).toList())));
        }
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
    public Me me(Caller caller, HttpRequest<?> request) {
        Accounts.UserView user = accounts.view(caller);
        SignInOptions.ProviderView signedInWith = tokens.resolveToken(request).flatMap(sessions::provider).flatMap(providers::find)
                .map(provider -> new SignInOptions.ProviderView(provider.id(), provider.name())).orElse(null);
        return new Me(user.id(), user.username(), user.admin(), user.roles(), user.signsInWith(), signedInWith);
    }

    /** How people may sign in here: the login page reads it. */
    @Get("/methods")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public SignInOptions.View methods() {
        return options.view();
    }

    /** An administrator opens or closes the password form. */
    @Put("/methods")
    @Secured(Roles.ADMIN)
    @SignInRequired
    @ConflictProblem
    public SignInOptions.View setMethods(@Valid @Body Methods request, Caller caller) {
        return options.setPassword(caller, request.password());
    }

    @Serdeable
    public record Methods(@NotNull(message = "validation.password-form-needed") Boolean password) {
    }

    /** The signed-in user, and the provider this session was opened through (null: a password). */
    @Serdeable
    public record Me(long id, String username, boolean admin, List<Accounts.OrganisationRoleView> roles, List<String> signsInWith,
                     @Nullable @Schema(type = "object") SignInOptions.ProviderView signedInWith) {
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
