package se.lagesbild.instrument;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

/** The instruments the platform can run, and their definitions. */
@Tag(name = "Instruments")
@SignInRequired
@ClientProblems
@Controller("/api/instruments")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class InstrumentController {

    private final InstrumentCatalog catalog;

    public InstrumentController(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    /** The instruments, each in its latest version. */
    @Get
    public List<InstrumentSummary> listInstruments() {
        return catalog.latestVersions().stream().map(InstrumentSummary::of).toList();
    }

    /** An instrument's latest version, with its parts, items and scale. */
    @Get("/{code}")
    public InstrumentDefinition latest(String code) {
        return catalog.latest(code);
    }

    /** The stored versions of an instrument. */
    @Get("/{code}/versions")
    public List<InstrumentSummary> versions(String code) {
        return catalog.versions(code).stream().map(InstrumentSummary::of).toList();
    }

    /**
     * Loads a definition file (the YAML text as the body) as a new version: 201 when new, 200 when that
     * version is already stored with the same content.
     */
    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(Roles.ADMIN)
    @ConflictProblem
    public HttpResponse<InstrumentDefinition> upload(@Body String definitionFile) {
        InstrumentCatalog.Publication publication = catalog.publish("uploaded file", definitionFile);
        return publication.created() ? HttpResponse.created(publication.definition()) : HttpResponse.ok(publication.definition());
    }

    /** One version of an instrument, as its rounds were answered. */
    @Get("/{code}/versions/{version}")
    public InstrumentDefinition version(String code, int version) {
        return catalog.version(code, version);
    }

    /** An instrument in a list: enough to pick one, in Swedish or (where the file has it) English. */
    @Serdeable
    public record InstrumentSummary(String code, int version, String title, @Nullable String titleEn, String kind) {
        static InstrumentSummary of(InstrumentDefinition definition) {
            return new InstrumentSummary(definition.code(), definition.version(), definition.title(), definition.titleEn(),
                    definition.kind());
        }
    }
}
