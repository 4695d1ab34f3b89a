package se.lagesbild.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;

/** The first-run page's API: whether it is needed, and creating the first administrator. */
@Tag(name = "Accounts")
@ClientProblems
@ConflictProblem
@Controller("/api/setup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SetupController {

    private final FirstAdministrator firstAdministrator;
    private final Accounts accounts;
    private final SessionCookie cookie;

    public SetupController(FirstAdministrator firstAdministrator, Accounts accounts, SessionCookie cookie) {
        this.firstAdministrator = firstAdministrator;
        this.accounts = accounts;
        this.cookie = cookie;
    }

    /** Whether the platform still needs its first administrator. */
    @Get
    public SetupState state() {
        return new SetupState(firstAdministrator.setupNeeded());
    }

    /** Creates the first administrator on a new platform and signs them in. */
    @Post
    public HttpResponse<AuthController.SignedInView> setUp(@Valid @Body AuthController.Credentials credentials, HttpRequest<?> request) {
        Accounts.SignedIn signedIn = firstAdministrator.setUp(credentials.username(), credentials.password());
        return cookie.signedIn(new AuthController.SignedInView(signedIn.token(), accounts.view(signedIn.caller())), signedIn.token(), request)
                .status(HttpStatus.CREATED);
    }

    @Serdeable
    public record SetupState(boolean needed) {
    }
}
