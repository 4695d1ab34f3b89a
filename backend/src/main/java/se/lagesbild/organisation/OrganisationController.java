package se.lagesbild.organisation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

import java.util.List;

@Tag(name = "Organisations")
@Controller("/api/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganisationController {

    private final OrganisationRepository organisations;

    public OrganisationController(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Get
    public List<Organisation> list() {
        return organisations.findAllOrderByName();
    }

    @Get("/{id}")
    public Organisation get(long id) {
        return organisations.findById(id).orElseThrow(() -> notFound(id));
    }

    @Post
    public HttpResponse<Organisation> create(@Valid @Body NewOrganisation request) {
        return HttpResponse.created(organisations.save(new Organisation(null, request.name().strip(), null)));
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
