package se.lagesbild.organisation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.AuditTrail;
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
import se.lagesbild.system.ProblemException;

import java.util.Comparator;
import java.util.List;

@Tag(name = "Organisations")
@Controller("/api/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganisationController {

    private final OrganisationRepository organisations;
    private final AuditTrail audit;

    public OrganisationController(OrganisationRepository organisations, AuditTrail audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The organisations the caller has a role in; all of them for an administrator. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<Organisation> list(Caller caller) {
        if (caller.admin()) {
            return organisations.findAllOrderByName();
        }
        return organisations.findByIdIn(List.copyOf(caller.roles().keySet())).stream()
                .sorted(Comparator.comparing(Organisation::name)).toList();
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Organisation get(long id, Caller caller) {
        return organisations.findById(id).filter(organisation -> caller.admin() || caller.roleIn(id).isPresent())
                .orElseThrow(() -> notFound(id));
    }

    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<Organisation> create(@Valid @Body NewOrganisation request, Caller caller) {
        Organisation organisation = organisations.save(new Organisation(null, request.name().strip(), null));
        audit.record(caller, organisation.id(), "organisation.created", "organisation", organisation.id(), organisation.name());
        return HttpResponse.created(organisation);
    }

    public static ProblemException notFound(long id) {
        return ProblemException.notFound("Organisationen med id " + id + " finns inte.");
    }

    @Serdeable
    public record NewOrganisation(
            @NotBlank(message = "Ange organisationens namn.")
            @Size(max = 200, message = "Namnet får vara högst 200 tecken.") String name) {
    }
}
