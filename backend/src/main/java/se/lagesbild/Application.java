package se.lagesbild;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts Lägesbild: the JSON API under /api and the single-page frontend. */
@OpenAPIDefinition(info = @Info(
        title = "Lägesbild API",
        version = "1",
        description = "Rounds of self-assessment instruments for gender mainstreaming: instruments, organisations, "
                + "rounds, responses and answers, scores, comparisons, improvement actions, imports and exports. "
                + "Errors are RFC 7807 application/problem+json with a Swedish detail."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
