package se.lagesbild.organisation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Permission;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

@Tag(name = "Organisations")
@SignInRequired
@ClientProblems
@Controller("/api/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganisationController {

    private final Organisations organisations;

    public OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The organisations the caller has a role in; all of them for an administrator. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<Organisation> listOrganisations(Caller caller) {
        return organisations.visibleTo(caller);
    }

    /** One organisation the caller may see. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Organisation getOrganisation(long id, Caller caller) {
        return organisations.get(id, caller, Permission.SEE_ORGANISATION);
    }

    /** Creates an organisation (administrators). */
    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<Organisation> createOrganisation(@Valid @Body NewOrganisation request, Caller caller) {
        return HttpResponse.created(organisations.create(caller, request.name()));
    }

    @Serdeable
    public record NewOrganisation(
            @NotBlank(message = "validation.organisation-name-needed")
            @Size(max = 200, message = "validation.name-too-long") String name) {
    }
}
