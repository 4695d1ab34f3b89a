package se.lagesbild;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Map;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts Lägesbild: the JSON API under /api and the single-page frontend. */
@OpenAPIDefinition(info = @Info(
        title = "Lägesbild API",
        version = "1",
        description = "Rounds of self-assessment instruments for gender mainstreaming: instruments, organisations, "
                + "rounds, responses and answers, scores, comparisons, improvement actions, imports and exports. "
                + "Errors are RFC 7807 application/problem+json with a Swedish detail."),
        security = {@SecurityRequirement(name = "session"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "lagesbild_session",
        description = "The web app's HttpOnly session cookie, set by POST /api/auth/login")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The accessToken from POST /api/auth/login, for API clients")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // Liquibase and a few libraries log through java.util.logging: into logback with everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Liquibase writes its progress to the console unless its scope says to use its logger (kept at WARN in
        // logback.xml); the migrations run on this thread while the application context starts.
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        try {
            Scope.enter(Map.of(Scope.Attr.ui.name(), new LoggerUIService()));
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase's scope could not be set", e);
        }
        Micronaut.run(Application.class, args);
    }
}
