package se.lagesbild.account;

import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

/** Administrators manage users and their roles. */
@Tag(name = "Accounts")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
public class UserController {

    private final Accounts accounts;

    public UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The users with their roles (administrators). */
    @Get
    public List<Accounts.UserView> listUsers() {
        return accounts.all();
    }

    /** Creates a user with roles per organisation (administrators). */
    @Post
    public HttpResponse<NewUserView> createUser(@Valid @Body NewUser request, Caller caller) {
        User user = accounts.create(caller, request.username(), request.password(), request.roles());
        return HttpResponse.created(new NewUserView(user.id(), user.username()));
    }

    /** Replaces a user's roles (administrators). */
    @Put("/{userId}/roles")
    public Accounts.UserView updateRoles(long userId, @Valid @Body NewRoles request, Caller caller) {
        return accounts.updateRoles(caller, userId, request.roles());
    }

    /** Disables an account (its sessions end at once) or enables it again (administrators). */
    @Put("/{userId}/disabled")
    public Accounts.UserView setDisabled(long userId, @Valid @Body Disabled request, Caller caller) {
        return accounts.setDisabled(caller, userId, request.disabled());
    }

    @Serdeable
    public record Disabled(@NotNull(message = "validation.disabled-needed") Boolean disabled) {
    }

    @Serdeable
    public record NewUser(
            @NotBlank(message = "validation.username-needed")
            @Size(max = 254, message = "validation.username-too-long") String username,
            @NotBlank(message = "validation.password-needed") String password,
            @NotNull(message = "validation.roles-needed")
            @Size(max = 500, message = "validation.too-many-roles") List<Accounts.RoleAssignment> roles) {
    }

    @Serdeable
    public record NewRoles(
            @NotNull(message = "validation.roles-needed")
            @Size(max = 500, message = "validation.too-many-roles") List<Accounts.RoleAssignment> roles) {
    }

    @Serdeable
    public record NewUserView(long id, String username) {
    }
}
