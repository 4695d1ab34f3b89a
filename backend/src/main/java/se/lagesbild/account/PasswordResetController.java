package se.lagesbild.account;

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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import se.lagesbild.system.ClientAddress;
import se.lagesbild.system.PublicAddress;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.RateLimited;
import se.lagesbild.apidocs.SignInRequired;
import se.lagesbild.apidocs.LinkGone;

/** "Glömt lösenord?": asking for a link (with e-mail configured), an administrator's link, and choosing the new password. */
@Tag(name = "Accounts")
@ClientProblems
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PasswordResetController {

    private final PasswordResets resets;
    private final PublicAddress publicAddress;

    public PasswordResetController(PasswordResets resets, PublicAddress publicAddress) {
        this.resets = resets;
        this.publicAddress = publicAddress;
    }

    /** Whether people can ask for a link themselves: only where the server sends e-mail. */
    @Get("/auth/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ResetOptions options() {
        return new ResetOptions(resets.selfService());
    }

    /** Mails a link to the account with this name, if it exists; the answer (202) is the same either way. */
    @Post("/auth/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited
    @ConflictProblem
    public HttpResponse<Void> request(@Valid @Body ResetRequest request, HttpRequest<?> http) {
        resets.requestByMail(request.username(), publicAddress.of(http), ClientAddress.of(http));
        return HttpResponse.accepted();
    }

    /** Whether a link for a new password can still be used, and for which user. */
    @Get("/auth/password-reset/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @LinkGone
    public PasswordResets.ResetPreview previewPasswordReset(@Size(max = 100, message = "validation.link-too-long") String token) {
        return resets.preview(token);
    }

    /** Sets the new password; every session of the account ends. */
    @Post("/auth/password-reset/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @LinkGone
    public HttpResponse<Void> choose(@Size(max = 100, message = "validation.link-too-long") String token, @Valid @Body NewPassword request) {
        resets.choose(token, request.password());
        return HttpResponse.noContent();
    }

    /** A link for the person to choose a new password, which the administrator hands over. */
    @Post("/users/{userId}/password-reset")
    @Secured(Roles.ADMIN)
    @SignInRequired
    public HttpResponse<ResetLink> createPasswordResetLink(long userId, Caller caller, HttpRequest<?> http) {
        return HttpResponse.created(new ResetLink(resets.createByAdministrator(caller, userId, publicAddress.of(http))));
    }

    @Serdeable
    public record ResetOptions(boolean selfService) {
    }

    @Serdeable
    public record ResetRequest(@NotBlank(message = "validation.own-username-needed")
                               @Size(max = 254, message = "validation.username-too-long") String username) {
    }

    @Serdeable
    public record NewPassword(@NotBlank(message = "validation.new-password-needed")
                              @Size(max = Passwords.MAX_LENGTH, message = "validation.password-too-long") String password) {
    }

    @Serdeable
    public record ResetLink(String link) {
    }
}
