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

/** Administrators manage users and their roles. */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
public class UserController {

    private final Accounts accounts;

    public UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Get
    public List<Accounts.UserView> list() {
        return accounts.all();
    }

    @Post
    public HttpResponse<NewUserView> create(@Valid @Body NewUser request, Caller caller) {
        User user = accounts.create(caller, request.username(), request.password(), request.roles());
        return HttpResponse.created(new NewUserView(user.id(), user.username()));
    }

    @Put("/{userId}/roles")
    public Accounts.UserView updateRoles(long userId, @Valid @Body NewRoles request, Caller caller) {
        return accounts.updateRoles(caller, userId, request.roles());
    }

    @Put("/{userId}/disabled")
    public Accounts.UserView setDisabled(long userId, @Valid @Body Disabled request, Caller caller) {
        return accounts.setDisabled(caller, userId, request.disabled());
    }

    @Serdeable
    public record Disabled(@NotNull(message = "Ange disabled: true stänger av kontot, false öppnar det igen.") Boolean disabled) {
    }

    @Serdeable
    public record NewUser(
            @NotBlank(message = "Ange användarnamn, till exempel en e-postadress.")
            @Size(max = 254, message = "Användarnamnet får vara högst 254 tecken.") String username,
            @NotBlank(message = "Ange ett lösenord.") String password,
            @NotNull(message = "Ange rollerna (roles), en lista som kan vara tom.")
            @Size(max = 500, message = "Högst 500 roller per användare.") List<Accounts.RoleAssignment> roles) {
    }

    @Serdeable
    public record NewRoles(
            @NotNull(message = "Ange rollerna (roles), en lista som kan vara tom.")
            @Size(max = 500, message = "Högst 500 roller per användare.") List<Accounts.RoleAssignment> roles) {
    }

    @Serdeable
    public record NewUserView(long id, String username) {
    }
}
