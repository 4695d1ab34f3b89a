package se.lagesbild.instrument;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The instruments the platform can run, and their definitions. */
@Controller("/api/instruments")
public class InstrumentController {

    private final InstrumentCatalog catalog;

    public InstrumentController(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    public List<InstrumentSummary> list() {
        return catalog.latestVersions().stream().map(InstrumentSummary::of).toList();
    }

    @Get("/{code}")
    public InstrumentDefinition latest(String code) {
        return catalog.latest(code);
    }

    @Get("/{code}/versions/{version}")
    public InstrumentDefinition version(String code, int version) {
        return catalog.version(code, version);
    }

    /** An instrument in a list: enough to pick one. */
    @Serdeable
    public record InstrumentSummary(String code, int version, String title, String kind) {
        static InstrumentSummary of(InstrumentDefinition definition) {
            return new InstrumentSummary(definition.code(), definition.version(), definition.title(), definition.kind());
        }
    }
}
